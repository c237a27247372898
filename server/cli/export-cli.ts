/**
 * `npm run export -- FILE`: writes the whole investigation (every node and relationship with all
 * their properties, Dossier's bookkeeping, constraints and indexes) to one gzip'd JSON-lines file,
 * from NEO4J_URI or the local Neo4j. `npm run restore -- FILE` reads it back.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportBackup } from '../backup/export-backup.js';
import { formatBackupProgress } from '../backup/progress-line.js';
import { readCommandLine } from './command-line.js';
import { describeTarget, exitWith, runCommand } from './run-command.js';

const USAGE = `Usage: npm run export -- FILE [--force]

Writes everything in the database named by NEO4J_URI (or the local Neo4j when it is unset) to
FILE: nodes, relationships, every property type, sources, history, saved cases, constraints and
indexes, as gzip'd JSON lines (conventionally FILE.dossier.gz). Restore it with npm run restore.

  --force        overwrite FILE if it exists
  --wait <secs>  how long to wait for Neo4j to answer (default 60)
  --help         show this help`;

const number = new Intl.NumberFormat('en-GB');

async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, USAGE, { force: { type: 'boolean', default: false } }, (p) => {
    if (p.positionals.length !== 1 || !p.positionals[0]) throw new Error('Give exactly one FILE.');
    const file = resolve(p.positionals[0]);
    if (existsSync(file) && !p.values.force) {
      throw new Error(`${file} exists; choose another name or add --force to overwrite it.`);
    }
    return file;
  });
  if ('exit' in line) return line.exit;
  const { args: file, waitSeconds } = line;

  return runCommand({
    waitSeconds,
    onInterrupt: `nothing is left under ${file} (only a .partial file, which you may delete).`,
    intro: (config) => `Exporting ${describeTarget(config)} to ${file} …`,
    run: async (db) => {
      const s = await exportBackup(db, file, {
        onProgress: (p) => process.stderr.write(`${formatBackupProgress('export', p)}\n`),
      });
      console.log(
        `Exported ${number.format(s.nodes)} nodes, ${number.format(s.relationships)} relationships, ${s.constraints} constraints and ${s.indexes} indexes to ${file} (${number.format(Math.round(s.bytes / 1024))} KiB) in ${(s.elapsedMs / 1000).toFixed(1)} s.`,
      );
    },
    failure: 'Export failed',
    afterFailure: `No backup was written under ${file}.`,
  });
}

exitWith(main(process.argv.slice(2)), 'Export failed');
