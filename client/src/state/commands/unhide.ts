import type { Command } from '../command.js';

/** Shows hidden elements again: the given ids, or every hidden one with 'all'. */
export const unhide: Command<readonly string[] | 'all'> = {
  name: 'unhide',
  record: true,
  perform: (view, ids) => {
    if (view.hidden.length === 0) return view;
    if (ids === 'all') return { ...view, hidden: [] };
    const back = new Set(ids);
    const hidden = view.hidden.filter((id) => !back.has(id));
    return hidden.length === view.hidden.length ? view : { ...view, hidden };
  },
};
