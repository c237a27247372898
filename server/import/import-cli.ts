/**
 * `npm run import -- <dir>`: loads a directory of neo4j-admin-style CSV files into NEO4J_URI, or
 * into the local Neo4j when NEO4J_URI is unset (starting it for the duration of the command).
 * Importing twice, or again after an interrupted run, gives the graph of one clean import.
 */
import { resolve } from 'node:path';
import { positiveInteger, readCommandLine } from '../cli/command-line.js';
import { describeTarget, exitWith, runCommand } from '../cli/run-command.js';
import { deleteAllNodes } from '../db/delete-all.js';
import { importCsvDirectory } from './import-csv.js';
import { ImportError } from './import-error.js';
import { resolveLogFormat } from '../logger.js';
import { createProgressReporter } from './progress-bar.js';

const USAGE = `Usage: npm run import -- <directory> [options]

Loads the neo4j-admin-style CSV files of <directory> (node files with :ID and :LABEL,
relationship files with :START_ID, :END_ID and :TYPE) into the database named by NEO4J_URI,
or into the local Neo4j when NEO4J_URI is unset. Each node keeps its :ID in the property
"importId". Running it again, also after an interrupted run, gives the same graph.

  --batch-size <n>         rows per transaction (default 10000)
  --delimiter <c>          field delimiter (default ",")
  --array-delimiter <c>    delimiter in :LABEL and array fields (default ";")
  --reset                  delete every node and relationship in the database first
  --wait <secs>            how long to wait for Neo4j to answer (default 60)
  --help                   show this help`;

/** Plain lines on stderr; the driver's connection warnings only at LOG_LEVEL=debug. */
const OPTIONS = {
  'batch-size': { type: 'string', default: '10000' },
  delimiter: { type: 'string', default: ',' },
  'array-delimiter': { type: 'string', default: ';' },
  reset: { type: 'boolean', default: false },
} as const;

const number = new Intl.NumberFormat('en-GB');

async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, USAGE, OPTIONS, ({ values, positionals }) => {
    if (positionals.length !== 1 || positionals[0] === undefined) {
      throw new Error('Give exactly one directory to import.');
    }
    for (const [name, value] of [
      ['--delimiter', values.delimiter],
      ['--array-delimiter', values['array-delimiter']],
    ] as const) {
      if (value.length !== 1) throw new Error(`${name} must be one character, not "${value}"`);
    }
    return {
      dir: resolve(positionals[0]),
      batchSize: positiveInteger('--batch-size', values['batch-size']),
      delimiter: values.delimiter,
      arrayDelimiter: values['array-delimiter'],
      reset: values.reset,
    };
  });
  if ('exit' in line) return line.exit;
  const { args } = line;

  // Chosen once the configuration (LOG_FORMAT) is read; plain lines until then.
  let reporter = createProgressReporter(process.stderr, false);
  const code = await runCommand({
    waitSeconds: line.waitSeconds,
    onInterrupt:
      'the batch being written is rolled back. Run the same command again to finish the import.',
    intro: (config) => `Importing ${args.dir} into ${describeTarget(config)} …`,
    run: async (db, config) => {
      const bar = resolveLogFormat(config.logFormat, process.stderr.isTTY) === 'pretty';
      reporter = createProgressReporter(process.stderr, bar);
      if (args.reset) {
        console.log('Deleting the existing graph …');
        await deleteAllNodes(db);
      }
      const summary = await importCsvDirectory(db, args.dir, {
        batchSize: args.batchSize,
        delimiter: args.delimiter,
        arrayDelimiter: args.arrayDelimiter,
        onProgress: (p) => reporter.update(p),
      });
      reporter.done();
      console.log(
        `Imported ${number.format(summary.nodes)} nodes (${number.format(summary.nodesCreated)} new) and ${number.format(summary.relationships)} relationships (${number.format(summary.relationshipsCreated)} new) from ${summary.files} files in ${(summary.elapsedMs / 1000).toFixed(1)} s (${number.format(summary.rowsPerSecond)} rows/s).`,
      );
      const table = (counts: Readonly<Record<string, number>>): string =>
        Object.entries(counts)
          .sort(([, a], [, b]) => b - a)
          .map(([name, n]) => `${name} ${number.format(n)}`)
          .join(' · ');
      console.log(`  labels: ${table(summary.labels)}`);
      console.log(`  types:  ${table(summary.types)}`);
    },
    explain: (err) => {
      reporter.done();
      if (!(err instanceof ImportError)) return false;
      console.error(`Import stopped: ${err.message}`);
      console.error(
        'Nothing of the batch holding that row was written; earlier batches were. Fix the file and run the same command again: the import carries on where it stopped and gives the same graph as a clean one.',
      );
      return true;
    },
    failure: 'Import failed',
  });
  reporter.done();
  return code;
}

exitWith(main(process.argv.slice(2)), 'Import failed');
