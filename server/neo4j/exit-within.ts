/**
 * Waits until `exited` settles or `graceMs` passes, whichever is first, and clears its own timer.
 * A grace timer left running keeps the Node process alive for the rest of the grace after the JVM
 * has gone: vitest's teardown printed "close timed out" for it, and any CLI that stops Neo4j and
 * does not call process.exit would have lingered as long.
 */
export async function exitedWithin(exited: Promise<unknown>, graceMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  try {
    return await Promise.race([exited.then(() => true as const), graceOver]);
  } finally {
    clearTimeout(timer);
  }
}
