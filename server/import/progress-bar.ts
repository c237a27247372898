import { basename } from 'node:path';
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

/**
 * A redrawn bar (rows, rows/s, ETA) on a terminal; plain lines, one per committed batch,
 * anywhere else.
 */
export function createProgressReporter(
  out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
): ProgressReporter {
  if (!out.isTTY) {
    return {
      update: (p) => out.write(`${formatProgressLine(p)}\n`),
      done: () => undefined,
    };
  }
  let drawn = false;
  let lastDraw = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - lastDraw < 100 && p.bytesDone < p.bytesTotal) return;
      lastDraw = now;
      const { rowsPerSecond, share, etaMs } = rates(p);
      const width = 24;
      const filled = Math.round(share * width);
      const text = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${number.format(p.rows)} rows · ${number.format(Math.round(rowsPerSecond))} rows/s · ETA ${duration(etaMs)} · ${basename(p.file)}`;
      const max = (out.columns ?? 100) - 1;
      out.write(`\r\x1b[K${text.length > max ? text.slice(0, max) : text}`);
      drawn = true;
    },
    done() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
