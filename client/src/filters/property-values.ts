/**
 * How a property value is read for filters by property, the same way the server's propertyStats
 * reads it (server/graph/property-stats.ts): numbers as numbers; dates — ISO text (2017-08-24,
 * 2017-08-24T10:00), day-first text (24/08/2017, 4/8/2017: POLE's Crime.date) and the ISO strings
 * the API gives Neo4j dates and datetimes — as days since 1970-01-01; anything scalar as text.
 * Pure.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const DAY_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MS = 86_400_000;

/**
 * The day of a date value (days since 1970-01-01), or null when it is not one. An impossible day
 * (31/02/2017) rolls into the next month as on the server (and as Date.UTC does).
 */
export function dayOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const iso = ISO.exec(value);
  const dmy = iso ? null : DAY_FIRST.exec(value);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dmy
      ? [dmy[3], dmy[2], dmy[1]]
      : [undefined, undefined, undefined];
  if (y === undefined || m === undefined || d === undefined) return null;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return Date.UTC(Number(y), month - 1, 1) / DAY_MS + day - 1;
}

/** The ISO date (YYYY-MM-DD) of a day number. */
export function isoOfDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);
}

/** A finite number, or null. */
export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The text a value is counted under in a value count (scalars only), or null. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return String(value);
  }
  return null;
}
