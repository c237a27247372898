import type { Command } from '../command.js';

/** Empties the picture (elements, hidden list, selection); filters and settings stay. */
export const clear: Command<void> = {
  name: 'clear',
  record: true,
  perform: (view) =>
    Object.keys(view.nodes).length === 0
      ? view
      : { ...view, nodes: {}, edges: {}, hidden: [], selected: [], viewport: null },
};
