import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from 'd3-time';

/**
 * Where the timeline's marks go: packed into rows so that no two overlap, or — when that would
 * take more rows than the panel has — counted into calendar bins and drawn as a histogram. Pure:
 * it works on milliseconds and pixels, not on the DOM.
 */

/** A mark's extent in milliseconds (UTC); a point has start === end. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Milliseconds since the epoch of an ISO day (YYYY-MM-DD) at 00:00 UTC. */
export function dayMs(isoDay: string): number {
  return Date.UTC(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)) - 1,
    Number(isoDay.slice(8, 10)),
  );
}

/** The ISO day of a millisecond time (UTC). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/** A band covers whole days: its pixel extent runs to the end of its last day. */
export function spanOf(start: string, end: string): Span {
  return { start: dayMs(start), end: dayMs(end) + DAY };
}

/**
 * Greedy interval packing: each span (in pixels, taken in start order) goes into the first row
 * whose last mark ends at least `gap` pixels before it starts. Returns the row of each span, in
 * the input order, and the number of rows used. A point is `minWidth` pixels wide. Stops once
 * `maxRows` would be exceeded (the count is then maxRows + 1).
 */
export function packRows(
  spans: readonly { x0: number; x1: number }[],
  gap = 2,
  minWidth = 6,
  maxRows = Infinity,
): { rows: number[]; count: number } {
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a]?.x0 ?? 0) - (spans[b]?.x0 ?? 0));
  const ends: number[] = [];
  const rows = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const s = spans[i];
    if (!s) continue;
    const x1 = Math.max(s.x1, s.x0 + minWidth);
    let row = ends.findIndex((e) => e + gap <= s.x0);
    if (row < 0) row = ends.length;
    // Past the rows the panel has, the marks will be binned: stop (packing 20,000 is quadratic).
    if (row >= maxRows) return { rows, count: row + 1 };
    ends[row] = x1;
    rows[i] = row;
  }
  return { rows, count: ends.length };
}

/** The calendar intervals bins may have, finest first. */
const INTERVALS: readonly { name: string; interval: CountableTimeInterval }[] = [
  { name: 'day', interval: utcDay },
  { name: 'week', interval: utcWeek },
  { name: 'month', interval: utcMonth },
  { name: 'quarter', interval: utcMonth.every(3) as CountableTimeInterval },
  { name: 'year', interval: utcYear },
  { name: 'decade', interval: utcYear.every(10) as CountableTimeInterval },
  { name: 'century', interval: utcYear.every(100) as CountableTimeInterval },
];

/** One histogram bar: the facts whose span overlaps [start, end). */
export interface Bin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
  /** Indexes (into the input spans) of the facts in this bin. */
  readonly members: readonly number[];
}

/**
 * Counts spans into the finest calendar bins (day, week, month, quarter, year…) of which at most
 * `maxBins` cover [from, to). A span is counted in every bin it overlaps: a month-long band adds
 * to each week of that month, as it is true of each.
 */
export function binSpans(
  spans: readonly Span[],
  from: number,
  to: number,
  maxBins: number,
): { unit: string; bins: Bin[] } {
  const choice =
    INTERVALS.find(
      ({ interval }) =>
        interval.range(interval.floor(new Date(from)), new Date(to)).length <= Math.max(1, maxBins),
    ) ?? INTERVALS[INTERVALS.length - 1];
  const { name, interval } = choice as (typeof INTERVALS)[number];
  const starts = interval
    .range(interval.floor(new Date(from)), new Date(to))
    .map((d) => d.getTime());
  if (!starts.length) starts.push(interval.floor(new Date(from)).getTime());
  const edges = [
    ...starts,
    interval.offset(new Date(starts[starts.length - 1] ?? from), 1).getTime(),
  ];
  const members: number[][] = starts.map(() => []);
  spans.forEach((s, i) => {
    const end = Math.max(s.end, s.start + 1);
    // The first bin whose end is after the span's start (binary search), then every overlapped one.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid + 1] ?? Infinity) <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let b = lo; b < starts.length && (edges[b] ?? Infinity) < end; b++) {
      if ((edges[b + 1] ?? Infinity) > s.start) members[b]?.push(i);
    }
  });
  return {
    unit: name,
    bins: starts.map((start, b) => ({
      start,
      end: edges[b + 1] ?? start,
      count: members[b]?.length ?? 0,
      members: members[b] ?? [],
    })),
  };
}

/**
 * Whether marks must be binned: when packing them without overlap needs more rows than fit.
 */
export function mustBin(rowsNeeded: number, rowsAvailable: number): boolean {
  return rowsNeeded > rowsAvailable;
}
