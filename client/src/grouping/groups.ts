import type { Grouping } from '../state/analysis.js';
import type { ViewEdge, ViewNode } from '../state/view.js';

/**
 * Grouping, derived: which group a drawn node falls in, which groups are collapsed, and the
 * relationships between groups counted. The View holds only the rule (analysis.grouping); the
 * members follow from what is drawn and the cached labels and properties, so an expansion or a
 * filter regroups without any command. Pure: no Cytoscape, no DOM.
 */

/** What grouping needs to know of a node (a GraphNode fits). */
export interface NodeFacts {
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Group node ids carry this prefix, so nothing mistakes them for element ids of the database. */
export const GROUP_PREFIX = 'group:';
const AGGREGATE_PREFIX = 'group-edge:';

export function groupNodeId(key: string): string {
  return GROUP_PREFIX + key;
}

export function isGroupId(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}

/** The group key of a group node id (the inverse of groupNodeId). */
export function groupKeyOf(id: string): string | null {
  return isGroupId(id) ? id.slice(GROUP_PREFIX.length) : null;
}

/**
 * The key of the group a node belongs to under `grouping`, or null when it stays itself (it lacks
 * the property). By label: the label the node is styled by (the first of `labelPriority` it has).
 */
export function groupKey(
  node: NodeFacts,
  grouping: Pick<Grouping, 'by' | 'property'>,
  labelPriority: readonly string[] = [],
): string | null {
  if (grouping.by === 'label') {
    const label = labelPriority.find((l) => node.labels.includes(l)) ?? node.labels[0];
    return label === undefined ? null : `label:${label}`;
  }
  const p = grouping.property;
  const v = p === null ? undefined : node.properties[p];
  if (v === undefined || v === null || p === null) return null;
  return `${p}=${typeof v === 'string' ? v : JSON.stringify(v)}`;
}

/** A group of at least two drawn nodes. */
export interface Group {
  readonly key: string;
  /** The group node's id (groupNodeId(key)). */
  readonly id: string;
  /** What the group is: a label, or `property = value`. */
  readonly title: string;
  /** The label most of its members are styled by (the group node takes its colour and shape). */
  readonly label: string;
  readonly members: readonly string[];
  /** Whether the user expanded it: its members are drawn instead of the group node. */
  readonly expanded: boolean;
}

/** The relationships between two drawn ends (a group node or a node), as one edge with a count. */
export interface AggregateEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly count: number;
}

/** What is drawn once grouping applies. */
export interface GroupedDrawing {
  /** Drawn nodes outside any collapsed group. */
  readonly nodes: readonly string[];
  /** Drawn relationships with neither end in a collapsed group. */
  readonly edges: readonly string[];
  /** Every group of two or more drawn nodes, collapsed or expanded. */
  readonly groups: readonly Group[];
  /** Relationships with an end in a collapsed group, counted per pair of drawn ends. */
  readonly aggregates: readonly AggregateEdge[];
}

/** A node with a group of its own is not grouped: a group of one hides nothing and says nothing. */
const MIN_MEMBERS = 2;

/**
 * Applies `grouping` to what is drawn: nodes of a group of two or more are replaced by the group
 * node unless the group is expanded; relationships inside a collapsed group are left out and the
 * rest with an end in one are counted per (source, target) pair, keeping direction.
 */
