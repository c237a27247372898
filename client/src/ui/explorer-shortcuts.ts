import type { Explorer } from '../graph/explorer.js';
import { LAYOUT_NAMES } from '../state/view-state.js';
import { byId } from './dom.js';
import { ctrl, key, type Shortcut } from './shortcuts.js';

/** What the shortcuts do beyond the explorer itself. */
export interface ShortcutActions {
  readonly explorer: Explorer;
  readonly focusSearch: () => void;
  readonly expand: (id: string) => void;
  readonly openPathFinder: () => void;
  /** Closes the path finder; false when it was not open. */
  readonly closePathFinder: () => boolean;
  readonly toggleDisagreements: () => void;
  readonly toggleConsole: () => void;
  readonly share: () => void;
  readonly showHelp: () => void;
}

/** The explorer's keyboard shortcuts, in the order the `?` dialog lists them. */
export function explorerShortcuts(a: ShortcutActions): Shortcut[] {
  const { explorer } = a;
  const cy = (): Explorer['cy'] => explorer.cy;
  const fit = (): void => void cy().animate({ fit: { eles: cy().elements(), padding: 40 } });
  const cycleLayout = (): void => {
    const i = LAYOUT_NAMES.indexOf(explorer.settings.layout);
    const next = LAYOUT_NAMES[(i + 1) % LAYOUT_NAMES.length] ?? 'fcose';
    byId<HTMLSelectElement>('layout-select').value = next;
    void explorer.relayout(next);
  };
  return [
    { keys: '/', description: 'Search', match: key('/'), run: a.focusSearch },
    {
      keys: 'X',
      description: 'Expand the selected nodes (or double-click a node)',
      match: key('x'),
      run: () =>
        cy()
          .$('node:selected')
          .forEach((n) => a.expand(n.id())),
    },
    {
      keys: 'Delete',
      description: 'Hide the selection',
      match: (e) => key('Delete')(e) || key('Backspace')(e),
      run: () => explorer.hide(cy().$(':selected')),
    },
    {
      keys: 'N',
      description: 'Pin or unpin the selected nodes',
      match: key('n'),
      run: () => explorer.togglePin(cy().$('node:selected')),
    },
    {
      keys: 'A',
      description: 'Select the neighbours of the selection',
      match: key('a'),
      run: () => void cy().$('node:selected').closedNeighborhood().select(),
    },
    {
      keys: 'P',
      description: 'Shortest paths (between the two selected nodes)',
      match: key('p'),
      run: a.openPathFinder,
    },
    { keys: 'D', description: 'Disagreements view', match: key('d'), run: a.toggleDisagreements },
    { keys: 'C', description: 'Cypher console', match: key('c'), run: a.toggleConsole },
    { keys: 'F', description: 'Fit to screen', match: key('f'), run: fit },
    {
      keys: 'R',
      description: 'Run the layout again',
      match: key('r'),
      run: () => void explorer.relayout(),
    },
    { keys: 'L', description: 'Next layout', match: key('l'), run: cycleLayout },
    {
      keys: 'E',
      description: 'Relationship labels on or off',
      match: key('e'),
      run: () => byId('btn-edge-labels').click(),
    },
    {
      keys: 'T',
      description: 'Light or dark theme',
      match: key('t'),
      run: () => byId('btn-theme').click(),
    },
    { keys: 'S', description: 'Copy a link to this view', match: key('s'), run: a.share },
    { keys: 'Ctrl Z', description: 'Undo', match: ctrl('z'), run: () => void explorer.undo() },
    {
      keys: 'Ctrl Shift Z',
      description: 'Redo (also Ctrl Y)',
      match: (e) => ctrl('z', true)(e) || ctrl('y')(e),
      run: () => void explorer.redo(),
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
        if (!a.closePathFinder()) cy().$(':selected').unselect();
      },
    },
    { keys: '?', description: 'This list', match: key('?'), run: a.showHelp },
  ];
}
