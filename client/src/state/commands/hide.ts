import { plainKey, type Command } from '../command.js';

/**
 * Hides nodes and relationships (Delete): they leave the drawing but stay listed under
 * "Hidden (n)", and nothing that brings them back to the picture shows them until un-hidden.
 */
export const hide: Command<readonly string[]> = {
  name: 'hide',
  record: true,
  perform: (view, ids) => {
    const known = ids.filter(
      (id) => (view.nodes[id] || view.edges[id]) && !view.hidden.includes(id),
    );
    if (known.length === 0) return view;
    const gone = new Set(known);
    return {
      ...view,
      hidden: [...view.hidden, ...known],
      selected: view.selected.filter((id) => !gone.has(id)),
    };
  },
  shortcut: {
    keys: 'Delete',
    description: 'Hide the selection',
    match: (e) => plainKey('Delete')(e) || plainKey('Backspace')(e),
    arg: (view) => view.selected,
  },
};
