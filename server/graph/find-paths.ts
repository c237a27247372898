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
import {
  rankPaths,
  supportNote,
  supportOf,
  type LinkEvidence,
  type PathSupport,
} from './path-support.js';
import {
  nodeSourcesEntry,
  originsExpression,
  sourceCounting,
  type SourceCounting,
} from './source-count.js';
import { allOf, andAlso, SHOW_EVERYTHING, visibilityOf, type Visibility } from './visibility.js';

export interface PathsRequest {
  readonly from: string;
  readonly to: string;
  readonly maxLength: number;
  readonly types?: readonly string[] | null;
  readonly direction: Direction;
  readonly first: number;
  readonly withDegree: boolean;
  /** Count each node's sources (only when the query asks for sourceCount; links have theirs from the evidence). */
  readonly withSources?: boolean;
  /** Let paths run through retracted facts (hidden by default). */
  readonly includeRetracted?: boolean | null;
  /** Follow only relationships with at least this many independent sources (0: all). */
  readonly minSources?: number | null;
  /** Follow no disputed relationship. */
  readonly excludeDisputed?: boolean | null;
  /** Also list paths up to this many relationships longer than the shortest. */
  readonly longerBy?: number | null;
}

export interface PathsResult {
  nodes: NodeModel[];
  edges: EdgeModel[];
  paths: { nodeIds: string[]; edgeIds: string[]; support: PathSupport | null }[];
  length: number | null;
  supportAvailable: boolean;
  supportNote: string;
}

/**
 * How the statement reads evidence: null on a graph whose facts cite nothing (no `sources`
 * property key), where paths stay plain shortest paths.
 */
export interface SupportOptions {
  /** The `Article` label exists, so cited ids can be resolved to their publisher. */
  readonly documents: boolean;
  readonly minSources: number;
  readonly excludeDisputed: boolean;
}

/** True for a relationship the story's model marks as disputed. */
export function disputedExpression(v: string): string {
  return `(coalesce(${v}.disputed, false) = true OR ${v}.disagreement IS NOT NULL)`;
}

/** The relationship predicate the support options add to the search, or ''. */
function supportFilter(v: string, support: SupportOptions | null): string {
  if (!support) return '';
  return allOf(
    support.minSources > 0 ? `size(${originsExpression(v, support.documents)}) >= $minSources` : '',
    support.excludeDisputed ? `NOT ${disputedExpression(v)}` : '',
  );
}

/**
 * All shortest paths in one statement (with `longerBy` > 0, every path of the `longerBy + 1`
 * shortest lengths), with each relationship's evidence when `support` is given. The length bound
 * is spliced in as a literal because Cypher does not accept a parameter there; it is a checked
 * integer. Hidden elements (retracted facts) and relationships the support options leave out are
 * excluded while the paths are searched, so a shortest path avoids them rather than being dropped
 * after.
 */
export function pathsStatement(
  types: readonly string[],
  direction: Direction,
  maxLength: number,
  withDegree: boolean,
  vis: Visibility = SHOW_EVERYTHING,
  support: SupportOptions | null = null,
  longerBy = 0,
  sources: SourceCounting = null,
): string {
  const search =
    longerBy > 0
      ? groupsSearch(types, direction, maxLength, vis, support, longerBy)
      : shortestSearch(types, direction, maxLength, vis, support);
  const evidence = support
    ? `
CALL (paths) {
  UNWIND paths AS p
  UNWIND relationships(p) AS r
  WITH DISTINCT r
  RETURN collect({id: elementId(r), type: type(r), origins: ${originsExpression('r', support.documents)}, documents: size(COLLECT { UNWIND coalesce(r.sources, []) AS sid RETURN DISTINCT sid }), disputed: ${disputedExpression('r')}, inferred: coalesce(r.inferred, false) = true}) AS evidence
}`
    : '';
  return `OPTIONAL MATCH (a) WHERE elementId(a) = $from${andAlso(vis.node('a'))}
OPTIONAL MATCH (b) WHERE elementId(b) = $to${andAlso(vis.node('b'))}
${search}
CALL (paths) {
  UNWIND paths AS p
  UNWIND nodes(p) AS n
  WITH DISTINCT n
  RETURN collect({node: n, degree: ${degreeExpression('n', withDegree, vis)}${nodeSourcesEntry('n', sources)}}) AS nodes
}${evidence}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, paths, nodes${support ? ', evidence' : ''}`;
}

function shortestSearch(
  types: readonly string[],
  direction: Direction,
  maxLength: number,
  vis: Visibility,
  support: SupportOptions | null,
): string {
  const rel = `[${nameAlternatives(types)}*1..${Math.trunc(maxLength)}]`;
  const pattern =
    direction === 'OUTGOING'
      ? `(a)-${rel}->(b)`
      : direction === 'INCOMING'
        ? `(a)<-${rel}-(b)`
        : `(a)-${rel}-(b)`;
  const relPredicate = allOf(vis.rel('pr'), supportFilter('pr', support));
  const along = allOf(
    relPredicate === '' ? '' : `all(pr IN relationships(p) WHERE ${relPredicate})`,
    vis.end('pn') === '' ? '' : `all(pn IN nodes(p) WHERE ${vis.end('pn')})`,
  );
  return `CALL (a, b) {
  MATCH p = allShortestPaths(${pattern})
  WHERE a IS NOT NULL AND b IS NOT NULL${andAlso(along)}
  WITH p LIMIT $first
  RETURN collect(p) AS paths
}`;
}

