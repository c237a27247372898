import type { Command } from '../state/command.js';
import { hide } from '../state/commands/hide.js';
import { selectNeighbours, select } from '../state/commands/select.js';
import { nextLayout, setLayout } from '../state/commands/set-layout.js';
import { toggleDisagreements } from '../state/commands/toggle-disagreements.js';
import { toggleEdgeLabels } from '../state/commands/toggle-edge-labels.js';
import { togglePin } from '../state/commands/toggle-pin.js';
import { toggleTheme } from '../state/commands/toggle-theme.js';
import type { Store } from '../state/store.js';
import { ctrl, key, type Shortcut } from './shortcuts.js';

/** What the shortcuts do beyond running a command. */
export interface ShortcutActions {
  readonly store: Store;
  readonly focusSearch: () => void;
  readonly expand: (id: string) => void;
  readonly openPathFinder: () => void;
  /** Closes the path finder; false when it was not open. */
  readonly closePathFinder: () => boolean;
  readonly toggleConsole: () => void;
  readonly fit: () => void;
  readonly share: () => void;
  readonly showHelp: () => void;
}

/** The commands that have a key, in the order the `?` dialog lists them after the actions. */
const KEYED: readonly Command<never>[] = [
  hide,
  togglePin,
  selectNeighbours,
  toggleDisagreements,
  setLayout,
  nextLayout,
  toggleEdgeLabels,
  toggleTheme,
] as unknown as Command<never>[];

/** A command's shortcut, dispatched through the store with the argument it reads from the View. */
function fromCommand(store: Store, command: Command<never>): Shortcut[] {
  const s = command.shortcut;
  if (!s) return [];
  return [
    {
      keys: s.keys,
      description: s.description,
      match: s.match,
      run: () => void store.dispatch(command, s.arg(store.view)),
    },
  ];
}

/** The explorer's keyboard shortcuts, in the order the `?` dialog lists them. */
export function explorerShortcuts(a: ShortcutActions): Shortcut[] {
  const { store } = a;
  return [
    { keys: '/', description: 'Search', match: key('/'), run: a.focusSearch },
    {
      keys: 'X',
      description: 'Expand the selected nodes (or double-click a node)',
      match: key('x'),
      run: () => store.view.selected.filter((id) => store.view.nodes[id]).forEach(a.expand),
    },
    ...KEYED.flatMap((c) => fromCommand(store, c)),
    {
      keys: 'P',
      description: 'Shortest paths (between the two selected nodes)',
      match: key('p'),
      run: a.openPathFinder,
    },
    { keys: 'C', description: 'Cypher console', match: key('c'), run: a.toggleConsole },
    { keys: 'F', description: 'Fit to screen', match: key('f'), run: a.fit },
    { keys: 'S', description: 'Copy a link to this view', match: key('s'), run: a.share },
    { keys: 'Ctrl Z', description: 'Undo', match: ctrl('z'), run: () => void store.undo() },
    {
      keys: 'Ctrl Shift Z',
      description: 'Redo (also Ctrl Y)',
      match: (e) => ctrl('z', true)(e) || ctrl('y')(e),
      run: () => void store.redo(),
    },
    // Listed for completeness; the console's editor handles it.
    {
      keys: 'Ctrl Enter',
      description: 'Run the Cypher query (in the console)',
      match: () => false,
      run: () => undefined,
    },
    {
      keys: 'Esc',
      description: 'Close the path finder, or clear the selection',
      match: key('Escape'),
      run: () => {
        if (!a.closePathFinder()) store.dispatch(select, []);
      },
    },
    { keys: '?', description: 'This list', match: key('?'), run: a.showHelp },
  ];
}
