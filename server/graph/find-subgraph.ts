import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { checkListSize } from './bounds.js';
import { liveSchema } from './live-schema.js';
import { degreeExpression, toNodeModel, uniqueEdges, type SubgraphModel } from './model.js';
import { edgeItem, nodeSourcesEntry, sourceCounting, type SourceCounting } from './source-count.js';
import { andAlso, SHOW_EVERYTHING, visibilityOf, type Visibility } from './visibility.js';

export interface SubgraphResult extends SubgraphModel {
  missing: string[];
}

/**
 * Some nodes and every relationship among them (each found once, from its start node). Hidden
 * nodes (retracted, bookkeeping) are left out, and so are their relationships.
 */
export function subgraphStatement(
  withDegree: boolean,
  vis: Visibility = SHOW_EVERYTHING,
  sources: SourceCounting = null,
): string {
  return `UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id${andAlso(vis.node('n'))}
WITH collect(DISTINCT n) AS ns
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b) WHERE elementId(b) IN $ids${andAlso(vis.rel('r'))}${andAlso(vis.end('b'))}
  RETURN collect(${edgeItem('r', sources)}) AS rels
}
CALL (ns) {
  UNWIND ns AS n
  RETURN collect({node: n, degree: ${degreeExpression('n', withDegree, vis)}${nodeSourcesEntry('n', sources)}}) AS nodes
}
RETURN nodes, rels`;
}

/**
 * Reopens a saved view: the nodes that still exist, the relationships among them, and the ids
 * that are gone (retracted ones count as gone unless `includeRetracted`).
 */
export async function findSubgraph(
  db: Database,
  ids: readonly string[],
  withDegree: boolean,
  includeRetracted: boolean | null = false,
  withSources = false,
): Promise<SubgraphResult> {
  const unique = [...new Set(checkListSize('ids', ids, 0, 10_000))];
  if (unique.length === 0) return { nodes: [], edges: [], missing: [] };
  const schema = await liveSchema(db);
  const vis = visibilityOf(schema, { includeRetracted });
  const counting = sourceCounting(withSources, schema);
  const [row] = await db.read(subgraphStatement(withDegree, vis, counting), { ids: unique });
  const nodes = ((row?.['nodes'] as JsonValue[]) ?? []).map(toNodeModel);
  const found = new Set(nodes.map((n) => n.id));
  return {
    nodes,
    edges: uniqueEdges(row?.['rels']),
    missing: unique.filter((id) => !found.has(id)),
  };
}
