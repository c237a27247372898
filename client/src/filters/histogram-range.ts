import type { PropertyFilter, RangeFilter } from '../state/analysis.js';
import { dayOf, isoOfDay } from './property-values.js';

/** A histogram as the API gives it (dates as days since 1970-01-01). */
export interface Histogram {
  readonly kind: 'NUMBER' | 'DATE' | 'CATEGORY';
  readonly bins: readonly { readonly from: number; readonly to: number; readonly count: number }[];
}

/** A filter bound as shown and typed: an ISO date for dates, the number otherwise. */
export function boundText(h: Pick<Histogram, 'kind'>, value: number): string {
  return h.kind === 'DATE' ? isoOfDay(value) : String(value);
}

/** A typed bound back as a number (a day for dates), or null when it does not read. */
export function boundValue(h: Pick<Histogram, 'kind'>, text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  if (h.kind === 'DATE') return dayOf(t);
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * The range filter that keeps bins a..b (in either order): from the first bin's lower edge to the
 * last one's upper edge, as ISO dates for a date histogram. Pure.
 */
export function rangeOfBins(
  h: Histogram,
  label: string,
  property: string,
  a: number,
  b: number,
): RangeFilter | null {
  const first = h.bins[Math.min(a, b)];
  const last = h.bins[Math.max(a, b)];
  if (!first || !last) return null;
  return rangeOf(h, label, property, first.from, last.to);
}

/** The range filter for [lo, hi] (numbers, or days for dates), in either order. Pure. */
export function rangeOf(
  h: Pick<Histogram, 'kind'>,
  label: string,
  property: string,
  lo: number,
  hi: number,
): RangeFilter {
  const [min, max] = lo <= hi ? [lo, hi] : [hi, lo];
  return h.kind === 'DATE'
    ? { kind: 'range', label, property, min: isoOfDay(min), max: isoOfDay(max) }
    : { kind: 'range', label, property, min, max };
}

/** The filter's bounds as numbers (days for dates), or null for a value filter or unreadable bounds. */
export function boundsOf(filter: PropertyFilter | undefined): [number, number] | null {
  if (!filter || filter.kind !== 'range') return null;
  const read = (v: number | string): number | null => (typeof v === 'number' ? v : dayOf(v));
  const lo = read(filter.min);
  const hi = read(filter.max);
  return lo === null || hi === null ? null : [lo, hi];
}

/** Which bins overlap a range filter (all false without one). Pure. */
export function binsInRange(h: Histogram, filter: PropertyFilter | undefined): boolean[] {
  const bounds = boundsOf(filter);
  return h.bins.map((b) => bounds !== null && b.to >= bounds[0] && b.from <= bounds[1]);
}
