import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import { isBookkeepingLabel } from '../writes/bookkeeping.js';
import { checkRange } from './bounds.js';
import { quoteName } from './cypher-names.js';
import { checkNames, liveSchema } from './live-schema.js';
import { int } from './model.js';
import { visibilityOf, where } from './visibility.js';

/**
 * How many nodes of a label are read at most. Enough for every label of POLE (Crime: 28,762)
 * to be exact; a larger label is summarised from its first PROPERTY_STATS_SCAN nodes, and the
 * answer says so (`scanned` < `count`).
 */
export const PROPERTY_STATS_SCAN = 50_000;
/** At most this many properties per label, the most often present first. */
export const MAX_STATS_PROPERTIES = 30;
/** Bins per histogram and values per value count: the caller's choice up to these. */
export const MAX_STATS_BINS = 100;
export const MAX_STATS_VALUES = 100;
/**
 * A property is a number (or a date) when at least this share of its values is one; the rest are
 * left out of its histogram and counted in `unbinned`. Below it, its values are counted as text.
 */
const KIND_SHARE = 0.9;

export type PropertyKind = 'NUMBER' | 'DATE' | 'CATEGORY';

/** Bins of equal width over [lo, hi]; integral values (integers, days) get whole-number bins. */
export interface HistogramLayout {
  readonly width: number;
  readonly count: number;
}

/**
 * Where the bins fall. Integral values get bins of a whole number of units, so a bin never splits
 * a day or an integer and a narrow range gets one bin per value; other numbers get `maxBins`
 * bins of equal width. The statement computes the same (see binExpressions), and the bins it
 * returns are drawn with this layout.
 */
export function histogramLayout(
  lo: number,
  hi: number,
  integral: boolean,
  maxBins: number,
): HistogramLayout {
  if (integral) {
    const values = hi - lo + 1;
    const width = Math.max(1, Math.ceil(values / maxBins));
    return { width, count: Math.ceil(values / width) };
  }
  if (hi <= lo) return { width: 1, count: 1 };
  return { width: (hi - lo) / maxBins, count: maxBins };
}

/** The bin of value s in a layout from lo (the last bin holds hi itself). */
export function binOf(s: number, lo: number, layout: HistogramLayout): number {
  return Math.min(layout.count - 1, Math.max(0, Math.floor((s - lo) / layout.width)));
}

export interface HistogramBin {
  /** Lower edge: a number, or for dates the day (days since 1970-01-01). */
  readonly from: number;
  /** Upper edge: inclusive for integral values (integers, days), exclusive otherwise but the last. */
  readonly to: number;
  readonly count: number;
}

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

export interface PropertyDistribution {
  readonly key: string;
  readonly kind: PropertyKind;
  /** Scanned nodes that have the property. */
  readonly present: number;
  /** Distinct values among them. */
  readonly distinct: number;
  /** NUMBER and DATE: smallest and largest (dates as days since 1970-01-01); null otherwise. */
  readonly min: number | null;
  readonly max: number | null;
  readonly integral: boolean;
  readonly bins: HistogramBin[];
  /** Values of a NUMBER or DATE property that are not one (or of a CATEGORY that are not text). */
  readonly unbinned: number;
  /** CATEGORY: the most frequent values, most frequent first. */
  readonly values: ValueCount[];
  /** True when `values` leaves some values out (`distinct` says how many there are). */
  readonly valuesCapped: boolean;
}

export interface PropertyStats {
  readonly label: string;
  /** Nodes of the label (retracted ones left out). */
  readonly count: number;
  /** Nodes read; fewer than count when the label is larger than the scan limit. */
  readonly scanned: number;
  /** True when scanned < count: the numbers describe a part of the label. */
  readonly sampled: boolean;
  readonly properties: PropertyDistribution[];
  /** Properties present on the scanned nodes (more than `properties` when capped). */
  readonly propertyCount: number;
  readonly propertiesCapped: boolean;
}

