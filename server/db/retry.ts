import { isRetryableError } from 'neo4j-driver';

export interface RetryPolicy {
  /** No new attempt starts once this long has passed since the first. */
  readonly maxRetryTimeMs: number;
  /** The wait before the second attempt; doubled each time, ±20 % jitter. */
  readonly initialDelayMs: number;
}

/** The neo4j-driver's own defaults for executeRead/executeWrite, with Dossier's retry time. */
export const DEFAULT_RETRY: RetryPolicy = { maxRetryTimeMs: 5_000, initialDelayMs: 1_000 };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs work again after a transient failure (Neo4j's "retryable" errors: a leader switch, a
 * deadlock, a database still starting), the way the driver's transaction functions do, for work
 * that runs outside one: a single read statement in an auto-commit transaction, which is safe to
 * repeat. Any other error, or one after the retry time, is thrown as it is.
 */
export async function retryTransient<T>(
  work: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const started = Date.now();
  let delay = policy.initialDelayMs;
  for (;;) {
    try {
      return await work();
    } catch (err) {
      const jittered = delay * (0.8 + Math.random() * 0.4);
      if (
        !isRetryableError(err as Error) ||
        Date.now() - started + jittered > policy.maxRetryTimeMs
      ) {
        throw err;
      }
      await sleep(jittered);
      delay *= 2;
    }
  }
}
