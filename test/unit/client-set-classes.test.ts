import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { setClasses, type ClassBit } from '../../client/src/graph/set-classes.js';

/**
 * setClasses gives each element exactly the classes asked for and calls Cytoscape only on the
 * elements whose class changes: Cytoscape fires `class` (and restyles) for every element an
 * addClass or removeClass is called on, changed or not, so the events count what was touched.
 */

const CLASSES: readonly ClassBit[] = [
  [1, 'a'],
  [2, 'b'],
  [4, 'c'],
];

describe('setClasses', () => {
  it('sets exactly the wanted classes and touches only the elements whose classes change', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    // n0…n7 hold the classes of their index's bits (n5: a and c); e0 joins n0 and n1.
    for (let i = 0; i < 8; i++) {
      const classes = CLASSES.filter(([bit]) => (i & bit) !== 0).map(([, c]) => c);
      cy.add({ group: 'nodes', data: { id: `n${i}` }, classes: [...classes, 'other'] });
    }
    cy.add({ group: 'edges', data: { id: 'e0', source: 'n0', target: 'n1' } });
    const touched: string[] = [];
    cy.on('class', (e) => void touched.push((e.target as cytoscape.SingularElementArgument).id()));

    // Wanted: n0…n3 keep their bits, n4…n7 swap a for b's bit pattern (bits XOR 3), e0 gets c.
    const wanted = (el: cytoscape.SingularElementArgument): number => {
      if (el.id() === 'e0') return 4;
      const i = Number(el.id().slice(1));
      return i < 4 ? i : i ^ 3;
    };
    setClasses(cy, cy.elements(), CLASSES, wanted);

    const own = (id: string): string[] =>
      CLASSES.filter(([, c]) => cy.getElementById(id).hasClass(c)).map(([, c]) => c);
    expect(own('n0')).toEqual([]);
    expect(own('n3')).toEqual(['a', 'b']);
    expect(own('n4')).toEqual(['a', 'b', 'c']);
    expect(own('n5')).toEqual(['b', 'c']);
    expect(own('n6')).toEqual(['a', 'c']);
    expect(own('n7')).toEqual(['c']);
    expect(own('e0')).toEqual(['c']);
    // Classes outside the set are left alone.
    expect(cy.nodes('.other')).toHaveLength(8);
    // n4…n7 and e0 changed, n0…n3 did not; each touched once per class it gains or loses.
    expect(new Set(touched)).toEqual(new Set(['n4', 'n5', 'n6', 'n7', 'e0']));
    expect(touched.filter((id) => id === 'n4')).toHaveLength(2); // gains a and b
    expect(touched.filter((id) => id === 'e0')).toHaveLength(1);

    // Asked again for the same, nothing is touched.
    touched.length = 0;
    setClasses(cy, cy.elements(), CLASSES, wanted);
    expect(touched).toEqual([]);
    // Nothing wanted: only the elements that had one of the classes are touched.
    setClasses(cy, cy.elements(), CLASSES, () => 0);
    expect(cy.elements('.a, .b, .c')).toHaveLength(0);
    expect(new Set(touched)).toEqual(new Set(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'e0']));
  });
});
