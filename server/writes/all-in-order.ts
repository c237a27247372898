/**
 * Waits for work already started together (statements of one transaction, which the driver then
 * pipelines: each RUN is sent without waiting for the one before) and returns the results in
 * order. When several fail, the first in the list is the error, as if they had run one by one;
 * none is left to reject unobserved.
 */
export async function allInOrder<T extends readonly unknown[]>(work: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const settled = await Promise.allSettled(work);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
