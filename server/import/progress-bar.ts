import { basename } from 'node:path';
import { createTerminalProgress, type ProgressStep } from '../terminal-progress.js';
import type { ImportProgress } from './import-csv.js';

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  /** Ends the bar's line so later output starts on a fresh one. */
  done(): void;
}

const number = new Intl.NumberFormat('en-GB');

function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '–';
  const s = Math.round(ms / 1000);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Rows per second so far, and an ETA from the share of input bytes still to read. */
function rates(p: ImportProgress): { rowsPerSecond: number; share: number; etaMs: number } {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  const share = p.bytesTotal > 0 ? Math.min(p.bytesDone / p.bytesTotal, 1) : 1;
  const etaMs = share > 0 ? (p.elapsedMs / share) * (1 - share) : Number.NaN;
  return { rowsPerSecond: p.rows / seconds, share, etaMs };
}

/** One plain line per report, for logs and pipes (also what tests read from a child process). */
export function formatProgressLine(p: ImportProgress): string {
  const { rowsPerSecond, share, etaMs } = rates(p);
  return [
    `import: ${number.format(p.rows)} rows`,
    `${number.format(p.nodes)} nodes`,
    `${number.format(p.relationships)} relationships`,
    `${number.format(Math.round(rowsPerSecond))} rows/s`,
    `${(share * 100).toFixed(0)}%`,
    `ETA ${duration(etaMs)}`,
    `file ${p.fileIndex + 1}/${p.fileCount} ${basename(p.file)}`,
  ].join(' · ');
}

/** The import as a bar step: input megabytes read, with rows, rate and file beside the bar. */
export function importStep(p: ImportProgress): ProgressStep {
  const { rowsPerSecond } = rates(p);
  return {
    task: 'import',
    done: Math.round(p.bytesDone / 1e5) / 10,
    total: Math.max(Math.round(p.bytesTotal / 1e5) / 10, 0.1),
    unit: 'MB of CSV',
    detail: `${number.format(p.rows)} rows · ${number.format(Math.round(rowsPerSecond))} rows/s · file ${p.fileIndex + 1}/${p.fileCount} ${basename(p.file)}`,
  };
}

/**
 * A progress bar (cli-progress, on `out`) when `bar` is true — a person at a terminal; plain
 * lines, one per committed batch, otherwise (logs, pipes, and the tests that read a child's
 * output).
 */
export function createProgressReporter(
  out: NodeJS.WritableStream,
  bar: boolean,
  print: (text: string) => void = (text) => process.stdout.write(text),
): ProgressReporter {
  if (!bar) {
    return {
      update: (p) => out.write(`${formatProgressLine(p)}\n`),
      done: () => undefined,
    };
  }
  const terminal = createTerminalProgress(out, print);
  return {
    update: (p) => terminal.update(importStep(p)),
    done: () => terminal.stop(),
  };
}
