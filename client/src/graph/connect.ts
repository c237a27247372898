import { fetchSubgraph } from '../api/graph-api.js';
import type { AddPlacement, Explorer } from './explorer.js';
import type { Subgraph } from './model.js';

/**
 * Adds a subgraph together with every relationship between its nodes and those already on
 * screen (Neo4j Browser's "connect result nodes"): what is drawn is then exactly what
 * `subgraph(ids)` returns for the nodes on screen, which is how a shared link redraws it.
 */
export async function addConnected(
  explorer: Explorer,
  subgraph: Subgraph,
  placement: AddPlacement,
): Promise<void> {
  const ids = new Set([
    ...explorer.cy.nodes().map((n) => n.id()),
    ...subgraph.nodes.map((n) => n.id),
  ]);
  const connected = await fetchSubgraph([...ids]);
  explorer.checkpoint();
  await explorer.add(connected.subgraph, placement);
}
