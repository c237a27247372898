import type { ExplorerContext } from '../graph/connect.js';
import { byId, fmt, h } from '../ui/dom.js';

/**
 * The status line (drawn, filtered, hidden), the undo/redo buttons' state and the empty-canvas
 * prompt, refreshed after every drawing.
 */
export function updateStatus({ store, explorer }: ExplorerContext, firstScreen: () => void): void {
  const cy = explorer.cy;
  const shown = explorer.visible();
  // Aggregates of a simplified picture (graph/level-of-detail.ts) are neither shown nor filtered.
  const lod = explorer.simplified;
  const filtered =
    (lod ? cy.elements().not('.lod, .lod-link') : cy.elements()).length - shown.length;
  const hidden = store.view.hidden.length;
  byId('status').textContent =
    `${fmt(shown.nodes().length)} nodes · ${fmt(shown.edges().length)} relationships` +
    (filtered ? ` · ${fmt(filtered)} filtered` : '') +
    (hidden ? ` · ${fmt(hidden)} hidden` : '') +
    (explorer.usingWebgl ? ' · WebGL' : '') +
    (lod ? ` · simplified: ${fmt(lod.drawn)} of ${fmt(lod.total)} elements drawn` : '');
  byId<HTMLButtonElement>('btn-undo').disabled = !store.canUndo;
  byId<HTMLButtonElement>('btn-redo').disabled = !store.canRedo;
  byId('btn-edge-labels').setAttribute('aria-pressed', String(store.view.edgeLabels));
  byId('btn-disagreements').setAttribute('aria-pressed', String(store.view.disagreements));
  byId<HTMLSelectElement>('layout-select').value = store.view.layout;
  document.documentElement.dataset['theme'] = store.view.theme;
  const empty = byId('empty-state');
  if (cy.elements().empty() && !empty.querySelector('.error')) {
    empty.replaceChildren(
      h(
        'div',
        { class: 'box' },
        h('h3', {}, 'Nothing on the canvas'),
        h(
          'p',
          {},
          'Search for an entity above, click a label on the left to add its nodes, or run a Cypher query.',
        ),
        h(
          'button',
          { type: 'button', class: 'primary', onclick: firstScreen },
          'Show the central entities',
        ),
      ),
    );
    empty.hidden = false;
  } else if (!cy.elements().empty()) empty.hidden = true;
}

/** Replaces the canvas with an error that says what to do. */
export function showFatal(title: string, message: string): void {
  const empty = byId('empty-state');
  empty.replaceChildren(
    h(
      'div',
      { class: 'box error', role: 'alert' },
      h('h3', {}, title),
      h('p', {}, message),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => location.reload() },
        'Try again',
      ),
    ),
  );
  empty.hidden = false;
}
