import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { importStep } from '../../server/import/progress-bar.js';
import { resolveLogFormat } from '../../server/logger.js';
import { createTerminalProgress, stepFromCount } from '../../server/terminal-progress.js';

/** A stream that keeps what is written, ANSI escapes removed. */
function collector(): { stream: Writable; text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  // eslint-disable-next-line no-control-regex
  return { stream, text: () => written.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '') };
}

describe('LOG_FORMAT: readable on a terminal, JSON lines elsewhere', () => {
  it('auto follows the terminal; pretty and json are forced', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('auto', undefined)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });

  it('is read by the configuration (default auto) and checked', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

describe('progress bars (cli-progress)', () => {
  it('draws a bar per task, prints lines above it, and leaves it at 100%', () => {
    const bar = collector();
    const lines: string[] = [];
    const progress = createTerminalProgress(bar.stream, (t) => lines.push(t));
    progress.log('before\n');
    progress.update({ task: 'story graph', done: 1, total: 4, unit: 'steps' });
    progress.log('during\n');
    progress.update({ task: 'story graph', done: 4, total: 4, unit: 'steps' });
    progress.log('after\n');
    expect(lines).toEqual(['before\n', 'after\n']);
    const drawn = bar.text();
    // Redraws are throttled (10 per second), so only the last state is certain to be drawn.
    expect(drawn).toContain('during\n');
    expect(drawn).toMatch(/story graph \[█{20}\] 100% 4\/4 steps/);
  });

  it('reads the seed\'s "… n/total" lines as steps, and nothing else', () => {
    expect(stepFromCount('  … 3/12', 'story graph', 'steps')).toEqual({
      task: 'story graph',
      done: 3,
      total: 12,
      unit: 'steps',
    });
    expect(stepFromCount('Loading the story graph (12 batches) …', 'x', 'y')).toBeUndefined();
  });

  it('shows an import as megabytes of CSV read, with rows, rate and file beside the bar', () => {
    expect(
      importStep({
        file: '/data/pole/crime-investigation.nodes.Crime.csv',
        fileIndex: 1,
        fileCount: 28,
        rows: 20_000,
        nodes: 20_000,
        relationships: 0,
        bytesDone: 2_400_000,
        bytesTotal: 8_300_000,
        elapsedMs: 2_000,
      }),
    ).toEqual({
      task: 'import',
      done: 2.4,
      total: 8.3,
      unit: 'MB of CSV',
      detail: '20,000 rows · 10,000 rows/s · file 2/28 crime-investigation.nodes.Crime.csv',
    });
  });
});
