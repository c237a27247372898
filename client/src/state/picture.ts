import { evidenceOf, hiddenByEvidence } from '../evidence/evidence-categories.js';
import { propertyFilteredIds } from '../filters/property-filter-classes.js';
import { factSpan, inWindow } from '../graph/explorer-window.js';
import { planDrawing, type DrawPlan } from '../grouping/group-elements.js';
import type { GraphCache } from './graph-cache.js';
import type { View } from './view.js';

/**
 * The whole picture a View shows once its filters apply, read from the View and the cache alone
 * (issue 16 item 6). Above the level-of-detail threshold Cytoscape holds only the part near the
 * viewport, so the panels that must see everything (timeline, structure, data exports) and the
 * level-of-detail index read this instead of the canvas. It decides exactly what the filter
 * classes of graph/view-classes.ts decide on a fully drawn canvas: `f-hidden` (label, type),
 * `t-hidden` (time window), `p-hidden` (property filters, and relationships touching such a node),
 * `ev-hidden` (evidence), and a relationship is on screen only while both its ends are.
 */
export interface Picture {
  /** What is drawn before filters: nodes, group nodes, relationships and counted ones. */
  readonly plan: DrawPlan;
  /** The ends of every relationship of the plan (real, or counted between groups). */
  readonly ends: ReadonlyMap<string, { readonly source: string; readonly target: string }>;
  /**
   * Elements a label, type, property or evidence filter leaves out (a relationship also when one
   * of its ends is): not on screen whatever the time window.
   */
  readonly filtered: ReadonlySet<string>;
  /** Elements whose own dates fall outside the time window (`t-hidden`). */
  readonly outOfTime: ReadonlySet<string>;
}

/** The drawing before filters and the ends of its relationships. */
function drawingOf(
  view: View,
  cache: GraphCache,
  labelPriority: readonly string[],
): Pick<Picture, 'plan' | 'ends'> {
  const plan = planDrawing(view, cache, labelPriority);
  const ends = new Map<string, { source: string; target: string }>();
  for (const a of plan.aggregates) ends.set(a.id, a);
  for (const id of plan.edges) {
    const e = view.edges[id];
    if (e) ends.set(id, e);
  }
  return { plan, ends };
}

/**
 * Computes the picture of `view`; see `pictureOf` for the memoised form the client uses. `drawing`:
 * the drawing before filters when it is known (a filter change leaves it as it was).
 */
export function computePicture(
  view: View,
  cache: GraphCache,
  labelPriority: readonly string[],
  drawing: Pick<Picture, 'plan' | 'ends'> = drawingOf(view, cache, labelPriority),
): Picture {
  const { plan, ends } = drawing;
  const groupLabel = new Map(plan.groups.map((g) => [g.id, g.label]));
  const labels = new Set(view.hiddenLabels);
  const types = new Set(view.hiddenTypes);
  const evidence = view.analysis.evidence;
  const byEvidence = evidence.hidden.length > 0;
  const filtered = new Set<string>();
  const outOfTime = new Set<string>();
  const timed = (id: string, props: Readonly<Record<string, unknown>> | undefined): void => {
    if (!view.time) return;
    const s = factSpan(props ?? {}, view.timeProperty);
    if (!inWindow(s.start, s.end, view.time)) outOfTime.add(id);
  };
  const nodeLabels = (id: string): readonly string[] =>
    cache.node(id)?.labels ?? (groupLabel.has(id) ? [groupLabel.get(id)!] : []);
  // Each filter is a pass only when it is set: at 50,000 nodes the passes are the cost.
  const byLabel = labels.size > 0;
  for (const id of plan.nodes) {
    const n = cache.node(id);
    if (
      (byLabel && nodeLabels(id).some((l) => labels.has(l))) ||
      (byEvidence && hiddenByEvidence(evidenceOf(n), evidence))
    ) {
      filtered.add(id);
    }
    timed(id, n?.properties);
  }
  // Property filters: a group node has no properties of its own and is never filtered out.
  if (view.analysis.propertyFilters.length) {
    const byProperty = propertyFilteredIds(
      plan.nodes.map((id) => ({
        id,
        labels: nodeLabels(id),
        properties: cache.node(id)?.properties,
      })),
      view.analysis.propertyFilters,
    );
    for (const id of byProperty) filtered.add(id);
  }
  const byType = types.size > 0;
  for (const id of plan.edges) {
    const e = cache.edge(id);
    const end = ends.get(id);
    if (
      (byType && e && types.has(e.type)) ||
      (byEvidence && hiddenByEvidence(evidenceOf(e), evidence)) ||
      !end ||
      filtered.has(end.source) ||
      filtered.has(end.target)
    ) {
      filtered.add(id);
    }
    timed(id, e?.properties);
  }
  return { plan, ends, filtered, outOfTime };
}

/** Whether an element of the picture is on screen: kept by every filter, the time window included. */
export function onScreen(p: Picture, id: string): boolean {
  if (p.filtered.has(id) || p.outOfTime.has(id)) return false;
  const end = p.ends.get(id);
  return !end || (!p.outOfTime.has(end.source) && !p.outOfTime.has(end.target));
}

/** The nodes and relationships on screen (what structure measures and data exports carry). */
export function shownElements(p: Picture): { nodes: string[]; edges: string[] } {
  return {
    nodes: p.plan.nodes.filter((id) => onScreen(p, id)),
    edges: p.plan.edges.filter((id) => onScreen(p, id)),
  };
}

interface Memo<T> {
  readonly key: readonly unknown[];
  readonly cache: GraphCache;
  readonly version: number;
  readonly value: T;
}

/** Whether a memo was made from the same keys and the same cached data. */
function fresh<T>(
  memo: Memo<T> | null,
  key: readonly unknown[],
  cache: GraphCache,
): memo is Memo<T> {
  // Data fetched again (a newer copy of an element) may change what a filter decides.
  return (
    !!memo &&
    memo.cache === cache &&
    memo.version === cache.version &&
    memo.key.every((k, i) => k === key[i])
  );
}

let lastDrawing: Memo<Pick<Picture, 'plan' | 'ends'>> | null = null;
let lastPicture: Memo<Picture> | null = null;

/**
 * The picture of `view`, computed once per change of what it depends on: the timeline, the
 * structure panel and the level-of-detail plan all read it after the same command, and a pass
 * over 125,000 elements is worth doing once. A filter change keeps the drawing before filters.
 */
export function pictureOf(
  view: View,
  cache: GraphCache,
  labelPriority: readonly string[],
): Picture {
  const drawingKey = [
    view.nodes,
    view.edges,
    view.hidden,
    view.analysis.grouping,
    labelPriority.join('\n'),
  ];
  const key = [
    ...drawingKey,
    view.hiddenLabels,
    view.hiddenTypes,
    view.time,
    view.timeProperty,
    view.analysis.propertyFilters,
    view.analysis.evidence,
  ];
  if (fresh(lastPicture, key, cache)) return lastPicture.value;
  if (!fresh(lastDrawing, drawingKey, cache)) {
    lastDrawing = {
      key: drawingKey,
      cache,
      version: cache.version,
      value: drawingOf(view, cache, labelPriority),
    };
  }
  const value = computePicture(view, cache, labelPriority, lastDrawing.value);
  lastPicture = { key, cache, version: cache.version, value };
  return value;
}
