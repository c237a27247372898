import type { GraphCache } from '../state/graph-cache.js';
import type { Picture } from '../state/picture.js';
import type { View } from '../state/view.js';
import { spanOf, type Span } from './binning.js';
import { compareAccountDates, dateBand, type DateBand } from './date-band.js';

/** One dated element on screen, as the timeline draws it. */
export interface Mark {
  readonly id: string;
  readonly caption: string;
  readonly band: DateBand;
  readonly span: Span;
  /** Outside the brushed range: drawn faintly, so the range can be widened again. */
  readonly out: boolean;
  readonly selected: boolean;
  /** A fact a disagreement disputes (`disputed: true`). */
  readonly disputed: boolean;
}

/** One disagreement between sources, as the story API gives it (the fields the timeline reads). */
export interface DisagreementData {
  readonly id: string;
  readonly nodeId: string;
  readonly name: string;
  readonly question?: string | null;
  readonly claims: readonly {
    readonly nodeId: string;
    readonly name: string;
    readonly value?: string | null;
    readonly sources: readonly { readonly articleId: string; readonly title?: string | null }[];
  }[];
}

/** A disagreement touching something on screen, with each account's date. */
export interface DisputeGroup {
  readonly id: string;
  readonly nodeId: string;
  readonly name: string;
  readonly dates: 'differ' | 'same' | 'undated';
  readonly accounts: readonly {
    readonly id: string;
    readonly name: string;
    readonly sources: readonly string[];
    readonly band: DateBand | null;
  }[];
}

/**
 * Whether the graph's filters (labels, types, evidence, property filters — anything but the time
 * window itself) keep an element: the others have no mark. A relationship whose end a filter
 * leaves out is left out too. An element outside the time window keeps its mark, drawn faintly.
 */
function marked(p: Picture, id: string): boolean {
  return !p.filtered.has(id);
}

/**
 * The dated elements of the whole picture (the View, not what Cytoscape holds: a simplified
 * picture draws only the part near the viewport), following the graph's filters.
 */
export function collectMarks(picture: Picture, cache: GraphCache, view: View): Mark[] {
  const selected = new Set(view.selected);
  const out: Mark[] = [];
  const add = (id: string): void => {
    const data = cache.node(id) ?? cache.edge(id);
    if (!data || !marked(picture, id)) return;
    const band = dateBand(data.properties, view.timeProperty);
    if (!band) return;
    out.push({
      id,
      caption: cache.captionOf(id),
      band,
      span: spanOf(band.start, band.end),
      out: picture.outOfTime.has(id),
      selected: selected.has(id),
      disputed: data.properties['disputed'] === true,
    });
  };
  for (const id of picture.plan.nodes) add(id);
  for (const id of picture.plan.edges) add(id);
  return out;
}

/** Whether anything in the picture needs the story's disagreements (a disputed fact, a Disagreement). */
export function needsDisputes(picture: Picture, cache: GraphCache): boolean {
  const has = (id: string): boolean => {
    const n = cache.node(id);
    const p = (n ?? cache.edge(id))?.properties;
    return typeof p?.['disagreement'] === 'string' || !!n?.labels.includes('Disagreement');
  };
  return picture.plan.nodes.some(has) || picture.plan.edges.some(has);
}

/**
 * The disagreements that touch what is on screen (the disagreement node, one of its accounts, or a
 * fact whose `disagreement` names it), each account dated by its own date if it has one, else by
 * the disputed fact's.
 */
export function collectDisputes(
  picture: Picture,
  cache: GraphCache,
  view: View,
  disagreements: readonly DisagreementData[],
): DisputeGroup[] {
  const shown = new Set(
    [...picture.plan.nodes, ...picture.plan.edges].filter((id) => marked(picture, id)),
  );
  const factsOf = new Map<string, string[]>();
  for (const id of shown) {
    const props = (cache.node(id) ?? cache.edge(id))?.properties;
    const d = props?.['disagreement'];
    if (typeof d === 'string') factsOf.set(d, [...(factsOf.get(d) ?? []), id]);
  }
  const bandOf = (id: string): DateBand | null => {
    const props = (cache.node(id) ?? cache.edge(id))?.properties;
    return props ? dateBand(props, view.timeProperty) : null;
  };
  const groups: DisputeGroup[] = [];
  for (const d of disagreements) {
    const facts = factsOf.get(d.id) ?? [];
    const touched =
      facts.length > 0 || shown.has(d.nodeId) || d.claims.some((c) => shown.has(c.nodeId));
    if (!touched) continue;
    const factBand = facts.map(bandOf).find((b) => b) ?? null;
    const compared = compareAccountDates(
      d.claims.map((c) => ({
        id: c.nodeId,
        name: c.name,
        sources: [...new Set(c.sources.map((s) => s.articleId))],
        band: bandOf(c.nodeId),
      })),
      factBand,
    );
    groups.push({ id: d.id, nodeId: d.nodeId, name: d.name, ...compared });
  }
  return groups;
}
