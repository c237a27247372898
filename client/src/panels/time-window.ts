/** Month arithmetic for the time slider, on ISO dates (YYYY-MM-DD): pure, tested. */

/** Months since year 0 for an ISO date. */
export function monthIndex(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  return y * 12 + (m - 1);
}

/** The first day of month `index` (inverse of monthIndex). */
export function monthStart(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`;
}

/** The last day of month `index`. */
export function monthEnd(index: number): string {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** "Jun 2022". */
export function monthLabel(index: number): string {
  const names = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  return `${names[index % 12] ?? ''} ${Math.floor(index / 12)}`;
}

/** The month span covering all the given dates, or null when there are none. */
export function spanOf(dates: readonly string[]): { min: number; max: number } | null {
  if (!dates.length) return null;
  const idx = dates.map(monthIndex);
  return { min: Math.min(...idx), max: Math.max(...idx) };
}
