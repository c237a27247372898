import { describe, expect, it } from 'vitest';
import { exitedWithin } from '../../server/neo4j/exit-within.js';

/** Timers this process holds right now (what keeps Node's event loop alive). */
const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('exitedWithin', () => {
  it('answers true when the process exits in time and leaves no grace timer running', async () => {
    const before = timers();
    // An hour of grace: a timer left behind would keep a CLI alive for the hour.
    await expect(exitedWithin(Promise.resolve(), 3_600_000)).resolves.toBe(true);
    expect(timers()).toBe(before);
  });

  it('answers false when the grace runs out first', async () => {
    const never = new Promise<void>(() => undefined);
    await expect(exitedWithin(never, 1)).resolves.toBe(false);
  });
});
