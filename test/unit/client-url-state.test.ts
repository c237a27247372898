import { describe, expect, it } from 'vitest';
import {
  decodeViewState,
  encodeViewState,
  shareUrl,
  viewFromHash,
} from '../../client/src/state/url-state.js';
import { emptyViewState, type ViewState } from '../../client/src/state/view-state.js';

const view: ViewState = {
  ...emptyViewState(),
  nodes: [
    { id: '4:0b8e2c6a-1f7e-4b7d-9c55-3f0a1f6f2d10:12', x: 120.4, y: -35.6 },
    { id: '4:0b8e2c6a-1f7e-4b7d-9c55-3f0a1f6f2d10:7', x: -80, y: 44, pinned: true },
  ],
  hiddenEdges: ['5:0b8e2c6a:3'],
  hiddenLabels: ['Claim'],
  hiddenTypes: ['ABOUT', 'CITES'],
  time: { from: '2022-06-01', to: '2022-10-31' },
  layout: 'concentric',
  theme: 'dark',
  edgeLabels: false,
  disagreements: true,
  query: "MATCH (o:Outlet {name: 'Forbes'})<-[r]-(n) RETURN o, r, n // 100% + ünïcode",
  selected: '4:0b8e2c6a-1f7e-4b7d-9c55-3f0a1f6f2d10:12',
  zoom: 1.23456,
  pan: { x: 300.7, y: -20.2 },
};

describe('URL state', () => {
  it('round-trips every field of a view, with positions and pan rounded to whole pixels', () => {
    const back = decodeViewState(encodeViewState(view));
    expect(back).toEqual({
      ...view,
      nodes: [
        { id: view.nodes[0]?.id, x: 120, y: -36 },
        { id: view.nodes[1]?.id, x: -80, y: 44, pinned: true },
      ],
      zoom: 1.235,
      pan: { x: 301, y: -20 },
    });
  });

  it('round-trips the empty view to defaults', () => {
    expect(decodeViewState(encodeViewState(emptyViewState()))).toEqual(emptyViewState());
  });

  it('produces a fragment that survives URL parsing unchanged (no characters a browser rewrites)', () => {
    const url = shareUrl('http://localhost:4000/?x=1#old', view);
    const parsed = new URL(url);
    expect(parsed.search).toBe('?x=1');
    expect(viewFromHash(parsed.hash)?.query).toBe(view.query);
    expect(url).toMatch(/#view=[A-Za-z0-9+\-$]+$/);
  });

  it('keeps a 200-node view short enough for a link (compression of the repeated id prefix)', () => {
    const big: ViewState = {
      ...emptyViewState(),
      nodes: Array.from({ length: 200 }, (_, i) => ({
        id: `4:0b8e2c6a-1f7e-4b7d-9c55-3f0a1f6f2d10:${i}`,
        x: i * 13,
        y: i * -7,
      })),
    };
    expect(encodeViewState(big).length).toBeLessThan(4000);
  });

  it('rejects broken or foreign fragments instead of throwing', () => {
    expect(decodeViewState('not-a-view')).toBeNull();
    expect(decodeViewState('')).toBeNull();
    expect(viewFromHash('#something=else')).toBeNull();
    expect(viewFromHash('')).toBeNull();
  });

  it('ignores an unknown layout name and falls back to the default', () => {
    const encoded = encodeViewState({ ...view, layout: 'nonsense' as never });
    expect(decodeViewState(encoded)?.layout).toBe('fcose');
  });
});
