import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { waitForDatabase } from '../../server/runtime.js';

// Never used when a question is given: waitForDatabase must not ping on top of it.
const noPing = {
  ping: () => Promise.reject(new Error('pinged although a question was given')),
} as unknown as Database;
const logger = pino({ level: 'silent' });

describe("waitForDatabase with the caller's own question", () => {
  it('asks until the question is answered, treating failures as "not yet", and sends no ping', async () => {
    let asked = 0;
    await waitForDatabase(noPing, logger, 10_000, async () => {
      asked++;
      if (asked < 3) throw new Error('connection refused');
      return true;
    });
    expect(asked).toBe(3);
  });

  it('fails with the usual message when the question is never answered in time', async () => {
    await expect(
      waitForDatabase(noPing, logger, 300, () => Promise.reject(new Error('refused'))),
    ).rejects.toThrow(/did not answer within 0.3s/);
  });
});
