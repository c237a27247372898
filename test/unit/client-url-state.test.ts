import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  decodeView,
  encodeView,
  fromSaved,
  savedFromHash,
  shareUrl,
  toSaved,
  type SavedView,
} from '../../client/src/state/url-state.js';
import { emptyView, type View } from '../../client/src/state/view.js';

const key = (id: string): string => JSON.stringify(['Person', 'id', `p-${id}`]);

/** A View of three nodes (one pinned, one hidden), two relationships (one hidden) and every setting. */
const view: View = {
  ...emptyView(),
  nodes: {
    a: { x: 120, y: -36 },
    b: { x: -80, y: 44, pinned: true },
    c: { x: 10, y: 10 },
  },
  edges: {
    r1: { source: 'a', target: 'b', type: 'KNOWS' },
    r2: { source: 'b', target: 'c', type: 'TRACKED' },
  },
  hidden: ['c', 'r1'],
  hiddenLabels: ['Claim'],
  hiddenTypes: ['ABOUT', 'CITES'],
  time: { from: '2022-06-01', to: '2022-10-31' },
  timeProperty: 'released',
  selected: ['a', 'r2'],
  layout: 'concentric',
  theme: 'dark',
  edgeLabels: false,
  disagreements: true,
  query: "MATCH (o:Outlet {name: 'Forbes'})<-[r]-(n) RETURN o, r, n // 100% + ünïcode",
  viewport: { zoom: 1.235, pan: { x: 301, y: -20 } },
  analysis: {
    propertyFilters: [
      { kind: 'range', label: 'Crime', property: 'date', min: '2017-08-01', max: '2017-08-31' },
      { kind: 'values', label: 'Crime', property: 'type', values: ['Burglary', 'Drugs'] },
    ],
    evidence: { hidden: ['single-source', 'disputed'], sizeBySources: true },
    grouping: {
      by: 'property',
      property: 'type',
      expanded: ['Crime|Drugs'],
      positions: { 'Crime|Burglary': { x: 4, y: -9 } },
    },
    structure: { sizeBy: 'pagerank', colourByCommunity: true },
  },
};

describe('View ↔ URL', () => {
  it('round-trips every field of a View through a link, nodes named by stable key', () => {
    const saved = toSaved(view, key);
    const decoded = decodeView(encodeView(saved));
    expect(decoded).toEqual({ ...saved, view: { ...saved.view, selected: [key('a')] } });
    // Reopened against a graph whose element ids all changed (a reload): same picture.
    const ids = new Map(['a', 'b', 'c'].map((id) => [key(id), `new-${id}`] as const));
    const edges = {
      'new-r1': { source: 'new-a', target: 'new-b', type: 'KNOWS' },
      'new-r2': { source: 'new-b', target: 'new-c', type: 'TRACKED' },
    };
    const { view: back, missing } = fromSaved(decoded as SavedView, ids, edges);
    expect(missing).toEqual([]);
    expect(back).toEqual({
      ...view,
      nodes: { 'new-a': view.nodes['a'], 'new-b': view.nodes['b'], 'new-c': view.nodes['c'] },
      edges,
      hidden: ['new-c', 'new-r1'],
      selected: ['new-a'],
    });
  });

  it('rounds positions, zoom and pan, and round-trips the empty View to defaults', () => {
    const odd: View = {
      ...emptyView(),
      nodes: { a: { x: 1.4, y: -2.6 } },
      viewport: { zoom: 1.23456, pan: { x: 0.6, y: 0 } },
    };
    const back = decodeView(encodeView(toSaved(odd, (id) => id)));
    expect(back?.view.nodes).toEqual({ a: { x: 1, y: -3 } });
    expect(back?.view.viewport).toEqual({ zoom: 1.235, pan: { x: 1, y: 0 } });
    expect(decodeView(encodeView(toSaved(emptyView(), key)))).toEqual({
      view: emptyView(),
      hiddenEdges: [],
    });
  });

  it('reports the keys that name no node any more, and drops what hung off them', () => {
    const saved = decodeView(encodeView(toSaved(view, key))) as SavedView;
    const ids = new Map([[key('a'), 'x-a']]);
    const { view: back, missing } = fromSaved(saved, ids, {});
    expect(missing.sort()).toEqual([key('b'), key('c')].sort());
    expect(Object.keys(back.nodes)).toEqual(['x-a']);
    expect(back.hidden).toEqual([]);
  });

  it('opens links of version 1, which named nodes by element id (still a valid key)', () => {
    const v1 = compressToEncodedURIComponent(
      JSON.stringify({ v: 1, n: [['4:x:1', 5, 6, 1]], hl: ['Claim'], s: '4:x:1', l: 'grid' }),
    );
    const back = decodeView(v1);
    expect(back?.view.nodes).toEqual({ '4:x:1': { x: 5, y: 6, pinned: true } });
    expect(back?.view.selected).toEqual(['4:x:1']);
    expect(back?.view.layout).toBe('grid');
    expect(back?.view.hiddenLabels).toEqual(['Claim']);
  });

  it('produces a fragment that survives URL parsing unchanged (no characters a browser rewrites)', () => {
    const url = shareUrl('http://localhost:4000/?x=1#old', toSaved(view, key));
    const parsed = new URL(url);
    expect(parsed.search).toBe('?x=1');
    expect(savedFromHash(parsed.hash)?.view.query).toBe(view.query);
    expect(url).toMatch(/#view=[A-Za-z0-9+\-$]+$/);
  });

  it('keeps a 200-node view short enough for a link', () => {
    const nodes = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`n${i}`, { x: i * 13, y: i * -7 }] as const),
    );
    const big = toSaved({ ...emptyView(), nodes }, (id) =>
      JSON.stringify(['Person', 'id', `person-${id}`]),
    );
    expect(encodeView(big).length).toBeLessThan(4000);
  });

  it('rejects broken or foreign fragments instead of throwing, and ignores an unknown layout', () => {
    expect(decodeView('not-a-view')).toBeNull();
    expect(decodeView('')).toBeNull();
    expect(savedFromHash('#something=else')).toBeNull();
    expect(savedFromHash('')).toBeNull();
    const encoded = encodeView(toSaved({ ...view, layout: 'nonsense' as never }, key));
    expect(decodeView(encoded)?.view.layout).toBe('fcose');
  });
});