/**
 * `SHORTEST k GROUPS` over a quantified path pattern: its inline predicates apply during the
 * search (a WHERE after the pattern would only filter the paths already selected). A path that
 * visits a node twice is dropped.
 */
function groupsSearch(
  types: readonly string[],
  direction: Direction,
  maxLength: number,
  vis: Visibility,
  support: SupportOptions | null,
  longerBy: number,
): string {
  const relWhere = allOf(vis.rel('pr'), supportFilter('pr', support));
  const nodeWhere = vis.end('pn');
  const r = `[pr${nameAlternatives(types)}${relWhere === '' ? '' : ` WHERE ${relWhere}`}]`;
  const x = `(pn${nodeWhere === '' ? '' : ` WHERE ${nodeWhere}`})`;
  const hop =
    direction === 'OUTGOING'
      ? `()-${r}->${x}`
      : direction === 'INCOMING'
        ? `()<-${r}-${x}`
        : `()-${r}-${x}`;
  return `CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = SHORTEST ${Math.trunc(longerBy) + 1} GROUPS (a)(${hop}){1,${Math.trunc(maxLength)}}(b)
  WITH p WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..])
  WITH p LIMIT $first
  RETURN collect(p) AS paths
}`;
}

/**
 * Every shortest path between two nodes (up to `first`), as one subgraph and a list of id
 * sequences, best supported first when the graph's facts cite sources.
 */
export async function findPaths(db: Database, request: PathsRequest): Promise<PathsResult> {
  const maxLength = checkRange('maxLength', request.maxLength, 1, 15);
  const first = checkRange('first', request.first, 1, 1000);
  const minSources = checkRange('minSources', request.minSources ?? 0, 0, 100);
  const longerBy = checkRange('longerBy', request.longerBy ?? 0, 0, 2);
  const excludeDisputed = request.excludeDisputed === true;
  if (request.from === request.to) {
    throw userError(
      'BAD_USER_INPUT',
      '`from` and `to` are the same node; a shortest path needs two different nodes.',
    );
  }
  const types = await checkNames(db, 'relationship type', request.types);
  const schema = await liveSchema(db);
  const vis = visibilityOf(schema, { includeRetracted: request.includeRetracted });
  // A graph whose facts cite nothing has no `sources` key at all: there is no support to rank by.
  const support: SupportOptions | null = schema.propertyKeys.has('sources')
    ? { documents: schema.labels.has('Article'), minSources, excludeDisputed }
    : null;
  const [row] = await db.read(
    pathsStatement(
      types,
      request.direction,
      maxLength,
      request.withDegree,
      vis,
      support,
      longerBy,
      sourceCounting(request.withSources === true, schema),
    ),
    { from: request.from, to: request.to, first: int(first), minSources: int(minSources) },
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
  const found = ((row?.['paths'] as JsonValue[]) ?? []) as unknown as JsonPath[];
  const evidence = new Map(
    ((row?.['evidence'] as JsonValue[] | undefined) ?? []).map((e) => {
      const link = toEvidence(e);
      return [link.edgeId, link] as const;
    }),
  );
  // The key can outlive the citations (Neo4j keeps a property key once used, e.g. after the story
  // was deleted), so paths none of whose relationships cites anything are plain shortest paths too.
  const ranked =
    support !== null && (found.length === 0 || [...evidence.values()].some((e) => e.documents > 0));
  const listed = found.map((p) => {
    const edgeIds = p.relationships.map((r) => r.id);
    return {
      nodeIds: p.nodes.map((n) => n.id),
      edgeIds,
      support: ranked ? supportOf(edgeIds, evidence) : null,
    };
  });
  const paths = ranked
    ? rankPaths(listed.map((p) => ({ ...p, support: p.support as PathSupport })))
    : listed;
  return {
    nodes: ((row?.['nodes'] as JsonValue[]) ?? []).map(toNodeModel),
    // A link's sourceCount is the size of its origins, which the evidence has already read (by the
    // same rule); without evidence (no `sources` key) the resolver counts 0 for an uncited link.
    edges: uniqueById(found.flatMap((p) => p.relationships)).map((r) => ({
      ...r,
      sourceCount: evidence.get(r.id)?.origins.length ?? null,
    })),
    paths,
    length: found.length ? Math.min(...found.map((p) => p.relationships.length)) : null,
    supportAvailable: ranked,
    supportNote: supportNote(ranked, { minSources, excludeDisputed }),
  };
}

function toEvidence(value: JsonValue): LinkEvidence {
  const e = (value ?? {}) as Record<string, JsonValue>;
  return {
    edgeId: String(e['id']),
    type: String(e['type']),
    origins: Array.isArray(e['origins']) ? e['origins'].map(String) : [],
    documents: typeof e['documents'] === 'number' ? e['documents'] : 0,
    disputed: e['disputed'] === true,
    inferred: e['inferred'] === true,
  };
}