export interface PropertyStatsOptions {
  /** Only these properties (checked against the live schema); all when omitted. */
  readonly properties?: readonly string[] | null;
  readonly bins?: number;
  readonly values?: number;
  /** Nodes read at most (tests lower it to show the sampling). */
  readonly scan?: number;
}

/**
 * The Cypher that turns a value `v` into a day number (days since 1970-01-01) when it is a date:
 * a Neo4j DATE, DATETIME or LOCAL DATETIME (its calendar date), or a string that starts with an
 * ISO date (2017-08-24, 2017-08-24T10:00) or is a day-first date (24/08/2017, 4/8/2017 — POLE's
 * Crime.date, British data). Day-first is assumed for d/m/y text: the data Dossier meets (POLE,
 * UK and EU registries) writes dates that way. An impossible day (31/02) rolls over into the next
 * month, as JavaScript's Date.UTC does, rather than failing the statement.
 */
const DAY_OF_V = `CASE WHEN ymd IS NULL OR ymd[1] < 1 OR ymd[1] > 12 OR ymd[2] < 1 OR ymd[2] > 31 THEN null
        ELSE duration.inDays(date('1970-01-01'), date({year: ymd[0], month: ymd[1], day: 1})).days + ymd[2] - 1 END`;

const YMD_OF_V = `CASE
        WHEN v IS :: DATE OR v IS :: ZONED DATETIME OR v IS :: LOCAL DATETIME THEN [v.year, v.month, v.day]
        WHEN v IS :: STRING AND v =~ '\\\\d{4}-\\\\d{2}-\\\\d{2}([T ].*)?'
          THEN [toInteger(substring(v, 0, 4)), toInteger(substring(v, 5, 2)), toInteger(substring(v, 8, 2))]
        WHEN v IS :: STRING AND v =~ '\\\\d{1,2}/\\\\d{1,2}/\\\\d{4}'
          THEN [toInteger(split(v, '/')[2]), toInteger(split(v, '/')[1]), toInteger(split(v, '/')[0])]
      END`;

/**
 * The one statement for a label: reads at most $scan of its nodes, groups each property's values,
 * decides per property whether it is a number, a date or a category, and returns histograms (bins
 * of the layout histogramLayout describes) or the most frequent values. Grouping by value first
 * keeps the work per distinct value (POLE's 28,762 crimes have 31 dates).
 */
