import type { Command } from '../command.js';

/** The console's text, kept in the View so links carry it; typing is not an undo step. */
export const setQuery: Command<string> = {
  name: 'query',
  record: false,
  perform: (view, query) => (view.query === query ? view : { ...view, query }),
};
