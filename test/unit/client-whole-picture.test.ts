import { describe, expect, it } from 'vitest';
import { exportElements } from '../../client/src/export/export-elements.js';
import { layoutWholePicture } from '../../client/src/graph/level-of-detail-layout.js';
import {
  computePicture,
  onScreen,
  pictureOf,
  shownElements,
} from '../../client/src/state/picture.js';
import type { View } from '../../client/src/state/view.js';
import { chain as chainOf } from '../fixtures/client-chain.js';
import { visibleGraph } from '../../client/src/structure/structure-controller.js';
import { collectMarks } from '../../client/src/timeline/collect.js';

/**
 * Panels that see the whole picture (issue 16 item 6): the timeline, the structure panel, data
 * exports and the level-of-detail index read the View's picture, never the canvas, so a
 * simplified picture (Cytoscape holding a few thousand of 50,000 elements) gives them everything
 * its filters keep. No Cytoscape here at all: that is the point.
 */

/** The chain with every relationship dated 2021-06-01 and half the people unsourced. */
function chain(n: number): ReturnType<typeof chainOf> {
  return chainOf(n, {
    nodeSources: (i) => i % 2,
    edgeSources: () => 2,
    edgeProperties: () => ({ start: '2021-06-01' }),
  });
}

describe('the whole picture of a View', () => {
  it('keeps every element when nothing is filtered, drawn or not', () => {
    const { cache, view } = chain(50);
    const shown = shownElements(computePicture(view, cache, []));
    expect(shown.nodes).toHaveLength(50);
    expect(shown.edges).toHaveLength(49);
  });

  it('leaves out what label, type, property, evidence and hide filters leave out, and the relationships touching such a node', () => {
    const { cache, view } = chain(50);
    const filtered: View = {
      ...view,
      hidden: ['p1'],
      hiddenLabels: ['Company'],
      hiddenTypes: ['KNOWS'],
      analysis: {
        ...view.analysis,
        propertyFilters: [{ kind: 'range', label: 'Person', property: 'rank', min: 0, max: 40 }],
        evidence: { hidden: ['unsourced'], sizeBySources: false },
      },
    };
    const p = computePicture(filtered, cache, []);
    const shown = shownElements(p);
    // Kept: Person, rank ≤ 40, one source (odd i), not hidden.
    const expected = Array.from({ length: 50 }, (_, i) => i)
      .filter((i) => i % 10 !== 0 && i <= 40 && i % 2 === 1 && i !== 1)
      .map((i) => `p${i}`);
    expect(shown.nodes).toEqual(expected);
    // A chain of odd nodes has no relationship with both ends kept.
    expect(shown.edges).toEqual([]);
    expect(p.filtered.has('p41')).toBe(true);
    expect(p.filtered.has('r40')).toBe(true);
  });

  it('tells the time window apart from the other filters: out of time is off screen but still marked on the timeline', () => {
    const { cache, view } = chain(40);
    const windowed: View = { ...view, time: { from: '2020-01-01', to: '2020-01-10' } };
    const p = computePicture(windowed, cache, []);
    expect(shownElements(p).nodes).toEqual(Array.from({ length: 10 }, (_, i) => `p${i}`));
    // The relationships start in 2021: outside the window themselves.
    expect(onScreen(p, 'r0')).toBe(false);
    const marks = collectMarks(p, cache, windowed);
    expect(marks).toHaveLength(40 + 39);
    expect(marks.filter((m) => !m.out).map((m) => m.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `p${i}`),
    );
  });

  it('marks every dated element of the picture on the timeline, following filters, without any canvas', () => {
    const { cache, view } = chain(3_000);
    const all = collectMarks(pictureOf(view, cache, []), cache, view);
    expect(all).toHaveLength(3_000 + 2_999);
    const noCompanies: View = { ...view, hiddenLabels: ['Company'] };
    const marks = collectMarks(pictureOf(noCompanies, cache, []), cache, noCompanies);
    // 300 companies out, and the 599 relationships that touch one (none joins two).
    expect(marks).toHaveLength(2_700 + 2_999 - 599);
    expect(marks.some((m) => m.id === 'p10' || m.id === 'r9' || m.id === 'r10')).toBe(false);
  });

  it('gives the structure panel the nodes and relationships on screen with their ends', () => {
    const { cache, view } = chain(6);
    const input = visibleGraph(computePicture({ ...view, hiddenTypes: ['KNOWS'] }, cache, []));
    expect(input.nodes).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    // r0 is KNOWS (i % 5 === 0): left out.
    expect(input.edges).toEqual([
      ['p1', 'p2'],
      ['p2', 'p3'],
      ['p3', 'p4'],
      ['p4', 'p5'],
    ]);
  });

  it('measures a grouped picture by its group nodes and counted relationships', () => {
    const { cache, view } = chain(20);
    const grouped: View = {
      ...view,
      analysis: {
        ...view.analysis,
        grouping: { by: 'label', property: null, expanded: [], positions: {} },
      },
    };
    const p = computePicture(grouped, cache, ['Person', 'Company']);
    const shown = shownElements(p);
    expect(shown.nodes).toHaveLength(2);
    // Counted relationships between the two groups only (one per direction).
    const groups = new Set(shown.nodes);
    const edges = visibleGraph(p).edges;
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every(([s, t]) => groups.has(s) && groups.has(t))).toBe(true);
    // The label filter hides a group of that label, as it does on the canvas.
    const hiddenGroup = computePicture({ ...grouped, hiddenLabels: ['Company'] }, cache, [
      'Person',
      'Company',
    ]);
    expect(shownElements(hiddenGroup).nodes).toHaveLength(1);
    expect(shownElements(hiddenGroup).edges).toHaveLength(0);
  });

  it('is derived once per change of what it depends on: a selection reuses it, a filter or new data does not', () => {
    const { cache, view } = chain(10);
    const a = pictureOf(view, cache, []);
    expect(pictureOf({ ...view, selected: ['p1'] }, cache, [])).toBe(a);
    const filtered = pictureOf({ ...view, hiddenLabels: ['Company'] }, cache, []);
    expect(filtered).not.toBe(a);
    const b = pictureOf(view, cache, []);
    cache.put({ nodes: [], edges: [] });
    expect(pictureOf(view, cache, [])).not.toBe(b);
  });
});