export function propertyStatsStatement(
  label: string,
  visible: (variable: string) => string,
  onlyKeys: boolean,
): string {
  const l = quoteName(label);
  return `MATCH (n:${l})${where(visible('n'))}
WITH n LIMIT $scan
WITH collect(n) AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  UNWIND keys(n) AS key
  WITH key, n[key] AS v
  WHERE NOT key =~ '(?i)dossier.*'${onlyKeys ? ' AND key IN $keys' : ''}
  WITH key, v, count(*) AS c
  WITH key, v, c,
    CASE WHEN (v IS :: INTEGER OR v IS :: FLOAT) AND toFloat(v) = toFloat(v) AND abs(toFloat(v)) < 1.0e300
      THEN toFloat(v) END AS num,
    ${YMD_OF_V} AS ymd,
    CASE WHEN v IS :: STRING OR v IS :: BOOLEAN OR v IS :: INTEGER OR v IS :: FLOAT THEN toString(v) END AS text
  WITH key, v, c, num, text, ${DAY_OF_V} AS day
  WITH key, sum(c) AS present, count(*) AS distinct,
    sum(CASE WHEN num IS NOT NULL THEN c ELSE 0 END) AS numbers,
    sum(CASE WHEN v IS :: INTEGER THEN c ELSE 0 END) AS integers,
    sum(CASE WHEN day IS NOT NULL THEN c ELSE 0 END) AS dates,
    min(num) AS loN, max(num) AS hiN, min(day) AS loD, max(day) AS hiD,
    collect({text: text, c: c, num: num, day: day}) AS vals
  WITH key, present, distinct, integers, vals,
    CASE WHEN numbers >= present * $share THEN 'NUMBER'
         WHEN dates >= present * $share THEN 'DATE'
         ELSE 'CATEGORY' END AS kind,
    loN, hiN, loD, hiD, numbers
  WITH key, present, distinct, vals, kind,
    CASE kind WHEN 'NUMBER' THEN loN WHEN 'DATE' THEN toFloat(loD) END AS lo,
    CASE kind WHEN 'NUMBER' THEN hiN WHEN 'DATE' THEN toFloat(hiD) END AS hi,
    kind = 'DATE' OR (kind = 'NUMBER' AND integers = numbers) AS integral
  WITH key, present, distinct, vals, kind, lo, hi, integral,
    CASE WHEN integral THEN toFloat(CASE WHEN ceil((hi - lo + 1) / $bins) < 1 THEN 1 ELSE ceil((hi - lo + 1) / $bins) END)
         WHEN hi > lo THEN (hi - lo) / $bins ELSE 1.0 END AS width
  WITH key, present, distinct, vals, kind, lo, hi, integral, width,
    CASE WHEN integral THEN toInteger(ceil((hi - lo + 1) / width))
         WHEN hi > lo THEN $bins ELSE 1 END AS binCount
  ORDER BY present DESC, key
  RETURN collect({key: key, present: present, distinct: distinct, vals: vals, kind: kind, lo: lo,
    hi: hi, integral: integral, width: width, binCount: binCount}) AS keyed
}
CALL (keyed) {
  UNWIND keyed[0..$maxProperties] AS p
  CALL (p) {
    UNWIND p.vals AS x
    WITH p, x, CASE p.kind WHEN 'NUMBER' THEN x.num WHEN 'DATE' THEN toFloat(x.day) END AS s
    WHERE s IS NOT NULL
    WITH p, toInteger(floor((s - p.lo) / p.width)) AS b, x.c AS c
    WITH CASE WHEN b >= p.binCount THEN p.binCount - 1 WHEN b < 0 THEN 0 ELSE b END AS b, sum(c) AS c
    ORDER BY b
    RETURN collect([b, c]) AS bins, sum(c) AS binned
  }
  CALL (p) {
    UNWIND p.vals AS x
    WITH p, x WHERE p.kind = 'CATEGORY' AND x.text IS NOT NULL
    WITH x ORDER BY x.c DESC, x.text
    RETURN collect([x.text, x.c])[0..$maxValues] AS top, sum(x.c) AS textual, count(*) AS texts
  }
  RETURN collect({key: p.key, present: p.present, distinct: p.distinct, kind: p.kind, lo: p.lo,
    hi: p.hi, integral: p.integral, width: p.width, binCount: p.binCount, bins: bins,
    binned: binned, top: top, textual: textual, texts: texts}) AS properties
}
RETURN COUNT { (m:${l})${where(visible('m'))} } AS total,
  size(nodes) AS scanned, size(keyed) AS propertyCount, properties`;
}

const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

type Raw = Record<string, JsonValue>;

/** One property's row of the statement → its distribution. */
export function distributionOf(p: Raw, maxValues: number): PropertyDistribution {
  const kind = p['kind'] as PropertyKind;
  const present = num(p['present']);
  const base = {
    key: String(p['key']),
    kind,
    present,
    distinct: num(p['distinct']),
    integral: p['integral'] === true,
  };
  if (kind === 'CATEGORY') {
    const top = (p['top'] as [string, number][] | null) ?? [];
    return {
      ...base,
      integral: false,
      min: null,
      max: null,
      bins: [],
      unbinned: present - num(p['textual']),
      values: top.map(([value, count]) => ({ value, count: num(count) })),
      valuesCapped: num(p['texts']) > Math.min(top.length, maxValues),
    };
  }
  const lo = num(p['lo']);
  const hi = num(p['hi']);
  const width = num(p['width']);
  const count = num(p['binCount']);
  const counts = new Map(
    ((p['bins'] as [number, number][] | null) ?? []).map(([b, c]) => [num(b), num(c)]),
  );
  const bins = Array.from({ length: count }, (_, i) => {
    const from = lo + i * width;
    const to = base.integral ? Math.min(hi, from + width - 1) : i === count - 1 ? hi : from + width;
    return { from, to, count: counts.get(i) ?? 0 };
  });
  return {
    ...base,
    min: lo,
    max: hi,
    bins,
    unbinned: present - num(p['binned']),
    values: [],
    valuesCapped: false,
  };
}

