import type { NodeSingular } from 'cytoscape';
import type { ExplorerContext } from '../graph/connect.js';
import { expandGroupNode } from '../grouping/group-actions.js';
import { isGroupId } from '../grouping/groups.js';
import { mountContextMenu } from '../panels/context-menu.js';
import type { PathFinder } from '../panels/path-finder.js';
import { hide } from '../state/commands/hide.js';
import { moveNodes } from '../state/commands/move-nodes.js';
import { select, selectNeighbours } from '../state/commands/select.js';
import { setLayout } from '../state/commands/set-layout.js';
import { togglePin } from '../state/commands/toggle-pin.js';
import type { ExplorerActions } from './actions.js';

/**
 * Turns what the user does on the canvas into commands: selection, drags (an undoable move), double
 * clicks (expand), taps while the path finder is open, and the right-click menu.
 */
export function bindCanvas(
  ctx: ExplorerContext,
  actions: ExplorerActions,
  paths: PathFinder,
): void {
  const { store, explorer } = ctx;
  let pending = false;
  explorer.onCy((cy) => {
    // One command per burst of select events (a box selection fires one per element).
    cy.on('select unselect', () => {
      if (explorer.syncing || pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        store.dispatch(
          select,
          explorer.cy.$(':selected').map((e) => e.id()),
        );
      });
    });
    cy.on('tap', 'node', (e) => {
      if (paths.active) paths.pick(e.target as NodeSingular);
    });
    cy.on('dbltap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      // An aggregate of a simplified picture is not in the database: the explorer zooms into it.
      if ((e.target as NodeSingular).hasClass('lod')) return;
      // A group node expands into its members; any other node into its neighbours.
      if (isGroupId(id)) expandGroupNode(ctx, id);
      else void actions.expand(id);
    });
    cy.on('free', 'node', () => void store.dispatch(moveNodes, explorer.positions()));
  });
  mountContextMenu((fn) => explorer.onCy(fn), {
    expand: (id, o) => void actions.expand(id, o),
    collapse: (id) => actions.collapse(id),
    hide: (ids) => void store.dispatch(hide, ids),
    pin: (ids) => void store.dispatch(togglePin, ids),
    selectNeighbours: (id) => void store.dispatch(selectNeighbours, [id]),
    pathFrom: (id) => paths.open(id),
    pathTo: (id) => paths.open(null, id),
    fit: () => explorer.fit(),
    relayout: () => void store.dispatch(setLayout, store.view.layout),
  });
}
