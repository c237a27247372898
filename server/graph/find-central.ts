import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { checkRange } from './bounds.js';
import { liveSchema } from './live-schema.js';
import { degreeExpression, int, toNodeModel, uniqueEdges, type SubgraphModel } from './model.js';
import { edgeItem, nodeSourcesEntry, sourceCounting, type SourceCounting } from './source-count.js';
import { andAlso, visibilityOf, type Visibility } from './visibility.js';

/**
 * Supporting records (a source's accounts, the documents themselves, disagreement records) are one
 * click away from the entities they concern: the first picture is of the entities, and these only
 * fill it when there are not enough entities. The one copy of this rule (the client asks for the
 * picture, it does not rank).
 */
export const SUPPORTING_LABELS: readonly string[] = ['Claim', 'Article', 'Disagreement'];

/**
 * How many nodes the ranking reads at most: on a graph of millions the first picture ranks a
 * bounded sample (in store order) rather than scanning everything before anything is drawn.
 */
export const CENTRAL_SCAN = 100_000;

/**
 * The `first` most connected nodes (entities before supporting records) and the relationships
 * among them; with `sources`, each element's source count too (only the `first` are counted).
 */
export function centralStatement(vis: Visibility, sources: SourceCounting = null): string {
  return `CALL () {
  MATCH (n)${vis.node('n') ? ` WHERE ${vis.node('n')}` : ''}
  WITH n LIMIT $scan
  WITH n, ${degreeExpression('n', true, vis)} AS degree
  ORDER BY CASE WHEN any(l IN labels(n) WHERE l IN $supporting) THEN 1 ELSE 0 END, degree DESC, elementId(n)
  LIMIT $first
  RETURN collect({node: n, degree: degree${nodeSourcesEntry('n', sources)}}) AS nodes, collect(n) AS ns
}
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r]->(b) WHERE b IN ns${andAlso(vis.rel('r'))}
  RETURN collect(${edgeItem('r', sources)}) AS rels
}
RETURN nodes, rels`;
}

/** The first picture of any graph, in one statement: its most connected nodes and their relationships. */
export async function findCentral(
  db: Database,
  first: number,
  includeRetracted: boolean | null = false,
  withSources = false,
): Promise<SubgraphModel> {
  checkRange('first', first, 1, 500);
  const schema = await liveSchema(db);
  const vis = visibilityOf(schema, { includeRetracted });
  const [row] = await db.read(centralStatement(vis, sourceCounting(withSources, schema)), {
    first: int(first),
    scan: int(CENTRAL_SCAN),
    supporting: SUPPORTING_LABELS,
  });
  return {
    nodes: ((row?.['nodes'] as JsonValue[]) ?? []).map(toNodeModel),
    edges: uniqueEdges(row?.['rels']),
  };
}
