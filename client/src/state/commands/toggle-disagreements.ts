import { plainKey, type Command } from '../command.js';

/** The disagreements view on or off (D). */
export const toggleDisagreements: Command<void> = {
  name: 'disagreements',
  record: true,
  perform: (view) => ({ ...view, disagreements: !view.disagreements }),
  shortcut: {
    keys: 'D',
    description: 'Disagreements view',
    match: plainKey('d'),
    arg: () => undefined,
  },
};
