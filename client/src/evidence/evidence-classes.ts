import type { Core } from 'cytoscape';
import { setClasses, type ClassBit } from '../graph/set-classes.js';
import type { GraphCache } from '../state/graph-cache.js';
import type { View } from '../state/view.js';
import { evidenceOf, sourceStep } from './evidence-categories.js';

/** The size steps the evidence state sets (what it hides is `ev-hidden`, set from the picture). */
export const EVIDENCE_CLASSES = ['ev-s0', 'ev-s1', 'ev-s2', 'ev-s3'] as const;

/** Step s is asked for by bit `1 << s`. */
const STEP_CLASSES: readonly ClassBit[] = EVIDENCE_CLASSES.map((c, s) => [1 << s, c] as const);

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
  setClasses(cy, cy.elements(), STEP_CLASSES, (el) => {
    const id = el.id();
    const fact = el.group() === 'nodes' ? cache.node(id) : cache.edge(id);
    return 1 << sourceStep(evidenceOf(fact).sources);
  });
}
