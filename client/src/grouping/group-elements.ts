import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphCache } from '../state/graph-cache.js';
import { drawn, type View } from '../state/view.js';
import { groupDrawing, groupPosition, type AggregateEdge, type Group } from './groups.js';

/**
 * What the Explorer draws for a View once grouping applies: the ids (nodes, group nodes,
 * relationships and counted relationships between groups), where each group node stands, and
 * the data of the group elements, which the cache cannot give since they are not in the database.
 */
export interface DrawPlan {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  /** Positions of the group nodes drawn (other nodes stand where the View puts them). */
  readonly positions: ReadonlyMap<string, { x: number; y: number; pinned?: boolean }>;
  readonly groups: readonly Group[];
  readonly aggregates: readonly AggregateEdge[];
}

export function planDrawing(
  view: View,
  cache: GraphCache,
  labelPriority: readonly string[],
): DrawPlan {
  const shown = drawn(view);
  const grouping = view.analysis.grouping;
  if (!grouping) return { ...shown, positions: new Map(), groups: [], aggregates: [] };
  const g = groupDrawing(shown, view.edges, grouping, (id) => cache.node(id), labelPriority);
  const collapsed = g.groups.filter((x) => !x.expanded);
  return {
    nodes: [...g.nodes, ...collapsed.map((x) => x.id)],
    edges: [...g.edges, ...g.aggregates.map((a) => a.id)],
    positions: new Map(collapsed.map((x) => [x.id, groupPosition(x, grouping, view.nodes)])),
    groups: collapsed,
    aggregates: g.aggregates,
  };
}

/** "Person (120)": what a group node reads. */
export function groupCaption(group: Pick<Group, 'title' | 'members'>): string {
  return `${group.title} (${group.members.length})`;
}

function groupData(g: Group): Record<string, unknown> {
  return {
    caption: groupCaption(g),
    count: g.members.length,
    size: Math.round(Math.min(120, 40 + 5 * Math.sqrt(g.members.length))),
  };
}

function aggregateData(a: AggregateEdge): Record<string, unknown> {
  return { type: `× ${a.count}`, count: a.count, width: 1.4 + Math.log2(a.count) };
}

/** Cytoscape definitions of the group elements among `newIds` (drawn now, not on the canvas yet). */
export function groupDefinitions(plan: DrawPlan, newIds: ReadonlySet<string>): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const g of plan.groups) {
    if (!newIds.has(g.id)) continue;
    out.push({
      group: 'nodes',
      data: {
        id: g.id,
        labels: [g.label],
        label: g.label,
        props: { members: g.members.length },
        degree: 0,
        disputed: false,
        cited: true,
        group: g.key,
        ...groupData(g),
      },
      classes: 'group',
      ...(plan.positions.get(g.id) ? { position: { ...plan.positions.get(g.id)! } } : {}),
    });
  }
  for (const a of plan.aggregates) {
    if (!newIds.has(a.id)) continue;
    out.push({
      group: 'edges',
      data: {
        id: a.id,
        source: a.source,
        target: a.target,
        props: {},
        cited: true,
        ...aggregateData(a),
      },
      classes: 'group-edge',
    });
  }
  return out;
}

/** Brings the counts of group elements already drawn up to date (members come and go). */
export function refreshGroupData(cy: Core, plan: DrawPlan): void {
  for (const g of plan.groups) {
    const n = cy.getElementById(g.id);
    if (n.nonempty() && n.data('count') !== g.members.length) n.data(groupData(g));
  }
  for (const a of plan.aggregates) {
    const e = cy.getElementById(a.id);
    if (e.nonempty() && e.data('count') !== a.count) e.data(aggregateData(a));
  }
}
