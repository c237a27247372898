import type { Core } from 'cytoscape';
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

/** The class each reason of the picture sets on the canvas (the stylesheet hides all four). */
export const FILTER_CLASSES = [
  [BY_LABEL, 'f-hidden'],
  [BY_TIME, 't-hidden'],
  [BY_PROPERTY, 'p-hidden'],
  [BY_EVIDENCE, 'ev-hidden'],
] as const;

const ANY_FILTER_CLASS = FILTER_CLASSES.map(([, c]) => `.${c}`).join(', ');

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
    // Only the elements whose class changes are touched: Cytoscape restyles and fires an event for
    // every element a toggleClass is called on, changed or not.
    // merge() adds to a collection in place.
    const add = FILTER_CLASSES.map(() => cy.collection());
    const remove = FILTER_CLASSES.map(() => cy.collection());
    cy.elements().forEach((el) => {
      const why = hiddenBy(picture, el.id());
      FILTER_CLASSES.forEach(([bit, cls], i) => {
        const want = (why & bit) !== 0;
        if (want !== el.hasClass(cls)) (want ? add : remove)[i]!.merge(el);
      });
    });
    FILTER_CLASSES.forEach(([, cls], i) => {
      add[i]!.addClass(cls);
      remove[i]!.removeClass(cls);
    });
  }
  applyEvidenceClasses(cy, view, cache);
  // As above, only what changes: removeClass on an element without the class restyles it too.
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
