import type { Config } from './config.js';
import { Database } from './db/database.js';
import type { Logger } from './logger.js';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './neo4j/supervisor.js';

/** The database Dossier talks to, and the local Neo4j behind it when there is one. */
export interface Runtime {
  readonly db: Database;
  readonly local: SupervisedNeo4j | undefined;
  close(): Promise<void>;
}

/**
 * Connects to NEO4J_URI, or starts the local Neo4j first when it is unset. Either way the rest of
 * the app sees the same Database over Bolt.
 */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  let local: SupervisedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    local = await superviseLocalNeo4j(
      {
        dataDir: config.localNeo4j.dataDir,
        cacheDir: config.localNeo4j.cacheDir,
        port: config.localNeo4j.port,
        heap: config.localNeo4j.heap,
        progress: (message) => logger.info(message),
        onOutput: (line) => logger.debug({ neo4j: line }),
      },
      logger,
    );
    uri = local.uri;
  }
  const db = Database.connect({
    uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    logger,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  return {
    db,
    local,
    async close() {
      await db.close().catch((err: unknown) => logger.warn({ err }, 'closing the driver failed'));
      await local?.stop();
    },
  };
}

/** Waits until the database answers (an external server may still be starting). */
export async function waitForDatabase(
  db: Database,
  logger: Logger,
  timeoutMs: number,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let warned = false;
  while (!(await db.ping(2_000))) {
    if (Date.now() > until) {
      throw new Error(
        `Neo4j did not answer within ${timeoutMs / 1000}s; check NEO4J_URI and the credentials.`,
      );
    }
    if (!warned) {
      logger.info('Waiting for Neo4j to answer …');
      warned = true;
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
