import { plainKey, type Command } from '../command.js';

/** Light or dark (T). */
export const toggleTheme: Command<void> = {
  name: 'theme',
  record: true,
  perform: (view) => ({ ...view, theme: view.theme === 'dark' ? 'light' : 'dark' }),
  shortcut: {
    keys: 'T',
    description: 'Light or dark theme',
    match: plainKey('t'),
    arg: () => undefined,
  },
};
