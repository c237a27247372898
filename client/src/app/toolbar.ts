import type { ExplorerContext } from '../graph/connect.js';
import { LAYOUT_LABELS } from '../graph/layouts.js';
import { clear } from '../state/commands/clear.js';
import { setLayout } from '../state/commands/set-layout.js';
import { toggleDisagreements } from '../state/commands/toggle-disagreements.js';
import { toggleEdgeLabels } from '../state/commands/toggle-edge-labels.js';
import { toggleTheme } from '../state/commands/toggle-theme.js';
import { LAYOUT_NAMES, type LayoutName } from '../state/view.js';
import { byId, h } from '../ui/dom.js';
import { mountExportMenu } from '../ui/export-menu.js';

/** What the toolbar does besides dispatching commands. */
export interface ToolbarActions {
  readonly openPathFinder: () => void;
  readonly toggleConsole: () => void;
  readonly share: () => void;
}

/** The top bar and the canvas tools: each button dispatches a command or runs an action. */
export function bindToolbar(ctx: ExplorerContext, a: ToolbarActions): void {
  const { store, explorer } = ctx;
  const click = (id: string, run: () => void): void => byId(id).addEventListener('click', run);
  const layout = byId<HTMLSelectElement>('layout-select');
  layout.replaceChildren(...LAYOUT_NAMES.map((n) => h('option', { value: n }, LAYOUT_LABELS[n])));
  layout.value = store.view.layout;
  layout.addEventListener('change', () => store.dispatch(setLayout, layout.value as LayoutName));
  click('btn-relayout', () => store.dispatch(setLayout, store.view.layout));
  click('btn-path', a.openPathFinder);
  click('btn-disagreements', () => store.dispatch(toggleDisagreements, undefined));
  click('btn-console', a.toggleConsole);
  click('btn-share', a.share);
  click('btn-theme', () => store.dispatch(toggleTheme, undefined));
  click('btn-undo', () => store.undo());
  click('btn-redo', () => store.redo());
  click('btn-fit', () => explorer.fit());
  click('btn-clear', () => store.dispatch(clear, undefined));
  click('btn-edge-labels', () => store.dispatch(toggleEdgeLabels, undefined));
  // The grouping control loads when first opened (issue 16 keeps the first page small).
  click('btn-group', () => {
    void import('../grouping/group-panel.js').then((m) => m.toggleGroupPanel(ctx));
  });
  mountExportMenu(explorer);
}