export function groupDrawing(
  shown: { readonly nodes: readonly string[]; readonly edges: readonly string[] },
  edges: Readonly<Record<string, ViewEdge>>,
  grouping: Grouping,
  facts: (id: string) => NodeFacts | undefined,
  labelPriority: readonly string[] = [],
): GroupedDrawing {
  const byKey = new Map<string, string[]>();
  const labelsOf = new Map<string, Map<string, number>>();
  for (const id of shown.nodes) {
    const f = facts(id);
    const key = f ? groupKey(f, grouping, labelPriority) : null;
    if (key === null || !f) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), id]);
    const label = labelPriority.find((l) => f.labels.includes(l)) ?? f.labels[0] ?? 'Node';
    const counts = labelsOf.get(key) ?? new Map<string, number>();
    counts.set(label, (counts.get(label) ?? 0) + 1);
    labelsOf.set(key, counts);
  }
  const expanded = new Set(grouping.expanded);
  const groups: Group[] = [];
  const collapsedOf = new Map<string, string>();
  for (const [key, members] of byKey) {
    if (members.length < MIN_MEMBERS) continue;
    const group: Group = {
      key,
      id: groupNodeId(key),
      title: titleOf(key),
      label: mostFrequent(labelsOf.get(key) ?? new Map()),
      members,
      expanded: expanded.has(key),
    };
    groups.push(group);
    if (!group.expanded) for (const m of members) collapsedOf.set(m, group.id);
  }
  groups.sort((a, b) => b.members.length - a.members.length || a.title.localeCompare(b.title));
  const plain: string[] = [];
  const counts = new Map<string, AggregateEdge>();
  for (const id of shown.edges) {
    const e = edges[id];
    if (!e) continue;
    const s = collapsedOf.get(e.source);
    const t = collapsedOf.get(e.target);
    if (s === undefined && t === undefined) {
      plain.push(id);
      continue;
    }
    const source = s ?? e.source;
    const target = t ?? e.target;
    if (source === target) continue;
    const aid = `${AGGREGATE_PREFIX}${source}->${target}`;
    const before = counts.get(aid);
    counts.set(aid, { id: aid, source, target, count: (before?.count ?? 0) + 1 });
  }
  return {
    nodes: shown.nodes.filter((id) => !collapsedOf.has(id)),
    edges: plain,
    groups,
    aggregates: [...counts.values()],
  };
}

/**
 * Where a group node stands: where it was last put (a layout, a drag), else the centre of its
 * members' places, so a fresh group appears where its members were.
 */
export function groupPosition(
  group: Pick<Group, 'key' | 'members'>,
  grouping: Grouping,
  nodes: Readonly<Record<string, ViewNode>>,
): { x: number; y: number } {
  const kept = grouping.positions[group.key];
  if (kept) return { x: kept.x, y: kept.y };
  return centroid(group.members.flatMap((id) => nodes[id] ?? []));
}

/**
 * The grouping with the positions of group nodes among `positions` (ids from groupNodeId) written
 * into it; the same object when none moved, so an unchanged View stays unchanged.
 */
export function withGroupPositions(
  grouping: Grouping,
  positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>,
): Grouping {
  let next: Record<string, { x: number; y: number }> | null = null;
  for (const [id, p] of Object.entries(positions)) {
    const key = groupKeyOf(id);
    if (key === null) continue;
    const old = grouping.positions[key];
    if (old && old.x === p.x && old.y === p.y) continue;
    next ??= { ...grouping.positions };
    next[key] = { x: p.x, y: p.y };
  }
  return next ? { ...grouping, positions: next } : grouping;
}

export function centroid(points: readonly { x: number; y: number }[]): { x: number; y: number } {
  if (!points.length) return { x: 0, y: 0 };
  const sx = points.reduce((s, p) => s + p.x, 0);
  const sy = points.reduce((s, p) => s + p.y, 0);
  return { x: sx / points.length, y: sy / points.length };
}

/** "Person" for a label group, "gender = female" for a property group. */
export function titleOf(key: string): string {
  if (key.startsWith('label:')) return key.slice('label:'.length);
  const at = key.indexOf('=');
  return `${key.slice(0, at)} = ${key.slice(at + 1)}`;
}

function mostFrequent(counts: ReadonlyMap<string, number>): string {
  let best = 'Node';
  let most = 0;
  for (const [label, n] of counts) {
    if (n > most) [best, most] = [label, n];
  }
  return best;
}
