import type { Command } from '../command.js';
import type { EditStep } from '../edits.js';
import type { View, ViewEdge } from '../view.js';

/**
 * A retraction seen in the picture: the element leaves it (a node with its relationships), and the
 * step is recorded so undo restores it on the server and brings it back here.
 */
export const retractElements: Command<{ step: EditStep; ids: readonly string[] }> = {
  name: 'retract',
  record: true,
  perform: (view, { step, ids }): View => {
    const gone = new Set(ids);
    const nodes = Object.fromEntries(Object.entries(view.nodes).filter(([id]) => !gone.has(id)));
    const edges: Record<string, ViewEdge> = {};
    for (const [id, e] of Object.entries(view.edges)) {
      if (!gone.has(id) && nodes[e.source] && nodes[e.target]) edges[id] = e;
    }
    return {
      ...view,
      nodes,
      edges,
      selected: view.selected.filter((id) => nodes[id] || edges[id]),
      edits: [...(view.edits ?? []), step],
    };
  },
};
