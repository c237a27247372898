/**
 * `npm run seed [-- --reset]`: loads the story graph (cypher/schema.cypher, then
 * cypher/seed.cypher) into NEO4J_URI, or into the local Neo4j when NEO4J_URI is unset (starting
 * it for the duration of the command). Loading is idempotent; --reset deletes every node and
 * relationship first.
 */
import { readCommandLine } from '../cli/command-line.js';
import { describeTarget, exitWith, runCommand } from '../cli/run-command.js';
import { resolveLogFormat } from '../logger.js';
import { createTerminalProgress, stepFromCount } from '../terminal-progress.js';
import { seedStory } from './seed.js';

const USAGE = `Usage: npm run seed [-- --reset]

Loads the Dossier story graph (cypher/schema.cypher, then cypher/seed.cypher) into the
database named by NEO4J_URI, or into the local Neo4j when NEO4J_URI is unset.
Loading twice gives the same graph.

  --reset        delete every node and relationship in the database first
  --wait <secs>  how long to wait for Neo4j to answer (default 60)
  --help         show this help`;

async function main(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, USAGE, { reset: { type: 'boolean', default: false } }, (p) => {
    if (p.positionals.length > 0) throw new Error(`Unexpected argument "${p.positionals[0]}".`);
    return p.values.reset;
  });
  if ('exit' in line) return line.exit;
  const { args: reset, waitSeconds } = line;

  return runCommand({
    waitSeconds,
    onInterrupt: 'the seed transaction is rolled back.',
    intro: (config) =>
      `Seeding the story graph into ${describeTarget(config)}${reset ? ', after deleting everything in it' : ''} …`,
    run: async (db, config) => {
      // On a terminal the seed's steps ("… 3/12") draw a bar; elsewhere every line is printed.
      const bars =
        resolveLogFormat(config.logFormat, process.stderr.isTTY) === 'pretty'
          ? createTerminalProgress(process.stderr, (text) => process.stdout.write(text))
          : undefined;
      const progress = (message: string): void => {
        const step = bars && stepFromCount(message, 'story graph', 'steps');
        if (step) bars?.update(step);
        else if (bars) bars.log(`${message}\n`);
        else console.log(message);
      };
      const result = await seedStory(db, { reset, progress });
      bars?.stop();
      progress(
        `Done: ${result.statements} statements; the database now holds ${result.nodes} nodes and ${result.relationships} relationships.`,
      );
    },
    failure: 'Seeding failed',
    afterFailure: reset
      ? 'The story graph loads in one transaction, so it was not partly loaded (the --reset deletion may already have run).'
      : 'The story graph loads in one transaction, so it was not partly loaded.',
  });
}

exitWith(main(process.argv.slice(2)), 'Seeding failed');
