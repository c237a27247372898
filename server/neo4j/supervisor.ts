import type { Logger } from '../logger.js';
import { startLocalNeo4j, type LocalNeo4j, type LocalNeo4jOptions } from './local-neo4j.js';

/** Keeps the local Neo4j running: if its JVM dies unexpectedly, start it again on the same port. */
export interface SupervisedNeo4j {
  readonly uri: string;
  /** The current JVM's pid (changes after a restart). */
  pid(): number;
  /** Stops the JVM and the supervision. */
  stop(): Promise<void>;
}

const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Starts the local Neo4j and restarts it whenever it exits without being asked to (a crash,
 * `kill -9`, the OOM killer). The app keeps answering meanwhile (`/ready` says 503) and the driver
 * reconnects by itself once Bolt is back, because the port stays the same.
 */
export async function superviseLocalNeo4j(
  options: LocalNeo4jOptions,
  logger: Logger,
): Promise<SupervisedNeo4j> {
  let current: LocalNeo4j = await startLocalNeo4j(options);
  const port = Number(new URL(current.uri.replace('bolt://', 'http://')).port);
  let stopping = false;
  let failures = 0;

  const watch = (instance: LocalNeo4j): void => {
    void instance.exited.then(async (code) => {
      if (stopping) return;
      logger.error({ code }, 'the local Neo4j stopped unexpectedly; restarting it');
      while (!stopping) {
        const wait = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)] ?? 30_000;
        await new Promise((r) => setTimeout(r, wait));
        if (stopping) return;
        try {
          current = await startLocalNeo4j({ ...options, port, onSpawned: undefined });
          failures = 0;
          logger.info({ pid: current.pid }, 'the local Neo4j is back');
          watch(current);
          return;
        } catch (err) {
          failures++;
          logger.error({ err, attempt: failures }, 'restarting the local Neo4j failed');
        }
      }
    });
  };
  watch(current);

  return {
    uri: current.uri,
    pid: () => current.pid,
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
