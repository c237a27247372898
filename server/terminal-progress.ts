import type cliProgressModule from 'cli-progress';
import { createRequire } from 'node:module';

// Loaded when the first bar is drawn, so output that never draws one does not pay for it.
const require = createRequire(import.meta.url);

/** How far a long step has come: what a progress bar draws, and a JSON log line carries. */
export interface ProgressStep {
  /** What is being done, e.g. "Neo4j's jars" or "story graph"; a new task starts a new bar. */
  readonly task: string;
  readonly done: number;
  readonly total: number;
  /** The unit of done and total, e.g. "MB", "rows", "batches". */
  readonly unit: string;
  /** More to show after the bar, e.g. "12,000 rows · 9,800 rows/s". */
  readonly detail?: string;
}

/** A progress report: a sentence for logs, and optionally the numbers for a bar. */
export type Progress = (message: string, step?: ProgressStep) => void;

/**
 * Reads "… 12/40" — how the story seed (server/seed/seed.ts) reports its steps — as a step of
 * `task`, so its callers can draw a bar without the seed knowing about terminals.
 */
export function stepFromCount(
  message: string,
  task: string,
  unit: string,
): ProgressStep | undefined {
  const m = /^\s*…\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(message);
  if (!m?.[1] || !m[2]) return undefined;
  return { task, done: Number(m[1]), total: Number(m[2]), unit };
}

/** Progress bars on a terminal, with ordinary lines printed above the bar. */
export interface TerminalProgress {
  /** Draws (or advances) the bar of step.task; a different task ends the previous bar. */
  update(step: ProgressStep): void;
  /** Prints a line (ending in a newline) above the bar, or plainly when no bar is drawn. */
  log(text: string): void;
  /** Ends the bar, leaving it on screen as it last was. */
  stop(): void;
}

/**
 * Bars drawn with cli-progress on `stream` (stderr: stdout stays for what a command prints).
 * `fallback` receives lines while no bar is drawn.
 */
export function createTerminalProgress(
  stream: NodeJS.WritableStream,
  fallback: (text: string) => void,
): TerminalProgress {
  let bars: cliProgressModule.MultiBar | undefined;
  let bar: cliProgressModule.SingleBar | undefined;
  let task: string | undefined;
  let startedAt = 0;
  const stop = (): void => {
    // Lines logged since the last redraw wait in cli-progress's buffer: draw once more first.
    bars?.update();
    bars?.stop();
    bars = undefined;
    bar = undefined;
    task = undefined;
  };
  return {
    update(step) {
      if (step.task !== task) {
        stop();
        task = step.task;
        startedAt = Date.now();
        const cliProgress = require('cli-progress') as typeof cliProgressModule;
        bars = new cliProgress.MultiBar(
          {
            stream,
            // Short enough for an 80-column terminal; cli-progress cuts what does not fit.
            format: `  {task} [{bar}] {percentage}% {done}/{all} {unit} · {duration_formatted}{left}{detail}`,
            barCompleteChar: '█',
            barIncompleteChar: '░',
            barsize: 20,
            hideCursor: true,
            // Ctrl-C while a bar is drawn (the jar download) must give the cursor back.
            gracefulExit: true,
            clearOnComplete: false,
            // Output is drawn only on a terminal anyway (createLogger chooses), so no TTY check.
            noTTYOutput: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar = bars.create(step.total, 0);
      }
      const format = (n: number): string =>
        Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toFixed(1);
      // Projected from the average so far; none until there is something to project from.
      const elapsed = Date.now() - startedAt;
      const left = step.done > 0 ? (elapsed / step.done) * (step.total - step.done) : Number.NaN;
      const eta =
        Number.isFinite(left) && step.done < step.total
          ? `, ~${Math.max(1, Math.round(left / 1000))} s left`
          : '';
      bar?.setTotal(step.total);
      bar?.update(Math.min(step.done, step.total), {
        task: step.task,
        done: format(step.done),
        all: format(step.total),
        unit: step.unit,
        left: eta,
        detail: step.detail ? ` · ${step.detail}` : '',
      });
      if (step.done >= step.total) stop();
    },
    log(text) {
      if (bars) bars.log(text);
      else fallback(text);
    },
    stop,
  };
}
