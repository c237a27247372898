import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../server/writes/all-in-order.js';

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms));

describe('allInOrder', () => {
  it('returns the results in the order the work was given, whatever order it finished in', async () => {
    expect(await allInOrder([later(20, 'a'), later(1, 2), later(10, true)] as const)).toEqual([
      'a',
      2,
      true,
    ]);
  });

  it('throws the first failure in the list, not the first to happen, once all have settled', async () => {
    let lastSettled = false;
    const last = later(30, 'ok').then((v) => ((lastSettled = true), v));
    await expect(
      allInOrder([
        later(1, 'x'),
        later(20, 'first', true),
        later(1, 'second', true),
        last,
      ] as const),
    ).rejects.toBe('first');
    expect(lastSettled).toBe(true);
  });
});
