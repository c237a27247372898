import type { PropertyFilter } from '../state/analysis.js';
import { dayOf, numberOf, textOf } from './property-values.js';

/**
 * Whether a value passes a filter. A range filter holds numbers, or ISO dates as text (min and
 * max included); a date range compares the value's day, so 24/08/2017 is inside
 * 2017-08-01…2017-08-31. A value filter compares the value as text. A missing value never passes.
 * Pure.
 */
export function valuePasses(filter: PropertyFilter, value: unknown): boolean {
  if (filter.kind === 'values') {
    const text = textOf(value);
    return text !== null && filter.values.includes(text);
  }
  if (typeof filter.min === 'number' && typeof filter.max === 'number') {
    const n = numberOf(value);
    return n !== null && n >= filter.min && n <= filter.max;
  }
  const day = dayOf(value);
  const lo = dayOf(String(filter.min));
  const hi = dayOf(String(filter.max));
  return day !== null && lo !== null && hi !== null && day >= lo && day <= hi;
}

/**
 * Whether a node stays drawn under the property filters: every filter on one of its labels must
 * pass; filters on other labels do not concern it. Pure.
 */
export function nodePasses(
  labels: readonly string[],
  properties: Readonly<Record<string, unknown>>,
  filters: readonly PropertyFilter[],
): boolean {
  return filters.every((f) => !labels.includes(f.label) || valuePasses(f, properties[f.property]));
}

/** The filter on label.property, if any. */
export function filterOn(
  filters: readonly PropertyFilter[],
  label: string,
  property: string,
): PropertyFilter | undefined {
  return filters.find((f) => f.label === label && f.property === property);
}
