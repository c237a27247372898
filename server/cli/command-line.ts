import { parseArgs, type ParseArgsConfig } from 'node:util';

/** --wait and --help: every command that talks to Neo4j takes them. */
const COMMON = {
  wait: { type: 'string', default: '60' },
  help: { type: 'boolean', default: false },
} as const;

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: O & typeof COMMON;
    strict: true;
    allowPositionals: true;
  }>
>;

/** A number option that must be a positive integer, e.g. --batch-size. */
export function positiveInteger(option: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${option} must be a positive integer, not "${raw}"`);
  }
  return n;
}

/**
 * Reads a command's arguments: its own `options` besides --wait and --help, then `read` turns the
 * parsed values into what the command needs, throwing for a bad one. --help prints the usage
 * (exit 0); a mistake prints what is wrong and the usage (exit 2), before anything connects.
 */
export function readCommandLine<O extends Options, A>(
  argv: string[],
  usage: string,
  options: O,
  read: (parsed: Parsed<O>) => A,
): { readonly args: A; readonly waitSeconds: number } | { readonly exit: number } {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, ...COMMON },
      strict: true,
      allowPositionals: true,
    }) as Parsed<O>;
    const values = parsed.values as { help?: boolean; wait?: string };
    if (values.help) {
      console.log(usage);
      return { exit: 0 };
    }
    const wait = values.wait ?? COMMON.wait.default;
    const waitSeconds = Number(wait);
    if (!Number.isFinite(waitSeconds) || waitSeconds <= 0) {
      throw new Error(`--wait must be a positive number of seconds, not "${wait}"`);
    }
    return { args: read(parsed), waitSeconds };
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return { exit: 2 };
  }
}
