/**
 * `npm run restore -- FILE [--replace]`: loads a backup written by npm run export into NEO4J_URI,
 * or the local Neo4j. The target must be empty unless --replace; the file is checked whole before
 * anything is written.
 */
import { resolve } from 'node:path';
import { BackupFileError } from '../backup/backup-format.js';
import { formatBackupProgress } from '../backup/progress-line.js';
import { restoreBackup, TargetNotEmptyError } from '../backup/restore-backup.js';
import { positiveInteger, readCommandLine } from './command-line.js';
import { describeTarget, exitWith, runCommand } from './run-command.js';

const USAGE = `Usage: npm run restore -- FILE [--replace]

Restores a backup written by npm run export into the database named by NEO4J_URI (or the local
Neo4j when it is unset), giving the same graph: nodes, relationships, properties of every type,
constraints and indexes. The file is checked whole before anything is written.

  --replace          delete everything in the target database first (else it must be empty)
  --batch-size <n>   nodes or relationships per transaction (default 5000)
  --wait <secs>      how long to wait for Neo4j to answer (default 60)
  --help             show this help`;

const number = new Intl.NumberFormat('en-GB');

async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(
    argv,
    USAGE,
    {
      replace: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: '5000' },
    },
    (p) => {
      if (p.positionals.length !== 1 || !p.positionals[0]) {
        throw new Error('Give exactly one FILE.');
      }
      return {
        file: resolve(p.positionals[0]),
        replace: p.values.replace,
        batchSize: positiveInteger('--batch-size', p.values['batch-size']),
      };
    },
  );
  if ('exit' in line) return line.exit;
  const { file, replace, batchSize } = line.args;
  const { waitSeconds } = line;

  let writing = false;
  return runCommand({
    waitSeconds,
    onInterrupt:
      'the restore is incomplete. Run the same command with --replace to start it again.',
    intro: (config) =>
      `Restoring ${file} into ${describeTarget(config)}${replace ? ', after deleting everything in it' : ''} …`,
    run: async (db) => {
      const s = await restoreBackup(db, file, {
        replace,
        batchSize,
        onPhase: (m) => {
          if (m.startsWith('Creating')) writing = true;
          process.stderr.write(`${m}\n`);
        },
        onProgress: (p) => process.stderr.write(`${formatBackupProgress('restore', p)}\n`),
      });
      console.log(
        `Restored ${number.format(s.nodes)} nodes, ${number.format(s.relationships)} relationships, ${s.constraints} constraints and ${s.indexes} indexes in ${(s.elapsedMs / 1000).toFixed(1)} s.`,
      );
    },
    explain: (err) => {
      if (err instanceof TargetNotEmptyError) {
        console.error(`Restore refused: ${err.message}`);
        return true;
      }
      if (err instanceof BackupFileError) {
        console.error(`Restore stopped, the backup file is damaged: ${err.message}`);
        console.error(
          writing
            ? 'Part of the backup was written before the damaged line: the target holds an incomplete restore. Fix the file (or use another backup) and run again with --replace.'
            : 'Nothing was written.',
        );
        return true;
      }
      if (writing) {
        console.error(
          `Restore failed: ${err instanceof Error ? err.message : String(err)}\nThe target holds an incomplete restore (its nodes carry the label DossierRestoring). Run the same command again with --replace.`,
        );
        return true;
      }
      return false;
    },
    failure: 'Restore failed',
    afterFailure: 'Nothing was written.',
  });
}

exitWith(main(process.argv.slice(2)), 'Restore failed');
