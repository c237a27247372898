/** The dates a fact spans, as ISO dates (YYYY-MM-DD); none when it is undated. */
export interface FactSpan {
  readonly start?: string;
  readonly end?: string;
}

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

/** An ISO date from a date, datetime or dd/mm/yyyy string, or a whole year (Movies' `released: 1999`). */
function asDate(v: unknown, end: boolean): string | undefined {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) return v.slice(0, 10);
  // Day-first dates as exported from British data (POLE's Crime.date: 24/08/2017, and 4/08/2017
  // for a quarter of them, which must be dated too or the time window would never hide them).
  const dmy = typeof v === 'string' ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v) : null;
  if (dmy) return `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 10000) {
    return `${String(v).padStart(4, '0')}-${end ? '12-31' : '01-01'}`;
  }
  return undefined;
}

/**
 * The span of a fact for the time filter: from the chosen date or year `property` when there is
 * one, else from `start`/`end` (or a single `date`). Pure.
 */
export function factSpan(
  props: Readonly<Record<string, unknown>>,
  property: string | null,
): FactSpan {
  const startValue = property ? props[property] : (props['start'] ?? props['date']);
  const start = asDate(startValue, false);
  if (!start) return {};
  const end = property
    ? asDate(startValue, true)
    : (asDate(props['end'], true) ?? asDate(startValue, true));
  return { start, end: end ?? start };
}

/** Names that suggest a date or a year when the values are plain strings or integers. */
const DATE_NAME = /date|year|released|born|died|start|end|when|time|founded/i;

/**
 * The properties that can drive the time filter, from the schema overview's property types:
 * every temporal one, and integers or strings whose name says date or year. Pure.
 */
export function timeProperties(
  owners: readonly { readonly properties: readonly { key: string; types: readonly string[] }[] }[],
): string[] {
  const out = new Set<string>();
  for (const o of owners) {
    for (const p of o.properties) {
      const temporal = p.types.some((t) => /DATE|TIME/.test(t) && !/DURATION/.test(t));
      const plain = p.types.some((t) => t === 'INTEGER' || t === 'STRING');
      if (temporal || (plain && DATE_NAME.test(p.key))) out.add(p.key);
    }
  }
  return [...out].sort();
}