describe('data exports of a simplified picture', () => {
  it('carry every element on screen: the drawn ones as Cytoscape has them, the rest built from the cache at their View position', () => {
    const { cache, view } = chain(100);
    const v: View = { ...view, hiddenLabels: ['Company'] };
    const drawn = new Set(['p1', 'p2', 'r1']);
    const out = exportElements(pictureOf(v, cache, []), v, cache, [], (id) =>
      drawn.has(id)
        ? {
            group: id.startsWith('p') ? 'nodes' : 'edges',
            data: { id, drawn: true, ...(id === 'r1' ? { source: 'p1', target: 'p2' } : {}) },
            position: id.startsWith('p') ? { x: -1, y: -1 } : undefined,
          }
        : undefined,
    );
    expect(out.nodes).toHaveLength(90);
    expect(out.edges).toHaveLength(99 - 19);
    expect(out.nodes.every((n) => !n.labels || !n.labels.includes('Company'))).toBe(true);
    expect(out.elements.filter((d) => (d.data as { drawn?: boolean }).drawn)).toHaveLength(3);
    // Nodes first, then relationships; undrawn ones at their View position.
    const firstEdge = out.elements.findIndex((d) => d.group === 'edges');
    expect(out.elements.slice(firstEdge).every((d) => d.group === 'edges')).toBe(true);
    expect(out.positions.get('p55')).toEqual({ x: 550, y: 0 });
    expect(out.positions.get('p1')).toEqual({ x: -1, y: -1 });
    expect(out.nodes.find((n) => n.id === 'p55')?.props['name']).toBe('P55');
  });
});

describe('layouts of a simplified picture', () => {
  it('place every node of the picture for a grid or rings by degree, and decline the simulations', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `n${i}`);
    const grid = layoutWholePicture('grid', ids, () => 0)!;
    expect(Object.keys(grid)).toHaveLength(50_000);
    expect(new Set(Object.values(grid).map((p) => `${p.x},${p.y}`)).size).toBe(50_000);
    const rings = layoutWholePicture('concentric', ids, (id) => (id === 'n777' ? 99 : 1))!;
    expect(rings['n777']).toEqual({ x: 0, y: 0 });
    expect(new Set(Object.values(rings).map((p) => `${p.x},${p.y}`)).size).toBe(50_000);
    for (const name of ['fcose', 'dagre', 'breadthfirst', 'coordinates'] as const) {
      expect(layoutWholePicture(name, ids, () => 0)).toBeNull();
    }
  });
});
