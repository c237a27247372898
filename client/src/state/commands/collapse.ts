import type { Command } from '../command.js';
import { drawn, type View, type ViewEdge } from '../view.js';

/**
 * Collapses a node: removes from the picture the drawn neighbours that hang only off it,
 * keeping every neighbour that is also connected elsewhere.
 */
export const collapse: Command<string> = {
  name: 'collapse',
  record: true,
  perform: (view, id) => {
    const shown = drawn(view);
    const neighbours = new Map<string, Set<string>>();
    for (const eid of shown.edges) {
      const e = view.edges[eid] as ViewEdge;
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        if (!neighbours.has(a)) neighbours.set(a, new Set());
        neighbours.get(a)?.add(b);
      }
    }
    const leaves = [...(neighbours.get(id) ?? [])].filter((n) => {
      const others = neighbours.get(n) ?? new Set();
      return n !== id && [...others].every((o) => o === id);
    });
    return leaves.length ? removeNodes(view, leaves) : view;
  },
};

/** The View without these nodes and their relationships (used by collapse). */
export function removeNodes(view: View, ids: readonly string[]): View {
  const gone = new Set(ids);
  const nodes = Object.fromEntries(Object.entries(view.nodes).filter(([id]) => !gone.has(id)));
  const edges = Object.fromEntries(
    Object.entries(view.edges).filter(([, e]) => !gone.has(e.source) && !gone.has(e.target)),
  );
  const kept = (id: string): boolean => !!nodes[id] || !!edges[id];
  return {
    ...view,
    nodes,
    edges,
    hidden: view.hidden.filter(kept),
    selected: view.selected.filter(kept),
  };
}