/**
 * Histograms and value counts of a label's properties, in one statement. The label (and the
 * properties, when named) are checked against the live schema first; Dossier's own labels are
 * refused, its dossier* keys left out, retracted nodes not counted.
 */
export async function readPropertyStats(
  db: Database,
  label: string,
  options: PropertyStatsOptions = {},
): Promise<PropertyStats> {
  const bins = checkRange('bins', options.bins ?? 30, 1, MAX_STATS_BINS);
  const maxValues = checkRange('values', options.values ?? 20, 1, MAX_STATS_VALUES);
  const scan = options.scan ?? PROPERTY_STATS_SCAN;
  if (isBookkeepingLabel(label)) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(label)} is Dossier's own record, not part of the graph. Ask for one of the graph's labels.`,
    );
  }
  await checkNames(db, 'label', [label]);
  const keys = options.properties ? await checkNames(db, 'property key', options.properties) : null;
  const vis = visibilityOf(await liveSchema(db));
  const [row] = await db.read(
    propertyStatsStatement(label, (v) => vis.node(v), keys !== null),
    {
      scan: int(scan),
      share: KIND_SHARE,
      bins: int(bins),
      maxProperties: int(MAX_STATS_PROPERTIES),
      maxValues: int(maxValues),
      ...(keys ? { keys } : {}),
    },
    { metadata: { app: 'dossier', purpose: 'property-stats' } },
  );
  if (!row) throw new Error('the property statistics statement returned no row');
  const properties = ((row['properties'] as Raw[] | null) ?? []).map((p) =>
    distributionOf(p, maxValues),
  );
  const count = num(row['total']);
  const scanned = num(row['scanned']);
  const propertyCount = num(row['propertyCount']);
  return {
    label,
    count,
    scanned,
    sampled: scanned < count,
    properties,
    propertyCount,
    propertiesCapped: propertyCount > properties.length,
  };
}

/**
 * How long one label's statistics are reused. Longer than the schema overview's few seconds: the
 * statement reads up to PROPERTY_STATS_SCAN nodes, the panel asks again each time a label is
 * chosen, and a histogram half a minute old misleads nobody. A write is seen at the latest after
 * this long; forgetPropertyStats drops everything at once.
 */
export const PROPERTY_STATS_TTL_MS = 30_000;
/** Entries kept per database; the oldest goes first, so the cache stays small on any graph. */
const MAX_CACHED = 64;

const statsCache = new WeakMap<
  Database,
  Map<string, { at: number; stats: Promise<PropertyStats> }>
>();

/**
 * readPropertyStats, shared for PROPERTY_STATS_TTL_MS by every request on the same Database with
 * the same arguments. Concurrent callers share one read; a failed read is not kept.
 */
export function cachedPropertyStats(
  db: Database,
  label: string,
  options: PropertyStatsOptions = {},
): Promise<PropertyStats> {
  let entries = statsCache.get(db);
  if (!entries) statsCache.set(db, (entries = new Map()));
  const key = JSON.stringify([
    label,
    options.properties ? [...options.properties].sort() : null,
    options.bins ?? null,
    options.values ?? null,
    options.scan ?? null,
  ]);
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at <= PROPERTY_STATS_TTL_MS) return hit.stats;
  const stats = readPropertyStats(db, label, options);
  entries.delete(key);
  entries.set(key, { at: Date.now(), stats });
  while (entries.size > MAX_CACHED) entries.delete(entries.keys().next().value as string);
  const kept = entries;
  stats.catch(() => kept.delete(key));
  return stats;
}

/** Drops every cached statistic of db (after a bulk change, or in a test). */
export function forgetPropertyStats(db: Database): void {
  statsCache.delete(db);
}
