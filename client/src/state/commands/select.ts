import { plainKey, type Command } from '../command.js';
import { drawn } from '../view.js';

/** Selects elements (a click, Esc with none). Not an undo step: undo is for changes to the picture. */
export const select: Command<readonly string[]> = {
  name: 'select',
  record: false,
  perform: (view, ids) =>
    ids.length === view.selected.length && ids.every((id, i) => view.selected[i] === id)
      ? view
      : { ...view, selected: [...ids] },
};

/** Adds the drawn neighbours of the selected nodes to the selection (A). */
export const selectNeighbours: Command<readonly string[]> = {
  name: 'select neighbours',
  record: false,
  perform: (view, ids) => {
    const from = new Set(ids.filter((id) => view.nodes[id]));
    const out = new Set(view.selected);
    for (const eid of drawn(view).edges) {
      const e = view.edges[eid];
      if (!e) continue;
      if (from.has(e.source) || from.has(e.target)) {
        out.add(e.source).add(e.target).add(eid);
      }
    }
    for (const id of from) out.add(id);
    return { ...view, selected: [...out] };
  },
  shortcut: {
    keys: 'A',
    description: 'Select the neighbours of the selection',
    match: plainKey('a'),
    arg: (view) => view.selected,
  },
};
