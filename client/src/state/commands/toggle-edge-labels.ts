import { plainKey, type Command } from '../command.js';

/** Relationship labels on or off (E). */
export const toggleEdgeLabels: Command<void> = {
  name: 'relationship labels',
  record: true,
  perform: (view) => ({ ...view, edgeLabels: !view.edgeLabels }),
  shortcut: {
    keys: 'E',
    description: 'Relationship labels on or off',
    match: plainKey('e'),
    arg: () => undefined,
  },
};
