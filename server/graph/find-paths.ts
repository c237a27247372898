import type { JsonPath, JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { Direction } from '../graphql/generated/resolvers.js';
import { checkRange } from './bounds.js';
import { nameAlternatives } from './cypher-names.js';
import { checkNames, liveSchema } from './live-schema.js';
import {
  degreeExpression,
  int,
  toNodeModel,
  uniqueById,
  type EdgeModel,
  type NodeModel,
} from './model.js';
import { allOf, andAlso, SHOW_EVERYTHING, visibilityOf, type Visibility } from './visibility.js';

export interface PathsRequest {
  readonly from: string;
  readonly to: string;
  readonly maxLength: number;
  readonly types?: readonly string[] | null;
  readonly direction: Direction;
  readonly first: number;
  readonly withDegree: boolean;
  /** Let paths run through retracted facts (hidden by default). */
  readonly includeRetracted?: boolean | null;
}

export interface PathsResult {
  nodes: NodeModel[];
  edges: EdgeModel[];
  paths: { nodeIds: string[]; edgeIds: string[] }[];
  length: number | null;
}

/**
 * All shortest paths in one statement. The length bound is spliced in as a literal because Cypher
 * does not accept a parameter there; it is a checked integer. Hidden elements (retracted facts)
 * are excluded while the paths are searched, so a shortest path avoids them rather than being
 * dropped after.
 */
export function pathsStatement(
  types: readonly string[],
  direction: Direction,
  maxLength: number,
  withDegree: boolean,
  vis: Visibility = SHOW_EVERYTHING,
): string {
  const rel = `[${nameAlternatives(types)}*1..${Math.trunc(maxLength)}]`;
  const pattern =
    direction === 'OUTGOING'
      ? `(a)-${rel}->(b)`
      : direction === 'INCOMING'
        ? `(a)<-${rel}-(b)`
        : `(a)-${rel}-(b)`;
  const along = allOf(
    vis.rel('pr') === '' ? '' : `all(pr IN relationships(p) WHERE ${vis.rel('pr')})`,
    vis.end('pn') === '' ? '' : `all(pn IN nodes(p) WHERE ${vis.end('pn')})`,
  );
  return `OPTIONAL MATCH (a) WHERE elementId(a) = $from${andAlso(vis.node('a'))}
OPTIONAL MATCH (b) WHERE elementId(b) = $to${andAlso(vis.node('b'))}
CALL (a, b) {
  MATCH p = allShortestPaths(${pattern})
  WHERE a IS NOT NULL AND b IS NOT NULL${andAlso(along)}
  WITH p LIMIT $first
  RETURN collect(p) AS paths
}
CALL (paths) {
  UNWIND paths AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN collect({node: n, degree: ${degreeExpression('n', withDegree, vis)}}) AS nodes
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths, nodes`;
}

/** Every shortest path between two nodes (up to `first`), as one subgraph and a list of id sequences. */
export async function findPaths(db: Database, request: PathsRequest): Promise<PathsResult> {
  const maxLength = checkRange('maxLength', request.maxLength, 1, 15);
  const first = checkRange('first', request.first, 1, 1000);
  if (request.from === request.to) {
    throw userError(
      'BAD_USER_INPUT',
      '`from` and `to` are the same node; a shortest path needs two different nodes.',
    );
  }
  const types = await checkNames(db, 'relationship type', request.types);
  const vis = visibilityOf(await liveSchema(db), { includeRetracted: request.includeRetracted });
  const [row] = await db.read(
    pathsStatement(types, request.direction, maxLength, request.withDegree, vis),
    { from: request.from, to: request.to, first: int(first) },
  );
  const missing = [
    row?.['fromFound'] === true ? null : `from (${request.from})`,
    row?.['toFound'] === true ? null : `to (${request.to})`,
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) {
    throw userError(
      'NOT_FOUND',
      `No node has the id given as ${missing.join(' and ')}. It may have been deleted or retracted; search for the node again to get its current id, or pass includeRetracted: true to find paths through retracted facts.`,
    );
  }
  const paths = ((row?.['paths'] as JsonValue[]) ?? []) as unknown as JsonPath[];
  return {
    nodes: ((row?.['nodes'] as JsonValue[]) ?? []).map(toNodeModel),
    edges: uniqueById(paths.flatMap((p) => p.relationships)),
    paths: paths.map((p) => ({
      nodeIds: p.nodes.map((n) => n.id),
      edgeIds: p.relationships.map((r) => r.id),
    })),
    length: paths[0]?.relationships.length ?? null,
  };
}
