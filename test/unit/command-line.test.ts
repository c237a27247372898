import { afterEach, describe, expect, it, vi } from 'vitest';
import { positiveInteger, readCommandLine } from '../../server/cli/command-line.js';

const USAGE = 'Usage: test';
const options = { 'batch-size': { type: 'string', default: '5' } } as const;
const read = (argv: string[]) =>
  readCommandLine(argv, USAGE, options, ({ values, positionals }) => ({
    file: positionals[0],
    batchSize: positiveInteger('--batch-size', values['batch-size']),
  }));

describe('readCommandLine', () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives the command's own options, its positionals and --wait", () => {
    expect(read(['f', '--batch-size', '7', '--wait', '2.5'])).toEqual({
      args: { file: 'f', batchSize: 7 },
      waitSeconds: 2.5,
    });
    expect(read(['f'])).toEqual({ args: { file: 'f', batchSize: 5 }, waitSeconds: 60 });
  });

  it('prints the usage for --help and exits 0', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(read(['--help'])).toEqual({ exit: 0 });
    expect(log).toHaveBeenCalledWith(USAGE);
  });

  it('says what is wrong, then the usage, and exits 2', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [argv, message] of [
      [['f', '--wait', '0'], '--wait must be a positive number of seconds, not "0"'],
      [['f', '--batch-size', '1.5'], '--batch-size must be a positive integer, not "1.5"'],
      [['f', '--bogus'], "Unknown option '--bogus'"],
    ] as const) {
      expect(read([...argv])).toEqual({ exit: 2 });
      expect(String(error.mock.lastCall?.[0])).toContain(message);
      expect(String(error.mock.lastCall?.[0])).toContain(USAGE);
    }
  });
});
