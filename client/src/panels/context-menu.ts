import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { fetchNodeDetails } from '../api/graph-api.js';
import type { Direction } from '../generated/graphql.js';
import { byId, fmt, h } from '../ui/dom.js';

/** What the context menu offers; each maps to an explorer action. */
export interface ContextActions {
  readonly expand: (id: string, options?: { types?: string[]; direction?: Direction }) => void;
  readonly collapse: (id: string) => void;
  readonly hide: (ids: string[]) => void;
  readonly pin: (ids: string[]) => void;
  readonly selectNeighbours: (id: string) => void;
  readonly pathFrom: (id: string) => void;
  readonly pathTo: (id: string) => void;
  readonly fit: () => void;
  readonly relayout: () => void;
}

/**
 * The right-click menu: on a node, expand (all, or by type and direction, with counts), collapse,
 * select neighbours, pin, path from/to, hide; on a relationship, hide; on the background, fit and
 * re-layout. Keyboard: arrows move, Escape closes.
 */
export function mountContextMenu(
  bind: (fn: (cy: Core) => void) => void,
  actions: ContextActions,
): void {
  const menu = byId('context-menu');
  const close = (): void => {
    menu.hidden = true;
  };
  const item = (label: string, run: () => void, hint = ''): HTMLButtonElement =>
    h(
      'button',
      { type: 'button', role: 'menuitem', onclick: () => (close(), run()) },
      h('span', {}, label),
      hint ? h('span', { class: 'muted' }, hint) : null,
    );

  const openAt = (e: EventObject, items: HTMLElement[]): void => {
    menu.replaceChildren(...items);
    const pos = e.renderedPosition ?? { x: 20, y: 20 };
    const stage = menu.parentElement?.getBoundingClientRect();
    menu.hidden = false;
    const w = menu.offsetWidth;
    const ht = menu.offsetHeight;
    menu.style.left = `${Math.min(pos.x, (stage?.width ?? 800) - w - 8)}px`;
    menu.style.top = `${Math.min(pos.y, (stage?.height ?? 600) - ht - 8)}px`;
    menu.querySelector<HTMLButtonElement>('button')?.focus();
  };

  bind((cy) => {
    cy.on('cxttap', 'node', (e) => {
      const node = e.target as NodeSingular;
      // Not on group nodes (grouping/): they are not in the database to expand, hide or path from.
      if (node.hasClass('group') || node.hasClass('lod')) return;
      const id = node.id();
      const selected = cy.$('node:selected');
      const targets =
        selected.contains(node) && selected.length > 1 ? selected.map((n) => n.id()) : [id];
      const byType = h(
        'div',
        {},
        h('div', { class: 'group-title' }, 'Expand by type'),
        h('div', { class: 'muted', style: 'padding:2px 10px' }, 'Loading…'),
      );
      openAt(e, [
        item('Expand neighbours', () => actions.expand(id), 'dbl-click'),
        byType,
        h('hr'),
        item('Collapse', () => actions.collapse(id)),
        item('Select neighbours', () => actions.selectNeighbours(id)),
        item(node.locked() ? 'Unpin' : 'Pin', () => actions.pin(targets), 'N'),
        item('Shortest path from here', () => actions.pathFrom(id)),
        item('Shortest path to here', () => actions.pathTo(id)),
        h('hr'),
        item(
          targets.length > 1 ? `Hide ${targets.length} nodes` : 'Hide',
          () => actions.hide(targets),
          'Del',
        ),
      ]);
      void fetchNodeDetails(id).then((d) => {
        if (!d) return;
        byType.replaceChildren(
          h('div', { class: 'group-title' }, 'Expand by type'),
          ...d.degreeByType
            .slice(0, 12)
            .map((t) =>
              item(
                `${t.direction === 'OUTGOING' ? '→' : '←'} ${t.type}`,
                () => actions.expand(id, { types: [t.type], direction: t.direction }),
                fmt(t.count),
              ),
            ),
        );
      });
    });
    cy.on('cxttap', 'edge', (e) => {
      if ((e.target as EdgeSingular).hasClass('group-edge') || e.target.hasClass('lod-link'))
        return;
      openAt(e, [item('Hide relationship', () => actions.hide([String(e.target.id())]))]);
    });
    cy.on('cxttap', (e) => {
      if (e.target !== cy) return;
      openAt(e, [
        item('Fit to screen', actions.fit, 'F'),
        item('Re-layout', actions.relayout, 'R'),
      ]);
    });
    cy.on('tap pan zoom', close);
  });
  menu.addEventListener('keydown', (e) => {
    const items = [...menu.querySelectorAll<HTMLButtonElement>('button')];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  });
  document.addEventListener('mousedown', (e) => {
    if (!menu.contains(e.target as Node)) close();
  });
}
