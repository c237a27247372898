/**
 * The client's view of graph data, independent of which API call produced it: the generic graph
 * API, the story API and the Cypher console all map their answers to these shapes.
 */

/** A node as the server's convert.ts returns it (element id, labels, JSON properties). */
export interface GraphNode {
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>>;
  /** The server's caption (its configurable CAPTION_KEYS rule). */
  readonly caption?: string | null;
  /** Degree in the whole graph, not only on screen; drives node size. */
  readonly degree?: number | null;
  /** A name that survives a reload of the graph (the API's `stableKey`); links use it. */
  readonly stableKey?: string;
  /** Independent sources, counted by the server's one rule (the API's `sourceCount`). */
  readonly sourceCount?: number;
}

/** A relationship: `source` and `target` are node element ids. */
export interface GraphEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Independent sources, counted by the server's one rule (the API's `sourceCount`). */
  readonly sourceCount?: number;
}

/** A set of nodes and the relationships among them. */
export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** One cited sentence: the article that says it and the verbatim quote. */
export interface Citation {
  readonly articleId: string;
  readonly quote: string;
}

/**
 * Pairs `sources` with `quotes` (the story's provenance model keeps them aligned index by index).
 * A source without a quote still counts: it is shown as "cited, no quote".
 */
export function citationsOf(properties: Readonly<Record<string, unknown>>): Citation[] {
  const sources = asStrings(properties['sources']);
  const quotes = asStrings(properties['quotes']);
  return sources.map((articleId, i) => ({ articleId, quote: quotes[i] ?? '' }));
}

/** True when the element carries provenance (a `sources` list). */
export function hasSources(properties: Readonly<Record<string, unknown>>): boolean {
  return asStrings(properties['sources']).length > 0;
}

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string') return [value];
  return [];
}

/**
 * The text a node shows: the server's caption (its CAPTION_KEYS rule, the same for the explorer,
 * search and console results), else its first label.
 */
export function captionOf(node: GraphNode): string {
  return node.caption || (node.labels[0] ?? node.id);
}

/** Merges subgraphs, keeping the first copy of each node and edge. */
export function mergeSubgraphs(...parts: readonly Subgraph[]): Subgraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of parts) {
    for (const n of p.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of p.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
