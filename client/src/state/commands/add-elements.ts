import type { Command } from '../command.js';
import type { View, ViewEdge, ViewNode } from '../view.js';

/** Nodes with their first positions, and relationships, to bring into the picture. */
export interface Arrivals {
  readonly nodes: Readonly<Record<string, ViewNode>>;
  readonly edges: Readonly<Record<string, ViewEdge>>;
}

/**
 * Adds nodes and relationships (expand, load more, paths, search, console results, a reopened
 * link). Nodes already in the picture keep their place; relationships need both ends in it.
 * What the user hid stays hidden: `hidden` is not touched, so an element it names that arrives
 * again is in the picture's data but not drawn.
 */
export const addElements: Command<Arrivals> = {
  name: 'add elements',
  record: true,
  perform: (view, { nodes, edges }): View => {
    const nextNodes = { ...nodes, ...view.nodes };
    const nextEdges: Record<string, ViewEdge> = { ...view.edges };
    for (const [id, e] of Object.entries(edges)) {
      if (!nextEdges[id] && nextNodes[e.source] && nextNodes[e.target]) nextEdges[id] = e;
    }
    return { ...view, nodes: nextNodes, edges: nextEdges };
  },
};
