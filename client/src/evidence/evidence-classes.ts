import type { Core } from 'cytoscape';
import type { GraphCache } from '../state/graph-cache.js';
import type { View } from '../state/view.js';
import { evidenceOf, hiddenByEvidence, sourceStep } from './evidence-categories.js';

/** The classes the evidence state sets: hidden by a legend toggle, and the size steps. */
export const EVIDENCE_CLASSES = ['ev-hidden', 'ev-s0', 'ev-s1', 'ev-s2', 'ev-s3'] as const;

/**
 * Sets the evidence classes on every drawn element from its data in the cache: `ev-hidden` when
 * a category the legend hides applies, and `ev-s0`…`ev-s3` (by the server's `sourceCount`) while the
 * View sizes by sources. Cheap when the evidence state is the default: it only clears. Call
 * inside cy.batch (view-classes.ts does).
 */
export function applyEvidenceClasses(cy: Core, view: View, cache: GraphCache): void {
  const state = view.analysis.evidence;
  if (state.hidden.length === 0 && !state.sizeBySources) {
    cy.elements('.ev-hidden, .ev-s0, .ev-s1, .ev-s2, .ev-s3').removeClass(
      EVIDENCE_CLASSES.join(' '),
    );
    return;
  }
  cy.elements().forEach((el) => {
    const id = el.id();
    const evidence = evidenceOf(el.group() === 'nodes' ? cache.node(id) : cache.edge(id));
    el.toggleClass('ev-hidden', hiddenByEvidence(evidence, state));
    const step = state.sizeBySources ? sourceStep(evidence.sources) : -1;
    for (let s = 0; s <= 3; s++) el.toggleClass(`ev-s${s}`, s === step);
  });
}
