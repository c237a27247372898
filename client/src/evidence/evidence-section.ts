import type { ExplorerContext } from '../graph/connect.js';
import { h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';

/**
 * The left column's "Evidence" section: a heading saying how many evidence filters are in force,
 * and a button that opens the legend. The legend (toggles, counts) is loaded the first time it
 * opens, so the first page carries only this; the classes a link's evidence state sets need no
 * legend (graph/view-classes.ts applies them).
 */
export function mountEvidenceSection(ctx: ExplorerContext): void {
  const sidebar = document.querySelector('aside.sidebar');
  if (!sidebar) return;
  const count = h('span', { class: 'muted', id: 'ev-count' });
  const body = h('div', { id: 'ev-panel', hidden: true });
  const toggle = h(
    'button',
    {
      type: 'button',
      id: 'ev-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'ev-panel',
    },
    'Evidence legend…',
  );
  let loading: Promise<{ focus(): void }> | null = null;
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    if (!open) return;
    loading ??= import('./evidence-legend.js').then(({ mountEvidenceLegend }) =>
      mountEvidenceLegend(body, ctx),
    );
    loading.then(
      (legend) => legend.focus(),
      (e: unknown) => {
        loading = null;
        toast(`Could not open the evidence legend: ${errorMessage(e)}`, 'error');
      },
    );
  });
  sidebar.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'ev-title' },
      h('h2', { id: 'ev-title' }, 'Evidence ', count),
      toggle,
      body,
    ),
  );
  const update = (): void => {
    const e = ctx.store.view.analysis.evidence;
    const n = e.hidden.length + (e.sizeBySources ? 1 : 0);
    count.textContent = n ? `${n} in force` : '';
  };
  ctx.store.subscribe(update);
  update();
}
