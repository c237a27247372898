import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';
import { MissingToolError } from '../neo4j/fetch-jars.js';
import { openRuntime, waitForDatabase, type Runtime } from '../runtime.js';

/**
 * Human-readable lines rather than JSON: commands are watched by people. The driver's own
 * connection warnings (with stack traces, once per retry) are shown only at LOG_LEVEL=debug; the
 * command's final error says what went wrong.
 */
export function cliLogger(level: string): Logger {
  const showDriver = level === 'debug' || level === 'trace';
  return pino(
    { level, base: undefined, timestamp: false },
    {
      write(line: string) {
        try {
          const entry = JSON.parse(line) as {
            level?: number;
            msg?: string;
            err?: { message?: string };
            neo4jDriver?: string;
          };
          if (entry.neo4jDriver !== undefined && !showDriver) return;
          const prefix =
            (entry.level ?? 30) >= 50 ? 'error: ' : (entry.level ?? 30) >= 40 ? 'warning: ' : '';
          const detail = entry.err?.message ? ` (${entry.err.message})` : '';
          process.stderr.write(`${prefix}${entry.msg ?? ''}${detail}\n`);
        } catch {
          process.stderr.write(line);
        }
      },
    },
  );
}

/** Where a command writes: "the local Neo4j (data in …)" or the URI and database. */
export function describeTarget(config: Config): string {
  return config.neo4j.uri === undefined
    ? `the local Neo4j (data in ${config.localNeo4j.dataDir})`
    : `${config.neo4j.uri} (database "${config.neo4j.database}")`;
}

export interface CommandSpec {
  /** How long to wait for Neo4j to answer. */
  readonly waitSeconds: number;
  /** Printed after SIGINT/SIGTERM, e.g. what was rolled back and how to carry on. */
  readonly onInterrupt: string;
  /** The first line, given the config (e.g. "Seeding … into …"). */
  readonly intro: (config: Config) => string;
  /** The work; resolves when done. */
  readonly run: (db: Database, config: Config) => Promise<void>;
  /** Prints what went wrong for errors the command knows; returns false to use the generic text. */
  readonly explain?: (err: unknown) => boolean;
  /** The generic failure line's prefix, e.g. "Seeding failed". */
  readonly failure: string;
  /** Printed after any failure (e.g. what was and was not written). */
  readonly afterFailure?: string;
}

/**
 * Runs a command against NEO4J_URI, or the local Neo4j started for its duration: validated config,
 * a quiet logger, Ctrl-C and SIGTERM that close the runtime (no JVM left behind), and failures
 * that say what to check. Resolves with the exit code: 0, 1 (failed), 2 (bad config), 130
 * (interrupted).
 */
export async function runCommand(spec: CommandSpec): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  // Quieter than the server by default: the command's own progress lines are what people watch.
  const logger = cliLogger(process.env['LOG_LEVEL'] ? config.logLevel : 'info');

  let runtime: Runtime | undefined;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping; ${spec.onInterrupt}`);
    void (runtime?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    console.log(spec.intro(config));
    runtime = await openRuntime(config, logger);
    await waitForDatabase(runtime.db, logger, spec.waitSeconds * 1000);
    await spec.run(runtime.db, config);
    return 0;
  } catch (err) {
    if (interrupted) return 130;
    if (err instanceof MissingToolError) {
      console.error(err.message);
    } else if (!spec.explain?.(err)) {
      console.error(`${spec.failure}: ${err instanceof Error ? err.message : String(err)}`);
      if (config.neo4j.uri !== undefined) {
        console.error(
          `Check that Neo4j is running at ${config.neo4j.uri} and that NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE are right.`,
        );
      }
      if (spec.afterFailure) console.error(spec.afterFailure);
    }
    return 1;
  } finally {
    if (!interrupted) await runtime?.close();
  }
}

/** Ends the process with the command's exit code; an unexpected throw is exit 1. */
export function exitWith(code: Promise<number>, failure: string): void {
  code.then(
    (c) => process.exit(c),
    (err: unknown) => {
      console.error(`${failure}:`, err);
      process.exit(1);
    },
  );
}
