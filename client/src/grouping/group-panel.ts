import type { ExplorerContext } from '../graph/connect.js';
import { groupBy, ungroupAll, type GroupRule } from '../state/commands/group-by.js';
import { collapseGroup, expandGroup } from '../state/commands/group-expand.js';
import { settlePositions } from '../state/commands/move-nodes.js';
import { drawn, type View } from '../state/view.js';
import { byId, h } from '../ui/dom.js';
import { groupsOf } from './group-actions.js';
import './group-panel.css';

/** Property keys offered to group by: the most common on screen, so the list stays short. */
const MAX_PROPERTIES = 40;

let mounted: (() => void) | null = null;

/**
 * The Group control (loaded when first opened): group the drawn nodes by label or by a property's
 * value, list the groups with their counts, expand or collapse each, ungroup all. A button opening
 * a labelled region of native controls, so the keyboard reaches everything; Escape closes it.
 */
export function toggleGroupPanel(ctx: ExplorerContext): void {
  mounted ??= mountGroupPanel(ctx);
  mounted();
}

function mountGroupPanel(ctx: ExplorerContext): () => void {
  const { store, cache, explorer } = ctx;
  const button = byId<HTMLButtonElement>('btn-group');
  const panel = byId('group-panel');
  const select = h('select', { id: 'group-by', 'aria-label': 'Group nodes by' });
  const list = h('ul', { class: 'side-list group-list', 'aria-label': 'Groups' });
  const ungroup = h(
    'button',
    { type: 'button', onclick: () => void store.dispatch(ungroupAll, undefined) },
    'Ungroup all',
  );
  panel.replaceChildren(
    h('label', { for: 'group-by', class: 'group-heading' }, 'Group nodes by'),
    select,
    list,
    ungroup,
  );

  const apply = async (rule: GroupRule | null): Promise<void> => {
    const before = store.view;
    const after = rule ? store.dispatch(groupBy, rule) : store.dispatch(ungroupAll, undefined);
    if (after === before || !rule) return;
    // New group nodes start at their members' centre, on top of one another: lay them out, and
    // where they settle amends the same undo step (like any layout).
    await explorer.layout();
    store.dispatch(settlePositions, explorer.positions());
  };
  select.addEventListener('change', () => {
    const v = select.value;
    void apply(
      v === '' ? null : v === 'label' ? { by: 'label' } : { by: 'property', property: v.slice(2) },
    );
  });

  const properties = (view: View): string[] => {
    const counts = new Map<string, number>();
    for (const id of drawn(view).nodes) {
      for (const k of Object.keys(cache.node(id)?.properties ?? {})) {
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    return [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_PROPERTIES)
      .map(([k]) => k)
      .sort();
  };

  const render = (view: View): void => {
    const g = view.analysis.grouping;
    button.textContent = g ? `Grouped (${g.by === 'label' ? 'label' : g.property})` : 'Group';
    button.setAttribute('aria-pressed', String(!!g));
    if (panel.hidden) return;
    const value = !g ? '' : g.by === 'label' ? 'label' : `p:${g.property ?? ''}`;
    const props = properties(view);
    if (g?.property && !props.includes(g.property)) props.push(g.property);
    select.replaceChildren(
      h('option', { value: '' }, 'No grouping'),
      h('option', { value: 'label' }, 'Label'),
      ...props.map((p) => h('option', { value: `p:${p}` }, `Property: ${p}`)),
    );
    select.value = value;
    ungroup.disabled = !g;
    const groups = groupsOf(ctx, view);
    list.replaceChildren(
      ...groups.map((grp) => {
        const text = `${grp.title} (${grp.members.length})`;
        return h(
          'li',
          { class: 'group-row', 'data-group': grp.key },
          h('span', { title: text }, text),
          h(
            'button',
            {
              type: 'button',
              'aria-label': `${grp.expanded ? 'Collapse' : 'Expand'} ${text}`,
              onclick: () =>
                grp.expanded
                  ? store.dispatch(collapseGroup, grp.key)
                  : store.dispatch(expandGroup, { key: grp.key, members: grp.members }),
            },
            grp.expanded ? 'Collapse' : 'Expand',
          ),
        );
      }),
    );
    if (g && !groups.length)
      list.replaceChildren(h('li', { class: 'muted' }, 'No two drawn nodes share a group.'));
  };

  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      render(store.view);
      select.focus();
    }
  };
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      setOpen(false);
      button.focus();
    }
  });
  store.subscribe((next) => render(next));
  render(store.view);
  // The toolbar's button calls this on each click (the first one loaded the module).
  return () => setOpen(panel.hidden);
}
