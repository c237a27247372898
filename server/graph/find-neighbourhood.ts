import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import type { Direction } from '../graphql/generated/resolvers.js';
import { checkListSize, checkRange } from './bounds.js';
import { hopPattern } from './cypher-names.js';
import { checkNames, liveSchema } from './live-schema.js';
import {
  degreeExpression,
  int,
  toNodeModel,
  uniqueById,
  uniqueEdges,
  type EdgeModel,
  type NodeModel,
} from './model.js';
import { edgeItem, nodeSourcesEntry, sourceCounting, type SourceCounting } from './source-count.js';
import {
  andAlso,
  hopVisible,
  SHOW_EVERYTHING,
  visibilityOf,
  where,
  type Visibility,
} from './visibility.js';

export interface NeighbourhoodRequest {
  readonly ids: readonly string[];
  readonly depth: number;
  readonly types?: readonly string[] | null;
  readonly direction: Direction;
  readonly labels?: readonly string[] | null;
  /** Relationships per expanded node. */
  readonly limit: number;
  /** Beyond the first hop, stop expanding once about this many nodes are reached. */
  readonly maxNodes: number;
  /** Compute each node's degree (only when the query asks for it). */
  readonly withDegree: boolean;
  /** Count each element's sources (only when the query asks for sourceCount). */
  readonly withSources?: boolean;
  /** Show retracted facts too (hidden by default). */
  readonly includeRetracted?: boolean | null;
}

export interface Expansion {
  id: string;
  shown: number;
  total: number;
}

export interface Neighbourhood {
  nodes: NodeModel[];
  edges: EdgeModel[];
  expansions: Expansion[];
  truncated: boolean;
  missing: string[];
}

interface Shape {
  types: string[];
  labels: string[];
  direction: Direction;
  withDegree: boolean;
  /** Count sources too (null: not asked for). */
  sources?: SourceCounting;
  /** What to leave out (retracted facts, bookkeeping); everything shown when omitted. */
  vis?: Visibility;
}

/** One hop from `f`: at most $limit relationships, and the true total (read from the degree store when no label filter applies). */
function expandOne(shape: Shape): { expand: string; total: string } {
  const opts = { types: shape.types, direction: shape.direction, toLabels: shape.labels };
  const vis = shape.vis ?? SHOW_EVERYTHING;
  const counted = hopVisible(vis, 'tr', 'tm');
  return {
    expand: `MATCH ${hopPattern('f', 'r', 'm', opts)}${where(hopVisible(vis, 'r', 'm'))} WITH r, m LIMIT $limit`,
    total:
      counted === ''
        ? `COUNT { ${hopPattern('f', '', '', opts)} }`
        : `COUNT { ${hopPattern('f', 'tr', 'tm', opts)} WHERE ${counted} }`,
  };
}

/** Depth 1, the common case (double-click to expand): one row per starting node. */
export function oneHopStatement(shape: Shape): string {
  const { expand, total } = expandOne(shape);
  const vis = shape.vis ?? SHOW_EVERYTHING;
  const sources = shape.sources ?? null;
  return `UNWIND $ids AS id
MATCH (f) WHERE elementId(f) = id${andAlso(vis.node('f'))}
WITH DISTINCT f
CALL (f) {
  ${expand}
  RETURN collect(${edgeItem('r', sources)}) AS rels, collect({node: m, degree: ${degreeExpression('m', shape.withDegree, vis)}${nodeSourcesEntry('m', sources)}}) AS reached
}
RETURN {node: f, degree: ${degreeExpression('f', shape.withDegree, vis)}${nodeSourcesEntry('f', sources)}} AS start, rels, reached, ${total} AS total`;
}

/**
 * Depth 2–3 in one statement: the levels are unrolled. Each level expands every node of its
 * frontier (at most $limit relationships each); the next frontier is the nodes reached for the
 * first time, cut so that the result stays near $maxNodes.
 */
