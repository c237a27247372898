/** True when a fact dated [start, end] overlaps the window; undated facts are always in. */
export function inWindow(
  start: unknown,
  end: unknown,
  time: { from: string; to: string } | null,
): boolean {
  if (!time || typeof start !== 'string') return true;
  const e = typeof end === 'string' ? end : start;
  return e >= time.from && start <= time.to;
}
