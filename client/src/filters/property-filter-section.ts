import type { ExplorerContext } from '../graph/connect.js';
import { mountLazySection } from '../ui/lazy-section.js';

/**
 * The left column's "Filter by property" section: a heading, how many property filters are in
 * force, and a button that opens the panel. The panel (histograms, value lists) is loaded the
 * first time it opens.
 */
export function mountPropertyFilterSection(ctx: ExplorerContext): void {
  const sidebar = document.querySelector('aside.sidebar');
  if (!sidebar) return;
  mountLazySection(sidebar, {
    prefix: 'pf',
    title: 'Filter by property',
    buttonText: 'Filter by property…',
    buttonAttrs: { class: 'pf-section-toggle' },
    panelName: 'the property filters',
    load: (body) =>
      import('./property-filter-panel.js').then(({ mountPropertyFilterPanel }) =>
        mountPropertyFilterPanel(body, ctx),
      ),
    inForce: () => ctx.store.view.analysis.propertyFilters.length,
    subscribe: (listener) => ctx.store.subscribe(listener),
  });
}
