/**
 * How a fact's date is drawn on the timeline, decided once and purely: a day is a point; a season,
 * a month, a year or any bounded range is a band from its first to its last day; a date a source
 * did not state but that was inferred from context is flagged so it can be drawn as inferred.
 * Dates are ISO days (YYYY-MM-DD), compared as text.
 */

export type Precision =
  'day' | 'part-of-month' | 'month' | 'season' | 'quarter' | 'year' | 'range' | string;

/** A dated fact's place in time. `start === end` and precision 'day' is a point. */
export interface DateBand {
  readonly start: string;
  readonly end: string;
  readonly precision: Precision;
  /** True when the date (or part of it) comes from context, not from the source's words. */
  readonly inferred: boolean;
  /** The words of the source (`dateText`), when kept. */
  readonly text?: string;
  /** What the source does and does not say about the date (`dateNote`). */
  readonly note?: string;
}

/** True when the band is a single day, drawn as a point. */
export function isPoint(band: DateBand): boolean {
  return band.start === band.end;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function iso(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The last day of month `m` (1–12) of year `y`. */
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Meteorological seasons (northern hemisphere): winter runs December to February of the next year. */
const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 2],
};

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

function dayBand(y: number, m: number, d: number): DateBand | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  const day = iso(y, m, d);
  return { start: day, end: day, precision: 'day', inferred: false };
}

/**
 * A band from the words of a date, or null when they name no bounded time: "2022-06-15" and
 * "15/06/2022" (day-first) are days, "June 2022" and "2022-06" months, "summer 2022" a season,
 * "Q3 2022" a quarter, "2022" a year. Words without a year ("last October") give null: bounding
 * them needs context, which the data must supply as start/end with `dateInferred`.
 */
export function bandFromText(text: string): DateBand | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[t ].*)?$/.exec(t);
  if (m) return dayBand(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return dayBand(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) return monthBand(Number(m[1]), Number(m[2]));
  m = /^(\d{4})$/.exec(t);
  if (m) return yearBand(Number(m[1]));
  m = /^(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})$/.exec(t);
  if (m) {
    const [from, to] = SEASONS[m[1] ?? ''] ?? [0, 0];
    const y = Number(m[2]);
    const endYear = to < from ? y + 1 : y;
    return {
      start: iso(y, from, 1),
      end: iso(endYear, to, lastDay(endYear, to)),
      precision: 'season',
      inferred: false,
    };
  }
  m = /^q([1-4])\s+(\d{4})$/.exec(t);
  if (m) {
    const q = Number(m[1]);
    const y = Number(m[2]);
    return {
      start: iso(y, q * 3 - 2, 1),
      end: iso(y, q * 3, lastDay(y, q * 3)),
      precision: 'quarter',
      inferred: false,
    };
  }
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(t) ?? /^([a-z]+)\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const dayFirst = /^\d/.test(m[1] ?? '');
    const month = monthNumber((dayFirst ? m[2] : m[1]) ?? '');
    const day = Number(dayFirst ? m[1] : m[2]);
    return month ? dayBand(Number(m[3]), month, day) : null;
  }
  m = /^([a-z]+)\s+(?:of\s+)?(\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    return month ? monthBand(Number(m[2]), month) : null;
  }
  return null;
}

function monthBand(y: number, month: number): DateBand | null {
  if (month < 1 || month > 12) return null;
  return {
    start: iso(y, month, 1),
    end: iso(y, month, lastDay(y, month)),
    precision: 'month',
    inferred: false,
  };
}

function yearBand(y: number): DateBand {
  return { start: iso(y, 1, 1), end: iso(y, 12, 31), precision: 'year', inferred: false };
}

/** A band from one property value: a date or datetime, a day-first date, a whole year, or words. */
export function bandFromValue(value: unknown): DateBand | null {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 10000) {
    return yearBand(value);
  }
  return typeof value === 'string' ? bandFromText(value) : null;
}

/** The precision two ISO days imply when the data does not name one. */
function impliedPrecision(start: string, end: string): Precision {
  if (start === end) return 'day';
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = end.split('-').map(Number) as [number, number, number];
  if (ys === ye && ds === 1 && ms === 1 && me === 12 && de === 31) return 'year';
  if (ys === ye && ms === me && ds === 1 && de === lastDay(ye, me)) return 'month';
  return 'range';
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v : undefined;

/**
 * The band of a fact from its properties: from the chosen date or year `property` when there is
 * one; else from `start`/`end` with the story's `datePrecision`, `dateInferred`, `dateText` and
 * `dateNote`; else from a single `date`; else from `dateText` when its words are bounded by
 * themselves. Null when the fact is undated.
 */
export function dateBand(
  props: Readonly<Record<string, unknown>>,
  property: string | null,
): DateBand | null {
  const inferred = props['dateInferred'] === true;
  const extra = {
    ...(text(props['dateText']) ? { text: text(props['dateText']) } : {}),
    ...(text(props['dateNote']) ? { note: text(props['dateNote']) } : {}),
  };
  if (property) {
    const b = bandFromValue(props[property]);
    return b && { ...b, inferred: b.inferred || inferred, ...extra };
  }
  const start = bandFromValue(props['start']);
  if (start) {
    const endBand = bandFromValue(props['end']);
    const end = endBand && endBand.end >= start.start ? endBand.end : start.end;
    const precision =
      text(props['datePrecision']) ??
      (endBand ? impliedPrecision(start.start, end) : start.precision);
    return { start: start.start, end, precision, inferred, ...extra };
  }
  const date = bandFromValue(props['date']);
  if (date) return { ...date, inferred: date.inferred || inferred, ...extra };
  const words = text(props['dateText']);
  const fromWords = words ? bandFromText(words) : null;
  return fromWords && { ...fromWords, inferred, ...extra };
}

/** "summer 2022 (Jun 1 – Aug 31, 2022), inferred": how a band reads in a tooltip or a list. */
export function describeBand(band: DateBand): string {
  const span = isPoint(band) ? band.start : `${band.start} – ${band.end}`;
  const words = band.text ? `“${band.text}”: ` : '';
  const inferred = band.inferred ? ', inferred from context' : '';
  return `${words}${span} (${band.precision}${inferred})`;
}

/** One source's account of a disputed fact, with the date it gives (null: it gives none). */
export interface Account {
  readonly id: string;
  readonly name: string;
  /** The sources (article ids) behind this account. */
  readonly sources: readonly string[];
  readonly band: DateBand | null;
}

/** How the accounts of one disputed fact stand on the timeline. */
export interface DateDisagreement {
  readonly accounts: readonly Account[];
  /**
   * 'differ': the accounts give dates that do not coincide; 'same': they give the same date;
   * 'undated': no account dates the fact (the dispute is about something else, or no date is given).
   */
  readonly dates: 'differ' | 'same' | 'undated';
}

/**
 * Compares the dates the accounts of one disputed fact give. Accounts without a date of their own
 * take `factBand` (the disputed fact's date), since they do not contradict it.
 */
export function compareAccountDates(
  accounts: readonly Account[],
  factBand: DateBand | null,
): DateDisagreement {
  const dated = accounts.map((a) => ({ ...a, band: a.band ?? factBand }));
  const bands = dated.map((a) => a.band).filter((b): b is DateBand => !!b);
  if (!bands.length) return { accounts: dated, dates: 'undated' };
  const first = bands[0];
  const same =
    bands.length === dated.length &&
    bands.every((b) => b.start === first?.start && b.end === first?.end);
  return { accounts: dated, dates: same ? 'same' : 'differ' };
}
