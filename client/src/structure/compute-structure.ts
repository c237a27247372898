import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';

// These packages are CommonJS typed with `export default`: under NodeNext TypeScript sees the
// namespace, while Vite and Node hand over module.exports, the function itself.
const cjs = <T>(m: { default: T }): T => (m as { default?: T }).default ?? (m as unknown as T);
const louvain = cjs(louvainModule);
const betweennessCentrality = cjs(betweennessModule);
const pagerank = cjs(pagerankModule);

type Graph = UndirectedGraph;

/** What is drawn, as the worker receives it: node ids and relationships as [source, target]. */
export interface StructureInput {
  readonly nodes: readonly string[];
  readonly edges: readonly (readonly [string, string])[];
}

/** The cheap measures: ready long before betweenness on a large picture. */
export interface QuickMeasures {
  /** Drawn relationships at each node (parallel relationships each count, as on screen). */
  readonly degree: Record<string, number>;
  /** PageRank over the undirected picture; sums to 1 over the nodes. */
  readonly pagerank: Record<string, number>;
  /** Louvain community, numbered 0, 1, … from the largest community down. */
  readonly community: Record<string, number>;
  readonly communityCount: number;
}

export interface StructureMeasures extends QuickMeasures {
  /** Normalised betweenness (0 to 1), on shortest paths counted in hops. */
  readonly betweenness: Record<string, number>;
}

/**
 * The picture as an undirected simple graph: the direction of a relationship in a knowledge
 * graph is a naming choice (EMPLOYS or EMPLOYED_BY), not a flow, so centrality ignores it;
 * parallel relationships merge into one tie whose `weight` counts them (a pair tied three ways
 * is closer than a pair tied once, for PageRank and Louvain). Self-loops say nothing about
 * structure and are left out.
 */
export function buildGraph(input: StructureInput): Graph {
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const id of input.nodes) graph.mergeNode(id);
  for (const [s, t] of input.edges) {
    if (s === t || !graph.hasNode(s) || !graph.hasNode(t)) continue;
    graph.updateEdge(s, t, (attr: { weight?: number }) => ({ weight: (attr.weight ?? 0) + 1 }));
  }
  return graph;
}

/** Degree, PageRank and Louvain communities (seeded, so the same picture gets the same colours). */
export function quickMeasures(input: StructureInput, graph = buildGraph(input)): QuickMeasures {
  const degree: Record<string, number> = Object.fromEntries(input.nodes.map((id) => [id, 0]));
  for (const [s, t] of input.edges) {
    if (!(s in degree) || !(t in degree)) continue;
    degree[s] = (degree[s] ?? 0) + 1;
    degree[t] = (degree[t] ?? 0) + 1;
  }
  const rank =
    graph.order === 0
      ? {}
      : graph.size === 0
        ? Object.fromEntries(graph.nodes().map((id) => [id, 1 / graph.order]))
        : pagerank(graph, { getEdgeWeight: 'weight' });
  const raw = graph.size === 0 ? {} : louvain(graph, { getEdgeWeight: 'weight', rng: seeded(1) });
  const { community, count } = bySize(graph.nodes(), raw);
  return { degree, pagerank: rank, community, communityCount: count };
}

/** Betweenness in hops (unweighted Brandes): the slow measure, O(nodes × ties). */
export function betweenness(graph: Graph): Record<string, number> {
  if (graph.order === 0) return {};
  return betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
}

/** Everything at once (the tests, and the worker's fallback when a page cannot start one). */
export function computeStructure(input: StructureInput): StructureMeasures {
  const graph = buildGraph(input);
  return { ...quickMeasures(input, graph), betweenness: betweenness(graph) };
}

/**
 * Renumbers communities from the largest down (ties by first member), so community 0 is the
 * biggest and the palette's first colours go to the groups that matter most. Isolated nodes,
 * which Louvain leaves alone, each form their own community.
 */
function bySize(
  nodes: readonly string[],
  raw: Record<string, number>,
): { community: Record<string, number>; count: number } {
  const members = new Map<string, string[]>();
  for (const id of nodes) {
    const key = id in raw ? `c${raw[id]}` : `n${id}`;
    const list = members.get(key);
    if (list) list.push(id);
    else members.set(key, [id]);
  }
  const ordered = [...members.values()].sort((a, b) => b.length - a.length);
  const community: Record<string, number> = {};
  ordered.forEach((list, i) => {
    for (const id of list) community[id] = i;
  });
  return { community, count: ordered.length };
}

/** A small seeded generator (mulberry32) for Louvain's random node order. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
