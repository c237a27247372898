import type { ExplorerContext } from '../graph/connect.js';
import { mountLazySection } from '../ui/lazy-section.js';

/**
 * The left column's "Evidence" section: a heading saying how many evidence filters are in force,
 * and a button that opens the legend. The legend (toggles, counts) is loaded the first time it
 * opens; the classes a link's evidence state sets need no legend (graph/view-classes.ts applies
 * them).
 */
export function mountEvidenceSection(ctx: ExplorerContext): void {
  const sidebar = document.querySelector('aside.sidebar');
  if (!sidebar) return;
  mountLazySection(sidebar, {
    prefix: 'ev',
    title: 'Evidence',
    buttonText: 'Evidence legend…',
    buttonAttrs: { id: 'ev-toggle' },
    panelName: 'the evidence legend',
    load: (body) =>
      import('./evidence-legend.js').then(({ mountEvidenceLegend }) =>
        mountEvidenceLegend(body, ctx),
      ),
    inForce: () => {
      const e = ctx.store.view.analysis.evidence;
      return e.hidden.length + (e.sizeBySources ? 1 : 0);
    },
    subscribe: (listener) => ctx.store.subscribe(listener),
  });
}
