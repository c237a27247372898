/**
 * `npm run seed [-- --reset]`: loads the story graph (cypher/schema.cypher, then
 * cypher/seed.cypher) into NEO4J_URI, or into the local Neo4j when NEO4J_URI is unset (starting
 * it for the duration of the command). Loading is idempotent; --reset deletes every node and
 * relationship first.
 */
import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { MissingToolError } from '../neo4j/fetch-jars.js';
import { openRuntime, waitForDatabase, type Runtime } from '../runtime.js';
import { seedStory } from './seed.js';

const USAGE = `Usage: npm run seed [-- --reset]

Loads the Dossier story graph (cypher/schema.cypher, then cypher/seed.cypher) into the
database named by NEO4J_URI, or into the local Neo4j when NEO4J_URI is unset.
Loading twice gives the same graph.

  --reset        delete every node and relationship in the database first
  --wait <secs>  how long to wait for Neo4j to answer (default 60)
  --help         show this help`;

/**
 * Human-readable lines rather than JSON: this is a command people watch. The driver's own
 * connection warnings (with stack traces, once per retry) are shown only at LOG_LEVEL=debug; the
 * command's final error says what went wrong.
 */
function cliLogger(level: string): Logger {
  const showDriver = level === 'debug' || level === 'trace';
  return pino(
    { level, base: undefined, timestamp: false },
    {
      write(line: string) {
        try {
          const entry = JSON.parse(line) as {
            level?: number;
            msg?: string;
            err?: { message?: string };
            neo4jDriver?: string;
          };
          if (entry.neo4jDriver !== undefined && !showDriver) return;
          const prefix =
            (entry.level ?? 30) >= 50 ? 'error: ' : (entry.level ?? 30) >= 40 ? 'warning: ' : '';
          const detail = entry.err?.message ? ` (${entry.err.message})` : '';
          process.stderr.write(`${prefix}${entry.msg ?? ''}${detail}\n`);
        } catch {
          process.stderr.write(line);
        }
      },
    },
  );
}

function describe(config: Config): string {
  return config.neo4j.uri === undefined
    ? `the local Neo4j (data in ${config.localNeo4j.dataDir})`
    : `${config.neo4j.uri} (database "${config.neo4j.database}")`;
}

async function main(argv: string[]): Promise<number> {
  let reset: boolean;
  let waitSeconds: number;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        reset: { type: 'boolean', default: false },
        wait: { type: 'string', default: '60' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    reset = values.reset;
    waitSeconds = Number(values.wait);
    if (!Number.isFinite(waitSeconds) || waitSeconds <= 0) {
      throw new Error(`--wait must be a positive number of seconds, not "${values.wait}"`);
    }
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return 2;
    }
    throw err;
  }
  // Quieter than the server by default: the progress lines below are what people want to see.
  const logger = cliLogger(process.env['LOG_LEVEL'] ? config.logLevel : 'info');

  let runtime: Runtime | undefined;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping; the seed transaction is rolled back.`);
    void (runtime?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const progress = (message: string): void => console.log(message);
  try {
    progress(
      `Seeding the story graph into ${describe(config)}${reset ? ', after deleting everything in it' : ''} …`,
    );
    runtime = await openRuntime(config, logger);
    await waitForDatabase(runtime.db, logger, waitSeconds * 1000);
    const result = await seedStory(runtime.db, { reset, progress });
    progress(
      `Done: ${result.statements} statements; the database now holds ${result.nodes} nodes and ${result.relationships} relationships.`,
    );
    return 0;
  } catch (err) {
    if (interrupted) return 130;
    if (err instanceof MissingToolError) {
      console.error(err.message);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`Seeding failed: ${message}`);
      if (config.neo4j.uri !== undefined) {
        console.error(
          `Check that Neo4j is running at ${config.neo4j.uri} and that NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE are right.`,
        );
      }
      console.error(
        reset
          ? 'The story graph loads in one transaction, so it was not partly loaded (the --reset deletion may already have run).'
          : 'The story graph loads in one transaction, so it was not partly loaded.',
      );
    }
    return 1;
  } finally {
    if (!interrupted) await runtime?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('Seeding failed:', err);
    process.exit(1);
  },
);
