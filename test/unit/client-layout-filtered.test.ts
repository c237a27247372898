import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { definitions } from '../../client/src/graph/draw-elements.js';
import { runLayout } from '../../client/src/graph/layouts.js';
import { applyViewClasses } from '../../client/src/graph/view-classes.js';
import { computePicture } from '../../client/src/state/picture.js';
import type { View } from '../../client/src/state/view.js';
import { chain } from '../fixtures/client-chain.js';

/**
 * A layout run right after a filter changes (the same task as the draw, as main.ts does after a
 * layout command) takes only the elements the filter keeps. Cytoscape restyles lazily: once an
 * element's `visible()` has been read (a fit, an earlier layout), `:visible` answers from that
 * cache until the next frame, so a layout that selected by `:visible` moved the nodes a filter had
 * just hidden, and left gaps where they had been.
 */
describe('a layout right after a filter', () => {
  it('moves only the nodes the filter keeps', async () => {
    const { cache, view: base } = chain(40, {
      nodeSources: () => 1,
      edgeSources: () => 1,
      edgeProperties: () => ({}),
    });
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: '.f-hidden', style: { display: 'none' } }],
    });
    const plan = computePicture(base, cache, []).plan;
    cy.add(definitions(cache, base, plan.nodes, plan.edges, { labelPriority: [], markNew: false }));
    cy.nodes().forEach((n, i) => void n.position({ x: i * 10, y: 0 }));
    // What a fit or an earlier layout reads: every node's visibility, now cached.
    expect(cy.nodes().filter((n) => n.visible()).length).toBe(cy.nodes().length);

    const view: View = { ...base, hiddenLabels: ['Company'] };
    cy.batch(() => applyViewClasses(cy, computePicture(view, cache, []), view, cache));
    const hidden = cy.nodes('.f-hidden');
    expect(hidden.length).toBeGreaterThan(0);
    const before = new Map(hidden.map((n) => [n.id(), { ...n.position() }]));

    await runLayout(cy, 'grid', [], true);

    for (const n of hidden) expect(n.position(), n.id()).toEqual(before.get(n.id()));
    // The kept nodes were laid out: off the line they were put on.
    const moved = cy.nodes().filter((n) => !n.hasClass('f-hidden') && n.position().y !== 0);
    expect(moved.length).toBeGreaterThan(0);
  });
});
