import type { GraphEdge, GraphNode, Subgraph } from '../graph/model.js';

/**
 * The data of every element the explorer has fetched (labels, properties, captions, stable keys),
 * by element id. The View names elements only; the Explorer, the panels and links look their data
 * up here. It only grows during a session: an undo may bring back any element seen before.
 */
export class GraphCache {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  /** Goes up with every `put`, so what is derived from the cached data knows to derive it again. */
  version = 0;

  /** Remembers a subgraph's elements (a newer copy replaces an older one). */
  put(subgraph: Subgraph): void {
    this.version++;
    for (const n of subgraph.nodes) this.nodes.set(n.id, n);
    for (const e of subgraph.edges) this.edges.set(e.id, e);
  }

  node(id: string): GraphNode | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): GraphEdge | undefined {
    return this.edges.get(id);
  }

  /** The node's stable key (see the API's `stableKey`), else its element id. */
  keyOf(id: string): string {
    return this.nodes.get(id)?.stableKey ?? id;
  }

  /** A short text for an element: a node's caption, a relationship's type and ends. */
  captionOf(id: string): string {
    const n = this.nodes.get(id);
    if (n) return n.caption ?? n.labels[0] ?? id;
    const e = this.edges.get(id);
    if (!e) return id;
    return `${this.captionOf(e.source)} –${e.type}→ ${this.captionOf(e.target)}`;
  }
}
