import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { createTerminalProgress, type Progress } from './terminal-progress.js';

// Loaded only for a terminal: JSON logging (servers, CI, the cold-start bench) does not pay for it.
const require = createRequire(import.meta.url);

export type { Logger };

/** LOG_FORMAT: `auto` is readable lines on a terminal and JSON lines anywhere else. */
export type LogFormat = 'auto' | 'pretty' | 'json';

/** The format actually used: `auto` follows whether stdout is a terminal. */
export function resolveLogFormat(format: LogFormat, isTTY: boolean | undefined): 'pretty' | 'json' {
  if (format !== 'auto') return format;
  return isTTY === true ? 'pretty' : 'json';
}

/**
 * The app's logger. JSON lines on stdout (one object per line, what log shippers expect) unless
 * the format resolves to `pretty`: then pino-pretty's lines for people, and entries that carry a
 * `progress` step (see logProgress) drawn as a progress bar on stderr instead of one line each.
 */
export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = { level, base: { app: 'dossier' }, timestamp: pino.stdTimeFunctions.isoTime };
  if (resolveLogFormat(format, process.stdout.isTTY) === 'json') return pino(options);
  return pino(options, prettyDestination(process.stdout, process.stderr));
}

/**
 * Formats each entry synchronously with pino-pretty's formatter (no worker thread, so nothing is
 * lost when the process exits right after a line), routing progress entries to the bar.
 */
function prettyDestination(
  out: NodeJS.WritableStream,
  barStream: NodeJS.WritableStream,
): DestinationStream {
  const { prettyFactory } = require('pino-pretty') as typeof PinoPretty;
  const format = prettyFactory({
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,app',
    singleLine: true,
  });
  const progress = createTerminalProgress(barStream, (text) => out.write(text));
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        progress.log(line);
        return;
      }
      const step = entry['progress'];
      if (step !== null && typeof step === 'object') {
        progress.update(step as Parameters<typeof progress.update>[0]);
        return;
      }
      progress.log(format(entry));
    },
  };
}

/**
 * Progress reports as log entries: the sentence as the message and the step as `progress`, so a
 * JSON reader gets the numbers and a terminal gets a bar.
 */
export function logProgress(logger: Logger): Progress {
  return (message, step) => {
    if (step) logger.info({ progress: step }, message);
    else logger.info(message);
  };
}
