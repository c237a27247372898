import { evidenceOf, hiddenByEvidence } from '../evidence/evidence-categories.js';
import { propertyFilteredIds } from '../filters/property-filter-classes.js';
import { factSpan, inWindow } from '../graph/explorer-window.js';
import { planDrawing, type DrawPlan } from '../grouping/group-elements.js';
import type { GraphCache } from './graph-cache.js';
import type { View } from './view.js';

// Why the View's filters leave an element out: one bit per canvas class (graph/view-classes.ts).
/** A label filter, or for a relationship a type filter (`f-hidden`). */
export const BY_LABEL = 1;
/** The property filters (`p-hidden`). */
export const BY_PROPERTY = 2;
/** The evidence legend (`ev-hidden`). */
export const BY_EVIDENCE = 4;
/** The time window (`t-hidden`). */
export const BY_TIME = 8;

/**
 * The whole picture a View shows once its filters apply, read from the View and the cache alone
 * (issue 16 item 6). Above the level-of-detail threshold Cytoscape holds only the part near the
 * viewport, so the panels that must see everything (timeline, structure, data exports) and the
 * level-of-detail index read this instead of the canvas. It is the one rule for what the filters
 * hide: the canvas classes are set from it (`hiddenBy`), never decided again there. A
 * relationship is on screen only while both its ends are, and carries the reasons of its ends.
 */
export interface Picture {
  /** What is drawn before filters: nodes, group nodes, relationships and counted ones. */
  readonly plan: DrawPlan;
  /** The ends of every relationship of the plan (real, or counted between groups). */
  readonly ends: ReadonlyMap<string, { readonly source: string; readonly target: string }>;
  /**
   * Elements a label, type, property or evidence filter leaves out, with why (`BY_LABEL`,
   * `BY_PROPERTY`, `BY_EVIDENCE`; a relationship also has its ends' reasons): not on screen
   * whatever the time window.
   */
  readonly filtered: ReadonlyMap<string, number>;
  /** Elements whose own dates fall outside the time window (the timeline marks them faintly). */
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
  const filtered = new Map<string, number>();
  const outOfTime = new Set<string>();
  const time = view.time;
  const timed = (id: string, props: Readonly<Record<string, unknown>> | undefined): void => {
    if (!time) return;
    const s = factSpan(props ?? {}, view.timeProperty);
    if (!inWindow(s.start, s.end, time)) outOfTime.add(id);
  };
  const nodeLabels = (id: string, n = cache.node(id)): readonly string[] =>
    n?.labels ?? (groupLabel.has(id) ? [groupLabel.get(id)!] : []);
  // Each filter is a pass only when it is set, and reads only what it needs: at 50,000 nodes and
  // 75,000 relationships the passes, down to each look-up in the cache, are the cost.
  const byLabel = labels.size > 0;
  if (byLabel || byEvidence || time) {
    for (const id of plan.nodes) {
      const n = cache.node(id);
      const why =
        (byLabel && nodeLabels(id, n).some((l) => labels.has(l)) ? BY_LABEL : 0) |
        (byEvidence && hiddenByEvidence(evidenceOf(n), evidence) ? BY_EVIDENCE : 0);
      if (why) filtered.set(id, why);
      timed(id, n?.properties);
    }
  }
  // Property filters: a group node has no properties of its own and is never filtered out.
  if (view.analysis.propertyFilters.length) {
    const byProperty = propertyFilteredIds(
      plan.nodes.map((id) => {
        const n = cache.node(id);
        return { id, labels: nodeLabels(id, n), properties: n?.properties };
      }),
      view.analysis.propertyFilters,
    );
    for (const id of byProperty) filtered.set(id, (filtered.get(id) ?? 0) | BY_PROPERTY);
  }
  const byType = types.size > 0;
  const ownData = byType || byEvidence || !!time;
  const anyNode = filtered.size > 0;
  if (ownData || anyNode) {
    for (const id of plan.edges) {
      const e = ownData ? cache.edge(id) : undefined;
      const end = anyNode ? ends.get(id) : undefined;
      const why =
        (byType && e && types.has(e.type) ? BY_LABEL : 0) |
        (byEvidence && hiddenByEvidence(evidenceOf(e), evidence) ? BY_EVIDENCE : 0) |
        (end ? (filtered.get(end.source) ?? 0) | (filtered.get(end.target) ?? 0) : 0);
      if (why) filtered.set(id, why);
      timed(id, e?.properties);
    }
  }
  return { plan, ends, filtered, outOfTime };
}

/**
 * Why the filters leave an element of the picture off screen (`BY_*` bits, 0: on screen): its own
 * reasons and its ends', the time window included (a relationship whose end is out of time is
 * off screen with it, though its own mark on the timeline is not out).
 */
export function hiddenBy(p: Picture, id: string): number {
  const why = p.filtered.get(id) ?? 0;
  if (p.outOfTime.size === 0) return why;
  const end = p.ends.get(id);
  const out =
    p.outOfTime.has(id) || (!!end && (p.outOfTime.has(end.source) || p.outOfTime.has(end.target)));
  return out ? why | BY_TIME : why;
}

/** Whether an element of the picture is on screen: kept by every filter, the time window included. */
export function onScreen(p: Picture, id: string): boolean {
  return hiddenBy(p, id) === 0;
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
