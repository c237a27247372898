import type { Collection, Core, SingularElementArgument } from 'cytoscape';

/** A class this sets or clears, with the bit that asks for it. */
export type ClassBit = readonly [bit: number, name: string];

/**
 * Gives each of `elements` exactly the classes of `classes` whose bit is in `wanted(el)` (the
 * others of `classes` are cleared), touching only the elements whose class changes: Cytoscape
 * restyles and fires a `class` event for every element addClass, removeClass or toggleClass is
 * called on, changed or not, so one call over every element restyles the whole canvas. One
 * addClass and one removeClass per class, over the elements that gain or lose it. Call inside
 * cy.batch.
 */
export function setClasses(
  cy: Core,
  elements: Collection,
  classes: readonly ClassBit[],
  wanted: (el: SingularElementArgument) => number,
): void {
  // merge() adds to a collection in place.
  const add = classes.map(() => cy.collection());
  const remove = classes.map(() => cy.collection());
  elements.forEach((el) => {
    const bits = wanted(el);
    for (let i = 0; i < classes.length; i++) {
      const [bit, name] = classes[i]!;
      const want = (bits & bit) !== 0;
      if (want !== el.hasClass(name)) (want ? add : remove)[i]!.merge(el);
    }
  });
  classes.forEach(([, name], i) => {
    add[i]!.addClass(name);
    remove[i]!.removeClass(name);
  });
}
