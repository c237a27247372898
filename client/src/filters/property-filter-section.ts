import type { ExplorerContext } from '../graph/connect.js';
import { h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';

/**
 * The left column's "Filter by property" section: a heading, how many property filters are in
 * force, and a button that opens the panel. The panel (histograms, value lists) is loaded the
 * first time it opens, so the first page carries only this.
 */
export function mountPropertyFilterSection(ctx: ExplorerContext): void {
  const sidebar = document.querySelector('aside.sidebar');
  if (!sidebar) return;
  const count = h('span', { class: 'muted', id: 'pf-count' });
  const body = h('div', { id: 'pf-panel', hidden: true });
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'pf-section-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'pf-panel',
    },
    'Filter by property…',
  );
  let loading: Promise<{ focus(): void }> | null = null;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (!open) return;
    loading ??= import('./property-filter-panel.js').then(({ mountPropertyFilterPanel }) =>
      mountPropertyFilterPanel(body, ctx),
    );
    loading.then(
      (panel) => {
        panel.focus();
        // The section is the last of the left column: bring the panel into sight.
        body.scrollIntoView({ block: 'nearest' });
      },
      (e: unknown) => {
        loading = null;
        toast(`Could not open the property filters: ${errorMessage(e)}`, 'error');
      },
    );
  });
  sidebar.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'pf-title' },
      h('h2', { id: 'pf-title' }, 'Filter by property ', count),
      toggle,
      body,
    ),
  );
  const update = (): void => {
    const n = ctx.store.view.analysis.propertyFilters.length;
    count.textContent = n ? `${n} in force` : '';
  };
  ctx.store.subscribe(update);
  update();
}
