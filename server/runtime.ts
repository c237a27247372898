import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { logProgress, type Logger } from './logger.js';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './neo4j/supervisor.js';

/** The database Dossier talks to, and the local Neo4j behind it when there is one. */
export interface Runtime {
  readonly db: Database;
  readonly local: SupervisedNeo4j | undefined;
  close(): Promise<void>;
}

export interface OpenRuntimeOptions {
  /**
   * Called as soon as waiting for Neo4j begins: when the local Neo4j's JVM has been spawned, or at
   * once for an external server. Start-up work that does not need the database goes here.
   */
  readonly onWaiting?: () => void;
}

/**
 * Connects to NEO4J_URI, or starts the local Neo4j first when it is unset. Either way the rest of
 * the app sees the same Database over Bolt.
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: OpenRuntimeOptions = {},
): Promise<Runtime> {
  let local: SupervisedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (uri === undefined) {
    local = await superviseLocalNeo4j(
      {
        dataDir: config.localNeo4j.dataDir,
        cacheDir: config.localNeo4j.cacheDir,
        port: config.localNeo4j.port,
        heap: config.localNeo4j.heap,
        progress: logProgress(logger),
        onOutput: (line) => logger.debug({ neo4j: line }),
        onSpawned: options.onWaiting,
      },
      logger,
    );
    uri = local.uri;
  } else {
    options.onWaiting?.();
  }
  // Imported here rather than at the top: neo4j-driver takes most of a second to load on a small
  // machine, which main.ts spends while the JVM starts instead of before spawning it.
  const { Database } = await import('./db/database.js');
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

/** The longest one start-up ping may take (a cold JVM's first statement). */
const PING_TIMEOUT_MS = 30_000;
/** The pause after a ping that failed (e.g. connection refused while a server boots). */
const RETRY_DELAY_MS = 250;

/**
 * Waits until the database answers (an external server may still be starting). `ask` is the
 * question that proves it, a ping by default; a caller that has a statement to send first anyway
 * (main.ts: is the database empty?) asks that instead, so a cold JVM compiles one statement
 * before the app is ready rather than two. The database has answered when `ask` resolves; a
 * failure counts as no answer yet.
 */
export async function waitForDatabase(
  db: Database,
  logger: Logger,
  timeoutMs: number,
  ask?: () => Promise<unknown>,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  let warned = false;
  // The first statement on a freshly started JVM (connecting, compiling the query) can take
  // seconds on a small machine: give each ping the time left rather than abandoning it after a
  // couple of seconds and starting over. A refused connection fails at once, so retry soon.
  const answered = (): Promise<boolean> =>
    ask
      ? ask().then(
          () => true,
          () => false,
        )
      : db.ping(Math.max(1_000, Math.min(PING_TIMEOUT_MS, until - Date.now())));
  while (!(await answered())) {
    if (Date.now() > until) {
      throw new Error(
        `Neo4j did not answer within ${timeoutMs / 1000}s; check NEO4J_URI and the credentials.`,
      );
    }
    if (!warned) {
      logger.info('Waiting for Neo4j to answer …');
      warned = true;
    }
    await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
  }
}
