import type { Collection, CollectionReturnValue, Core } from 'cytoscape';
import { applyEvidenceClasses } from '../evidence/evidence-classes.js';
import type { GraphCache } from '../state/graph-cache.js';
import {
  BY_EVIDENCE,
  BY_LABEL,
  BY_PROPERTY,
  BY_TIME,
  hiddenBy,
  type Picture,
} from '../state/picture.js';
import type { View } from '../state/view.js';
import { setClasses } from './set-classes.js';

/** The class each reason of the picture sets on the canvas (the stylesheet hides all four). */
export const FILTER_CLASSES = [
  [BY_LABEL, 'f-hidden'],
  [BY_TIME, 't-hidden'],
  [BY_PROPERTY, 'p-hidden'],
  [BY_EVIDENCE, 'ev-hidden'],
] as const;

const ANY_FILTER_CLASS = FILTER_CLASSES.map(([, c]) => `.${c}`).join(', ');

/**
 * The drawn elements no filter hides, read from the classes this module sets. Not Cytoscape's
 * `:visible`: Cytoscape restyles lazily (a class change marks an element dirty, and `visible()`
 * answers from a cache until the next frame or a style read), so right after a draw `:visible`
 * may still give the elements a filter just hid, and a layout or a fit would take them in.
 */
export function unfiltered(elements: Collection): CollectionReturnValue {
  return elements.not(ANY_FILTER_CLASS);
}

/**
 * Sets the classes the View's filters decide on every drawn element, as the picture (state/
 * picture.ts, the one rule) says: `f-hidden` (label or type), `t-hidden` (time window), `p-hidden`
 * (property filters), `ev-hidden` (evidence); a relationship also has the classes of its ends. Then
 * the evidence size steps and `faded` (the disagreements view). Filtered elements stay drawn but
 * invisible, so the status line can count them; aggregates of a simplified picture are not in the
 * picture and get none. Call inside cy.batch.
 */
export function applyViewClasses(cy: Core, picture: Picture, view: View, cache: GraphCache): void {
  if (picture.filtered.size === 0 && picture.outOfTime.size === 0) {
    cy.elements(ANY_FILTER_CLASS).removeClass(FILTER_CLASSES.map(([, c]) => c).join(' '));
  } else {
    setClasses(cy, cy.elements(), FILTER_CLASSES, (el) => hiddenBy(picture, el.id()));
  }
  applyEvidenceClasses(cy, view, cache);
  // Only what changes (see setClasses): removing a class an element lacks restyles it too.
  if (!view.disagreements) {
    cy.elements('.faded').removeClass('faded');
    return;
  }
  const all = cy.elements();
  const disputed = all.filter('.disputed, node[label = "Disagreement"], node[label = "Claim"]');
  const keep = disputed.union(
    disputed
      .connectedEdges()
      .filter((e) => disputed.contains(e.source()) && disputed.contains(e.target())),
  );
  keep.filter('.faded').removeClass('faded');
  all.not(keep).not('.faded').addClass('faded');
}