export function multiHopStatement(shape: Shape, depth: number): string {
  const { expand, total } = expandOne(shape);
  const vis = shape.vis ?? SHOW_EVERYTHING;
  const sources = shape.sources ?? null;
  const level = `CALL (frontier) {
  UNWIND frontier AS f
  CALL (f) {
    ${expand}
    RETURN collect(${edgeItem('r', sources)}) AS rs, collect(m) AS ms
  }
  RETURN collect({id: elementId(f), shown: size(rs), total: ${total}}) AS levelExpansions,
    collect(rs) AS levelRels, collect(ms) AS levelNodes
}`;
  const next = `CALL (levelNodes, visited) {
  UNWIND levelNodes AS ms
  UNWIND ms AS m
  WITH DISTINCT m
  WHERE NOT m IN visited
  RETURN collect(m) AS reached
}
WITH visited + reached AS visited, expansions + levelExpansions AS expansions, rels + levelRels AS rels,
  reached, truncated,
  CASE WHEN size(visited) + size(reached) >= $maxNodes THEN 0
    ELSE ($maxNodes - size(visited) - size(reached) + $limit - 1) / $limit END AS room
WITH visited, expansions, rels, reached[0..room] AS frontier, truncated OR size(reached) > room AS truncated`;
  const levels: string[] = [];
  for (let i = 1; i < depth; i++) levels.push(level, next);
  levels.push(level);
  return `UNWIND $ids AS id
MATCH (s) WHERE elementId(s) = id${andAlso(vis.node('s'))}
WITH collect(DISTINCT s) AS seeds
WITH seeds AS frontier, seeds AS visited, [] AS expansions, [] AS rels, false AS truncated
${levels.join('\n')}
CALL (visited, levelNodes) {
  UNWIND [visited] + levelNodes AS group
  UNWIND group AS n
  WITH DISTINCT n
  RETURN collect({node: n, degree: ${degreeExpression('n', shape.withDegree, vis)}${nodeSourcesEntry('n', sources)}}) AS nodes
}
RETURN nodes, expansions + levelExpansions AS expansions, rels + levelRels AS rels, truncated`;
}

const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * The neighbourhood of some nodes as a deduplicated subgraph, in one statement, with per-node
 * "showing n of total" counts. Labels and types are checked against the live schema first.
 */
export async function findNeighbourhood(
  db: Database,
  request: NeighbourhoodRequest,
): Promise<Neighbourhood> {
  const ids = [...new Set(checkListSize('ids', request.ids, 1, 500))];
  const depth = checkRange('depth', request.depth, 1, 3);
  const limit = checkRange('limit', request.limit, 1, 1000);
  const maxNodes = checkRange('maxNodes', request.maxNodes, 1, 10_000);
  const labels = await checkNames(db, 'label', request.labels);
  const schema = await liveSchema(db);
  const shape: Shape = {
    types: await checkNames(db, 'relationship type', request.types),
    labels,
    direction: request.direction,
    withDegree: request.withDegree,
    sources: sourceCounting(request.withSources === true, schema),
    vis: visibilityOf(schema, {
      includeRetracted: request.includeRetracted,
      requestedLabels: labels,
    }),
  };
  const params = { ids, limit: int(limit), maxNodes: int(maxNodes) };

  if (depth === 1) {
    const rows = await db.read(oneHopStatement(shape), params);
    const nodes: NodeModel[] = [];
    const edges: EdgeModel[] = [];
    const expansions: Expansion[] = [];
    for (const row of rows) {
      const start = toNodeModel(row['start']);
      const rels = uniqueEdges(row['rels']);
      nodes.push(start);
      edges.push(...rels);
      expansions.push({ id: start.id, shown: rels.length, total: num(row['total']) });
      for (const reached of (row['reached'] as JsonValue[]) ?? []) nodes.push(toNodeModel(reached));
    }
    const found = new Set(expansions.map((e) => e.id));
    return {
      nodes: uniqueById(nodes),
      edges: uniqueById(edges),
      expansions,
      truncated: false,
      missing: ids.filter((id) => !found.has(id)),
    };
  }

  const [row] = await db.read(multiHopStatement(shape, depth), params);
  const expansions = uniqueById(
    ((row?.['expansions'] as JsonValue[]) ?? []).map((e) => {
      const x = e as Record<string, JsonValue>;
      return { id: String(x['id']), shown: num(x['shown']), total: num(x['total']) };
    }),
  );
  const expanded = new Set(expansions.map((e) => e.id));
  return {
    nodes: ((row?.['nodes'] as JsonValue[]) ?? []).map(toNodeModel),
    edges: uniqueEdges(row?.['rels']),
    expansions,
    truncated: row?.['truncated'] === true,
    missing: ids.filter((id) => !expanded.has(id)),
  };
}
