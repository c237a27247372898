import type { Core } from 'cytoscape';
import type { GraphCache } from '../state/graph-cache.js';
import type { View } from '../state/view.js';
import { evidenceOf, sourceStep } from './evidence-categories.js';

/** The size steps the evidence state sets (what it hides is `ev-hidden`, set from the picture). */
export const EVIDENCE_CLASSES = ['ev-s0', 'ev-s1', 'ev-s2', 'ev-s3'] as const;

/**
 * Sets `ev-s0`…`ev-s3` on every drawn element (by the server's `sourceCount`) while the View sizes
 * by sources, and clears them otherwise. What the legend hides is not decided here: the picture
 * (state/picture.ts) decides it and graph/view-classes.ts sets `ev-hidden` from it. Call inside
 * cy.batch (view-classes.ts does).
 */
export function applyEvidenceClasses(cy: Core, view: View, cache: GraphCache): void {
  if (!view.analysis.evidence.sizeBySources) {
    cy.elements('.ev-s0, .ev-s1, .ev-s2, .ev-s3').removeClass(EVIDENCE_CLASSES.join(' '));
    return;
  }
  // Only the elements whose step changes are touched: Cytoscape restyles every element a
  // toggleClass is called on, changed or not.
  const add = EVIDENCE_CLASSES.map(() => cy.collection());
  const remove = EVIDENCE_CLASSES.map(() => cy.collection());
  cy.elements().forEach((el) => {
    const id = el.id();
    const fact = el.group() === 'nodes' ? cache.node(id) : cache.edge(id);
    const step = sourceStep(evidenceOf(fact).sources);
    EVIDENCE_CLASSES.forEach((cls, s) => {
      if ((s === step) !== el.hasClass(cls)) (s === step ? add : remove)[s]!.merge(el);
    });
  });
  EVIDENCE_CLASSES.forEach((cls, s) => {
    add[s]!.addClass(cls);
    remove[s]!.removeClass(cls);
  });
}
