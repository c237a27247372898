import cytoscape, { type Core } from 'cytoscape';
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countCategories, evidenceOf } from '../../client/src/evidence/evidence-categories.js';
import { mountEvidenceLegend } from '../../client/src/evidence/evidence-legend.js';
import type { ExplorerContext } from '../../client/src/graph/connect.js';
import { definitions } from '../../client/src/graph/draw-elements.js';
import type { GraphCache } from '../../client/src/state/graph-cache.js';
import { computePicture } from '../../client/src/state/picture.js';
import { Store } from '../../client/src/state/store.js';
import type { View } from '../../client/src/state/view.js';
import { chain as chainOf } from '../fixtures/client-chain.js';

/**
 * The evidence legend counts the View's whole picture, not the canvas: above the level-of-detail
 * threshold Cytoscape holds only the part near the viewport (issue 16 item 6), and the counts
 * must not change as the user pans. On a fully drawn canvas they are what the canvas holds.
 */

/**
 * 300 people, every third unsourced and the next single-sourced; of the relationships every other
 * one unsourced, the rest single-sourced, and one in ten disputed, another in ten inferred.
 */
function chain(): ReturnType<typeof chainOf> {
  return chainOf(300, {
    nodeSources: (i) => i % 3,
    edgeSources: (i) => (i % 2 === 0 ? 0 : 1),
    edgeProperties: (i) =>
      i % 10 === 3 ? { disputed: true } : i % 10 === 7 ? { inferred: true } : {},
  });
}

/** The whole picture's counts. */
const WHOLE = { 'single-source': 249, disputed: 30, inferred: 30, unsourced: 250 };

/** A headless canvas holding these nodes and relationships of the View (an aggregate too). */
function canvas(cache: GraphCache, view: View, nodes: string[], edges: string[]): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add(definitions(cache, view, nodes, edges, { labelPriority: [], markNew: false }));
  cy.add({ group: 'nodes', data: { id: 'lod-0', labels: [] }, classes: 'lod' });
  return cy;
}

/** Mounts the legend over this canvas and reads its counts once it has counted. */
async function legendCounts(cache: GraphCache, view: View, cy: Core): Promise<unknown> {
  const explorer = { cy, labelPriority: [], idle: () => Promise.resolve() };
  const ctx = { store: new Store(view), cache, explorer } as unknown as ExplorerContext;
  const root = document.createElement('div');
  mountEvidenceLegend(root, ctx);
  await new Promise((r) => setTimeout(r, 0));
  const read = (c: string): number =>
    Number(root.querySelector(`[data-testid="ev-count-${c}"]`)?.textContent);
  return {
    'single-source': read('single-source'),
    disputed: read('disputed'),
    inferred: read('inferred'),
    unsourced: read('unsourced'),
  };
}

/** What the legend counted before: every element on the canvas with data in the cache. */
function canvasCounts(cy: Core, cache: GraphCache): unknown {
  return countCategories(
    cy
      .elements()
      .map((el) => (el.isNode() ? cache.node(el.id()) : cache.edge(el.id())))
      .filter((f) => f !== undefined)
      .map((f) => evidenceOf(f)),
  );
}

describe('the evidence legend', () => {
  beforeEach(() => {
    vi.stubGlobal('document', parseHTML('<html><body></body></html>').document);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('counts what a fully drawn canvas holds, filtered facts included', async () => {
    const { cache, view: base } = chain();
    const view: View = { ...base, hiddenLabels: ['Company'] };
    const { nodes, edges } = computePicture(view, cache, []).plan;
    const cy = canvas(cache, view, [...nodes], [...edges]);
    const counts = await legendCounts(cache, view, cy);
    expect(counts).toEqual(canvasCounts(cy, cache));
    // 100 + 150 unsourced, 100 + 149 single-sourced.
    expect(counts).toEqual(WHOLE);
  });

  it('counts the whole picture when the canvas holds only part of it (a simplified picture)', async () => {
    const { cache, view } = chain();
    const nodes = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const edges = Array.from({ length: 29 }, (_, i) => `r${i}`);
    const cy = canvas(cache, view, nodes, edges);
    expect(canvasCounts(cy, cache)).toEqual({
      'single-source': 24,
      disputed: 3,
      inferred: 3,
      unsourced: 25,
    });
    expect(await legendCounts(cache, view, cy)).toEqual(WHOLE);
  });
});
