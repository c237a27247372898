import { fetchSubgraph } from '../api/graph-api.js';
import { addElements } from '../state/commands/add-elements.js';
import { settlePositions } from '../state/commands/move-nodes.js';
import type { GraphCache } from '../state/graph-cache.js';
import type { Store } from '../state/store.js';
import type { ViewEdge } from '../state/view.js';
import type { Explorer } from './explorer.js';
import type { Subgraph } from './model.js';
import { placeArrivals } from './placement.js';

/** What every action that changes the picture works with. */
export interface ExplorerContext {
  readonly store: Store;
  readonly cache: GraphCache;
  readonly explorer: Explorer;
}

/**
 * Where arriving nodes go: a fresh layout of everything, around one node, or at given positions
 * (a synthetic graph of the tests and the render bench).
 */
export type Placement =
  | { readonly kind: 'layout' }
  | { readonly kind: 'near'; readonly near: string }
  | {
      readonly kind: 'positions';
      readonly positions: ReadonlyMap<string, { x: number; y: number }>;
    };

/** The relationships of a subgraph as the View holds them. */
export function viewEdges(subgraph: Subgraph): Record<string, ViewEdge> {
  return Object.fromEntries(
    subgraph.edges.map((e) => [e.id, { source: e.source, target: e.target, type: e.type }]),
  );
}

/**
 * The one way nodes enter the picture (expand, load more, a label's nodes, a search hit, paths,
 * disagreements, console results): the subgraph together with every relationship between its nodes
 * and those already in the picture (Neo4j Browser's "connect result nodes"), so what is drawn is
 * what `subgraph(ids)` gives for the picture's nodes — which is how a link redraws it. One undo
 * step; hidden elements stay hidden. Returns the ids of the nodes that were new.
 */
export async function addConnected(
  ctx: ExplorerContext,
  subgraph: Subgraph,
  placement: Placement,
): Promise<string[]> {
  const ids = new Set([...Object.keys(ctx.store.view.nodes), ...subgraph.nodes.map((n) => n.id)]);
  const connected = await fetchSubgraph([...ids]);
  return addSubgraph(ctx, connected.subgraph, placement);
}

/**
 * Brings a subgraph into the picture as it is (addConnected's second half): the nodes are placed,
 * drawn, laid out or relaxed, and where they settled amends the same undo step.
 */
export async function addSubgraph(
  { store, cache, explorer }: ExplorerContext,
  subgraph: Subgraph,
  placement: Placement,
): Promise<string[]> {
  cache.put(subgraph);
  const view = store.view;
  const fresh = subgraph.nodes.map((n) => n.id).filter((id) => !view.nodes[id]);
  const near = placement.kind === 'near' ? placement.near : null;
  const nodes =
    placement.kind === 'positions'
      ? Object.fromEntries(fresh.map((id) => [id, placement.positions.get(id) ?? { x: 0, y: 0 }]))
      : placeArrivals(view, fresh, near);
  store.dispatch(addElements, { nodes, edges: viewEdges(subgraph) });
  await explorer.idle();
  const count = Object.keys(view.nodes).length;
  if (placement.kind === 'layout' && (count === 0 || fresh.length > count)) {
    await explorer.layout(count === 0);
  } else if (placement.kind !== 'positions') await explorer.relax(fresh);
  store.dispatch(settlePositions, explorer.positions());
  if (near) explorer.reveal(fresh);
  return fresh;
}
