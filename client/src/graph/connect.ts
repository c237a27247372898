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

/** Where arriving nodes go: a fresh layout of everything, or around one node. */
export type Placement =
  { readonly kind: 'layout' } | { readonly kind: 'near'; readonly near: string };

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
  { store, cache, explorer }: ExplorerContext,
  subgraph: Subgraph,
  placement: Placement,
): Promise<string[]> {
  const ids = new Set([...Object.keys(store.view.nodes), ...subgraph.nodes.map((n) => n.id)]);
  const connected = await fetchSubgraph([...ids]);
  cache.put(connected.subgraph);
  const view = store.view;
  const fresh = connected.subgraph.nodes.map((n) => n.id).filter((id) => !view.nodes[id]);
  const near = placement.kind === 'near' ? placement.near : null;
  store.dispatch(addElements, {
    nodes: placeArrivals(view, fresh, near),
    edges: viewEdges(connected.subgraph),
  });
  await explorer.idle();
  const wholeLayout =
    placement.kind === 'layout' &&
    (Object.keys(view.nodes).length === 0 || fresh.length > Object.keys(view.nodes).length);
  if (wholeLayout) await explorer.layout();
  else await explorer.relax(fresh);
  store.dispatch(settlePositions, explorer.positions());
  if (near) explorer.reveal(fresh);
  return fresh;
}
