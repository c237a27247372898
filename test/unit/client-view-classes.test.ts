import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { definitions } from '../../client/src/graph/draw-elements.js';
import {
  applyViewClasses,
  FILTER_CLASSES,
  unfiltered,
} from '../../client/src/graph/view-classes.js';
import { computePicture, hiddenBy, shownElements } from '../../client/src/state/picture.js';
import type { View } from '../../client/src/state/view.js';
import { chain as chainOf } from '../fixtures/client-chain.js';

/**
 * The canvas's filter classes and the picture are one rule (state/picture.ts decides, view-classes
 * sets the classes from it): on a fully drawn canvas, what the classes leave visible is exactly
 * what the picture puts on screen, class by class, with every filter kind set at once.
 */

/** The chain with unsourced facts and undated relationships among the rest. */
function chain(n: number): ReturnType<typeof chainOf> {
  return chainOf(n, {
    nodeSources: (i) => (i % 7 === 3 ? 0 : 2),
    edgeSources: (i) => (i % 9 === 4 ? 0 : 2),
    edgeProperties: (i) => (i % 4 === 0 ? {} : { start: '2020-01-20' }),
  });
}

describe('the canvas filter classes', () => {
  it('are set from the picture: label, type, time, property and evidence filters at once', () => {
    const { cache, view: base } = chain(60);
    const view: View = {
      ...base,
      hiddenLabels: ['Company'],
      hiddenTypes: ['KNOWS'],
      time: { from: '2020-01-05', to: '2020-03-10' },
      analysis: {
        ...base.analysis,
        propertyFilters: [{ kind: 'range', label: 'Person', property: 'rank', min: 0, max: 50 }],
        evidence: { hidden: ['unsourced'], sizeBySources: false },
      },
    };
    const picture = computePicture(view, cache, []);
    const { nodes, edges } = picture.plan;
    const cy = cytoscape({ headless: true, styleEnabled: true });
    cy.add(definitions(cache, view, nodes, edges, { labelPriority: [], markNew: false }));
    // An aggregate of a simplified picture: not in the picture, so never filtered.
    cy.add({ group: 'nodes', data: { id: 'lod-0', labels: [] }, classes: 'lod' });
    cy.batch(() => applyViewClasses(cy, picture, view, cache));

    const classesOf = (id: string): string[] =>
      FILTER_CLASSES.filter(([, c]) => cy.getElementById(id).hasClass(c)).map(([, c]) => c);
    const reasonsOf = (id: string): string[] =>
      FILTER_CLASSES.filter(([bit]) => (hiddenBy(picture, id) & bit) !== 0).map(([, c]) => c);
    for (const id of [...nodes, ...edges]) expect(classesOf(id), id).toEqual(reasonsOf(id));
    expect(classesOf('lod-0')).toEqual([]);

    // What the classes leave (unfiltered: layouts, fit, the status line's and exports' visible())
    // is what the picture shows.
    const anyClass = FILTER_CLASSES.map(([, c]) => `.${c}`).join(', ');
    const visible = unfiltered(cy.elements()).not('.lod');
    const shown = shownElements(picture);
    expect(visible.nodes().map((n) => n.id())).toEqual(shown.nodes);
    expect(visible.edges().map((e) => e.id())).toEqual(shown.edges);

    // Every kind took part, and a relationship carries its ends' reasons.
    for (const [, c] of FILTER_CLASSES) expect(cy.elements(`.${c}`).length, c).toBeGreaterThan(0);
    expect(classesOf('p20')).toEqual(['f-hidden']);
    expect(classesOf('r19')).toEqual(['f-hidden']); // WORKS_FOR into the company p20
    expect(classesOf('p2')).toEqual(['t-hidden']); // dated before the window
    expect(classesOf('r1')).toEqual(['t-hidden']); // dated in the window, its end p1 is not
    expect(classesOf('p51')).toEqual(['p-hidden']);
    expect(classesOf('p17')).toEqual(['ev-hidden']); // unsourced
    expect(classesOf('r13')).toEqual(['ev-hidden']); // unsourced itself, its ends are kept
    expect(shown.nodes).toContain('p11');

    // Clearing the filters clears every class.
    const cleared = computePicture(base, cache, []);
    cy.batch(() => applyViewClasses(cy, cleared, base, cache));
    expect(cy.elements(anyClass).length).toBe(0);
  });
});
