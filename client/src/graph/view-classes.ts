import type { Core } from 'cytoscape';
import { applyEvidenceClasses } from '../evidence/evidence-classes.js';
import { applyPropertyFilterClasses } from '../filters/property-filter-classes.js';
import type { GraphCache } from '../state/graph-cache.js';
import type { View } from '../state/view.js';
import { factSpan, inWindow } from './explorer-window.js';

/**
 * Sets the classes the View's filters decide on every drawn element: `f-hidden` (label or type
 * filtered), `t-hidden` (outside the time window), `p-hidden` (property filters, see
 * filters/property-filter-classes.ts), `faded` (the disagreements view). Filtered elements stay
 * drawn but invisible, so the status line can count them. Call inside cy.batch.
 */
export function applyViewClasses(cy: Core, view: View, cache: GraphCache): void {
  const labels = new Set(view.hiddenLabels);
  const types = new Set(view.hiddenTypes);
  const span = (id: string): { start?: string; end?: string } => {
    const props = cache.node(id)?.properties ?? cache.edge(id)?.properties ?? {};
    return factSpan(props, view.timeProperty);
  };
  cy.nodes().forEach((n) => {
    const ls = n.data('labels') as string[];
    n.toggleClass(
      'f-hidden',
      ls.some((l) => labels.has(l)),
    );
    const s = span(n.id());
    n.toggleClass('t-hidden', !inWindow(s.start, s.end, view.time));
  });
  cy.edges().forEach((e) => {
    e.toggleClass('f-hidden', types.has(String(e.data('type'))));
    const s = span(e.id());
    e.toggleClass('t-hidden', !inWindow(s.start, s.end, view.time));
  });
  applyPropertyFilterClasses(cy, view.analysis.propertyFilters, (id) => cache.node(id)?.properties);
  applyEvidenceClasses(cy, view, cache);
  const all = cy.elements();
  all.removeClass('faded');
  if (!view.disagreements) return;
  const disputed = all.filter('.disputed, node[label = "Disagreement"], node[label = "Claim"]');
  const keep = disputed.union(
    disputed
      .connectedEdges()
      .filter((e) => disputed.contains(e.source()) && disputed.contains(e.target())),
  );
  all.not(keep).addClass('faded');
}
