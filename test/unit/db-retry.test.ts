import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { retryTransient } from '../../server/db/retry.js';

const transient = (): Neo4jError =>
  new Neo4jError('leader switched', 'Neo.TransientError.Cluster.NotALeader', 'N/A', 'N/A');
const fast = { maxRetryTimeMs: 1_000, initialDelayMs: 5 };

describe('retryTransient (single reads outside a transaction function)', () => {
  it('runs the work again after a transient Neo4j error and returns its answer', async () => {
    let attempts = 0;
    const answer = await retryTransient(() => {
      attempts++;
      return attempts < 3 ? Promise.reject(transient()) : Promise.resolve('rows');
    }, fast);
    expect(answer).toBe('rows');
    expect(attempts).toBe(3);
  });

  it('does not repeat work that failed for a reason a retry cannot fix', async () => {
    let attempts = 0;
    const syntax = new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
    await expect(
      retryTransient(() => {
        attempts++;
        return Promise.reject(syntax);
      }, fast),
    ).rejects.toBe(syntax);
    expect(attempts).toBe(1);
  });

  it('gives up with the last transient error once the retry time is spent', async () => {
    let attempts = 0;
    await expect(
      retryTransient(
        () => {
          attempts++;
          return Promise.reject(transient());
        },
        { maxRetryTimeMs: 500, initialDelayMs: 200 },
      ),
    ).rejects.toMatchObject({ code: 'Neo.TransientError.Cluster.NotALeader' });
    // About 200 ms, then 400 ms would pass the 500 ms budget: two attempts, not an endless loop.
    expect(attempts).toBe(2);
  });
});
