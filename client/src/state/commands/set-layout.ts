import { plainKey, type Command } from '../command.js';
import { LAYOUT_NAMES, type LayoutName } from '../view.js';

/**
 * Chooses a layout and asks for it to run (the Explorer runs it and the positions it settles on
 * amend this step); choosing the current one runs it again (R).
 */
export const setLayout: Command<LayoutName> = {
  name: 'layout',
  record: true,
  perform: (view, layout) => ({ ...view, layout }),
  shortcut: {
    keys: 'R',
    description: 'Run the layout again',
    match: plainKey('r'),
    arg: (view) => view.layout,
  },
};

/** The next layout in the menu's order (L). */
export const nextLayout: Command<void> = {
  name: 'next layout',
  record: true,
  perform: (view) => {
    const i = LAYOUT_NAMES.indexOf(view.layout);
    return { ...view, layout: LAYOUT_NAMES[(i + 1) % LAYOUT_NAMES.length] ?? 'fcose' };
  },
  shortcut: {
    keys: 'L',
    description: 'Next layout',
    match: plainKey('l'),
    arg: () => undefined,
  },
};
