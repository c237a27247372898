/**
 * The analysis part of the View (issue 15): filters by property value, filters and styling by the
 * evidence behind each fact, grouping, and styling by structure. Plain data, so it is undone,
 * linked and saved in cases like the rest of the View; everything computed from it (histograms,
 * support counts, centralities, group members) lives outside the View and is derived again.
 * Nothing here names an element id, so a saved view needs no key mapping for it.
 */

/** Keep the nodes of `label` whose `property` lies in [min, max] (numbers, or ISO dates as text). */
export interface RangeFilter {
  readonly kind: 'range';
  readonly label: string;
  readonly property: string;
  readonly min: number | string;
  readonly max: number | string;
}

/** Keep the nodes of `label` whose `property` is one of `values` (compared as text). */
export interface ValuesFilter {
  readonly kind: 'values';
  readonly label: string;
  readonly property: string;
  readonly values: readonly string[];
}

export type PropertyFilter = RangeFilter | ValuesFilter;

/**
 * The evidence categories a legend entry toggles: facts cited by one source only, facts a
 * disagreement disputes, facts whose date or content is inferred, facts without any citation.
 */
export type EvidenceCategory = 'single-source' | 'disputed' | 'inferred' | 'unsourced';

export const EVIDENCE_CATEGORIES: readonly EvidenceCategory[] = [
  'single-source',
  'disputed',
  'inferred',
  'unsourced',
];

export interface EvidenceState {
  /** Categories filtered out of the picture. */
  readonly hidden: readonly EvidenceCategory[];
  /** Size nodes and widen relationships by their number of independent sources. */
  readonly sizeBySources: boolean;
}

/** Collapse the drawn nodes by label, or by one property's value, into group nodes with a count. */
export interface Grouping {
  readonly by: 'label' | 'property';
  /** The property when `by` is 'property'. */
  readonly property: string | null;
  /** Group keys (see the grouping module) expanded back into their members. */
  readonly expanded: readonly string[];
  /** Where each group node stands, so groups keep their place across layouts and reloads. */
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

export type CentralityMeasure = 'degree' | 'betweenness' | 'pagerank';

/** Styling by structure, computed in the browser from what is drawn. */
export interface StructureStyle {
  readonly sizeBy: CentralityMeasure | null;
  readonly colourByCommunity: boolean;
}

export interface AnalysisState {
  readonly propertyFilters: readonly PropertyFilter[];
  readonly evidence: EvidenceState;
  readonly grouping: Grouping | null;
  readonly structure: StructureStyle;
}

export function emptyAnalysis(): AnalysisState {
  return {
    propertyFilters: [],
    evidence: { hidden: [], sizeBySources: false },
    grouping: null,
    structure: { sizeBy: null, colourByCommunity: false },
  };
}

/**
 * The analysis state a link or case holds, read back defensively: anything malformed is dropped
 * (a hand-edited link must not break the explorer), missing parts defaulted.
 */
export function analysisFromJson(raw: unknown): AnalysisState {
  const base = emptyAnalysis();
  if (!isRecord(raw)) return base;
  const filters = Array.isArray(raw['pf']) ? raw['pf'].flatMap(propertyFilterFrom) : [];
  const ev = isRecord(raw['ev']) ? raw['ev'] : {};
  const hidden = Array.isArray(ev['h'])
    ? ev['h'].filter((c): c is EvidenceCategory =>
        EVIDENCE_CATEGORIES.includes(c as EvidenceCategory),
      )
    : [];
  const g = isRecord(raw['g']) ? raw['g'] : null;
  const grouping: Grouping | null =
    g && (g['by'] === 'label' || (g['by'] === 'property' && typeof g['p'] === 'string'))
      ? {
          by: g['by'],
          property: g['by'] === 'property' ? (g['p'] as string) : null,
          expanded: strings(g['x']),
          positions: positionsFrom(g['pos']),
        }
      : null;
  const st = isRecord(raw['st']) ? raw['st'] : {};
  const sizeBy = ['degree', 'betweenness', 'pagerank'].includes(st['s'] as string)
    ? (st['s'] as CentralityMeasure)
    : null;
  return {
    propertyFilters: filters,
    evidence: { hidden, sizeBySources: ev['s'] === 1 },
    grouping,
    structure: { sizeBy, colourByCommunity: st['c'] === 1 },
  };
}

/** The compact JSON form of the analysis state, or undefined when it is the default. */
export function analysisToJson(a: AnalysisState): unknown {
  const out: Record<string, unknown> = {};
  if (a.propertyFilters.length) {
    out['pf'] = a.propertyFilters.map((f) =>
      f.kind === 'range'
        ? { k: 'r', l: f.label, p: f.property, min: f.min, max: f.max }
        : { k: 'v', l: f.label, p: f.property, v: f.values },
    );
  }
  if (a.evidence.hidden.length || a.evidence.sizeBySources) {
    out['ev'] = { h: a.evidence.hidden, s: a.evidence.sizeBySources ? 1 : 0 };
  }
  if (a.grouping) {
    out['g'] = {
      by: a.grouping.by,
      p: a.grouping.property ?? undefined,
      x: a.grouping.expanded,
      pos: a.grouping.positions,
    };
  }
  if (a.structure.sizeBy || a.structure.colourByCommunity) {
    out['st'] = { s: a.structure.sizeBy ?? undefined, c: a.structure.colourByCommunity ? 1 : 0 };
  }
  return Object.keys(out).length ? out : undefined;
}

function propertyFilterFrom(raw: unknown): PropertyFilter[] {
  if (!isRecord(raw) || typeof raw['l'] !== 'string' || typeof raw['p'] !== 'string') return [];
  const scalar = (v: unknown): v is number | string =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
  if (raw['k'] === 'r' && scalar(raw['min']) && scalar(raw['max'])) {
    return [
      { kind: 'range', label: raw['l'], property: raw['p'], min: raw['min'], max: raw['max'] },
    ];
  }
  if (raw['k'] === 'v' && Array.isArray(raw['v'])) {
    return [{ kind: 'values', label: raw['l'], property: raw['p'], values: strings(raw['v']) }];
  }
  return [];
}

function positionsFrom(raw: unknown): Record<string, { x: number; y: number }> {
  if (!isRecord(raw)) return {};
  const out: Record<string, { x: number; y: number }> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (isRecord(v) && typeof v['x'] === 'number' && typeof v['y'] === 'number') {
      out[k] = { x: v['x'], y: v['y'] };
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
