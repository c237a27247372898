import {
  CentralSubgraphDocument,
  NeighbourhoodDocument,
  NodeDetailsDocument,
  NodesByLabelDocument,
  NodesByKeyDocument,
  SchemaOverviewDocument,
  SearchDocument,
  ShortestPathsDocument,
  SubgraphOfDocument,
  type Direction,
  type NodeDetailsQuery,
  type SchemaOverviewQuery,
  type SearchQuery,
  type ShortestPathsQuery,
} from '../generated/graphql.js';
import type { GraphEdge, GraphNode, Subgraph } from '../graph/model.js';
import { request } from './graphql-client.js';

/** The schema overview: labels and types with counts, and the meta-graph. */
export type SchemaOverview = SchemaOverviewQuery['schema'];
export type SearchHit = SearchQuery['search']['hits'][number];
export type NodeDetails = NonNullable<NodeDetailsQuery['node']>;

interface ApiNode {
  id: string;
  labels: string[];
  caption: string;
  properties: unknown;
  degree: number;
  stableKey: string;
  sourceCount: number;
}
interface ApiEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: unknown;
  sourceCount: number;
}

/** API payloads → the client's model (properties arrive as the JSON scalar). */
export function fromApi(nodes: readonly ApiNode[], edges: readonly ApiEdge[]): Subgraph {
  return { nodes: nodes.map(toNode), edges: edges.map(toEdge) };
}

function toNode(n: ApiNode): GraphNode {
  return {
    id: n.id,
    labels: n.labels,
    caption: n.caption,
    degree: n.degree,
    stableKey: n.stableKey,
    properties: props(n.properties),
    sourceCount: n.sourceCount,
  };
}

function toEdge(e: ApiEdge): GraphEdge {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    properties: props(e.properties),
    sourceCount: e.sourceCount,
  };
}

function props(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}

export async function fetchSchema(signal?: AbortSignal): Promise<SchemaOverview> {
  return (await request(SchemaOverviewDocument, {}, { signal })).schema;
}

/**
 * The first screen: the most connected nodes and the relationships among them, ranked by the
 * server in one statement (centralSubgraph). On the story graph that is its central entities.
 */
export async function fetchCentralSubgraph(count: number): Promise<Subgraph> {
  const { centralSubgraph } = await request(CentralSubgraphDocument, { first: count });
  return fromApi(centralSubgraph.nodes, centralSubgraph.edges);
}

export async function search(text: string, signal?: AbortSignal, first = 12): Promise<SearchHit[]> {
  return (await request(SearchDocument, { text, first }, { signal })).search.hits;
}

export async function fetchNodeDetails(id: string): Promise<NodeDetails | null> {
  return (await request(NodeDetailsDocument, { id })).node ?? null;
}

/** How many relationships an expansion showed, of how many the node has (of the kind asked). */
export interface ExpansionCount {
  readonly id: string;
  readonly shown: number;
  readonly total: number;
}

export interface ExpandOptions {
  readonly types?: readonly string[];
  readonly direction?: Direction;
  readonly limit?: number;
}

export async function fetchNeighbourhood(
  ids: readonly string[],
  options: ExpandOptions = {},
): Promise<{ subgraph: Subgraph; expansions: ExpansionCount[] }> {
  const { neighbourhood } = await request(NeighbourhoodDocument, {
    ids: [...ids],
    types: options.types ? [...options.types] : null,
    direction: options.direction ?? 'BOTH',
    limit: options.limit ?? 100,
  });
  return {
    subgraph: fromApi(neighbourhood.nodes, neighbourhood.edges),
    expansions: neighbourhood.expansions,
  };
}

/** One path and, on a graph whose facts cite sources, how well it is supported. */
export type FoundPath = ShortestPathsQuery['paths']['paths'][number];

export interface PathsResult {
  readonly subgraph: Subgraph;
  /** Best supported first when `supportAvailable`. */
  readonly paths: readonly FoundPath[];
  readonly length: number | null;
  readonly supportAvailable: boolean;
  /** How the paths are sorted, or why they are not ranked by evidence. */
  readonly supportNote: string;
}

/** What the path finder asks for besides the two ends (the API's defaults when left out). */
export interface PathOptions {
  readonly maxLength?: number;
  readonly minSources?: number;
  readonly excludeDisputed?: boolean;
  readonly longerBy?: number;
}

export async function fetchShortestPaths(
  from: string,
  to: string,
  options: PathOptions = {},
): Promise<PathsResult> {
  const { paths } = await request(ShortestPathsDocument, {
    from,
    to,
    maxLength: options.maxLength ?? 8,
    minSources: options.minSources ?? 0,
    excludeDisputed: options.excludeDisputed ?? false,
    longerBy: options.longerBy ?? 0,
  });
  return {
    subgraph: fromApi(paths.nodes, paths.edges),
    paths: paths.paths,
    length: paths.length ?? null,
    supportAvailable: paths.supportAvailable,
    supportNote: paths.supportNote,
  };
}

export async function fetchSubgraph(
  ids: readonly string[],
): Promise<{ subgraph: Subgraph; missing: string[] }> {
  const { subgraph } = await request(SubgraphOfDocument, { ids: [...ids] });
  return { subgraph: fromApi(subgraph.nodes, subgraph.edges), missing: subgraph.missing };
}

/** Up to `first` nodes of one label and the relationships among them and what is on screen. */
export async function fetchNodesByLabel(
  label: string,
  first: number,
): Promise<{ ids: string[]; total: number }> {
  const { nodes } = await request(NodesByLabelDocument, { label, first });
  return { ids: nodes.nodes.map((n) => n.id), total: nodes.totalCount };
}

/**
 * Resolves stable keys (a saved view's or a link's names for nodes) to the nodes they name now,
 * and the keys that name nothing any more.
 */
export async function fetchNodesByKey(
  keys: readonly string[],
): Promise<{ found: Map<string, GraphNode>; missing: string[] }> {
  const { nodesByKey } = await request(NodesByKeyDocument, { keys: [...keys] });
  const found = new Map(nodesByKey.found.map((f) => [f.key, toNode(f.node)] as const));
  return { found, missing: nodesByKey.missing };
}
