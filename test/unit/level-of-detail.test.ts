import { describe, expect, it } from 'vitest';
import {
  indexDrawing,
  LOD_BUDGET,
  MAX_DETAIL_CELL_NODES,
  planLevelOfDetail,
  type LodPlan,
} from '../../client/src/graph/level-of-detail.js';

/** A grid of side × side nodes 40 apart, each linked to its right and lower neighbour. */
function grid(side: number) {
  const nodes: string[] = [];
  const at = new Map<string, { x: number; y: number }>();
  const edges: { id: string; source: string; target: string }[] = [];
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const id = `n${r}-${c}`;
      nodes.push(id);
      at.set(id, { x: c * 40, y: r * 40 });
      if (c > 0) edges.push({ id: `h${r}-${c}`, source: `n${r}-${c - 1}`, target: id });
      if (r > 0) edges.push({ id: `v${r}-${c}`, source: `n${r - 1}-${c}`, target: id });
    }
  }
  return { nodes, edges, index: indexDrawing(nodes, edges, (id) => at.get(id)) };
}

// 40,000 nodes and 79,600 relationships: a picture far over the budget.
const big = grid(200);

const elements = (p: LodPlan): number =>
  p.nodes.length + p.edges.length + p.cells.length + p.links.length;

/** Every node is drawn once: in detail or counted by exactly one aggregate. */
const accounted = (p: LodPlan): number => p.nodes.length + p.cells.reduce((s, c) => s + c.count, 0);

describe('level of detail', () => {
  it('draws a whole huge picture seen from afar as aggregates within the budget, every node counted once', () => {
    // The whole 8,000 × 8,000 grid on a 1,280 × 800 screen: zoom 0.1.
    const p = planLevelOfDetail(big.index, { x1: -2400, y1: 0, x2: 10400, y2: 8000, zoom: 0.1 });
    expect(p.total).toBe(40_000 + 79_600);
    expect(elements(p)).toBeLessThanOrEqual(LOD_BUDGET);
    expect(p.nodes).toEqual([]);
    expect(accounted(p)).toBe(40_000);
    expect(p.cells.length).toBeGreaterThan(20);
    expect(p.cells[0]!.caption).toMatch(/^[\d,]+ nodes$/);
    expect(p.links.length).toBeGreaterThan(0);
    expect(p.links.every((l) => l.count >= 1 && l.source !== l.target)).toBe(true);
  });

  it('draws the nodes in a zoomed-in viewport in detail with their relationships, and the far-out parts as a few aggregates', () => {
    // A 640 × 400 window at zoom 2 around (4000, 4000): about 16 × 10 grid nodes.
    const view = { x1: 3840, y1: 3900, x2: 4160, y2: 4100, zoom: 2 };
    const p = planLevelOfDetail(big.index, view);
    expect(elements(p)).toBeLessThanOrEqual(LOD_BUDGET);
    expect(accounted(p)).toBe(40_000);
    const drawn = new Set(p.nodes);
    const inView = big.nodes.filter((id) => {
      const [r, c] = id.slice(1).split('-').map(Number) as [number, number];
      return c * 40 >= view.x1 && c * 40 <= view.x2 && r * 40 >= view.y1 && r * 40 <= view.y2;
    });
    expect(inView.length).toBe(45);
    expect(inView.filter((id) => !drawn.has(id))).toEqual([]);
    // Relationships between drawn nodes are drawn, none with an end left out.
    expect(p.edges).toContain('h100-100');
    const endsDrawn = big.edges
      .filter((e) => p.edges.includes(e.id))
      .every((e) => drawn.has(e.source) && drawn.has(e.target));
    expect(endsDrawn).toBe(true);
    // The other 39,000-odd nodes: cells doubling with distance, so tens, not thousands.
    expect(p.cells.length).toBeLessThan(300);
    expect(Math.max(...p.cells.map((c) => c.count))).toBeGreaterThan(1_000);
  });

  it('keeps a selected node far outside the viewport drawn in detail', () => {
    const view = { x1: 3840, y1: 3900, x2: 4160, y2: 4100, zoom: 2 };
    const p = planLevelOfDetail(big.index, view, { keep: new Set(['n0-0', 'n199-199']) });
    expect(p.nodes).toContain('n0-0');
    expect(p.nodes).toContain('n199-199');
    expect(accounted(p)).toBe(40_000);
  });

  it('leaves a cell denser than the detail limit aggregated even inside the viewport', () => {
    const nodes = Array.from({ length: MAX_DETAIL_CELL_NODES + 1 }, (_, i) => `d${i}`);
    const index = indexDrawing(nodes, [], () => ({ x: 10, y: 10 }));
    const p = planLevelOfDetail(index, { x1: 0, y1: 0, x2: 100, y2: 100, zoom: 1 });
    expect(p.nodes).toEqual([]);
    expect(p.cells).toHaveLength(1);
    expect(p.cells[0]).toMatchObject({ count: MAX_DETAIL_CELL_NODES + 1, x: 10, y: 10 });
  });

  it('keeps the ids of far-out aggregates across a short pan at the same zoom, so little is redrawn', () => {
    const a = planLevelOfDetail(big.index, { x1: 3840, y1: 3900, x2: 4160, y2: 4100, zoom: 2 });
    const b = planLevelOfDetail(big.index, { x1: 3900, y1: 3900, x2: 4220, y2: 4100, zoom: 2 });
    const before = new Set(a.cells.map((c) => c.id));
    const kept = b.cells.filter((c) => before.has(c.id)).length;
    expect(kept / b.cells.length).toBeGreaterThan(0.5);
  });
});

describe('level of detail: aggregates on the canvas', () => {
  it('draws aggregates in the dark theme with light text on a dark fill, and never selectable', async () => {
    const { lodDefinitions, lodStylesheet } =
      await import('../../client/src/graph/level-of-detail-elements.js');
    const style = (theme: 'light' | 'dark'): Record<string, unknown> =>
      ((
        lodStylesheet(theme).find((r) => r.selector === 'node.lod') as
          { style: Record<string, unknown> } | undefined
      )?.style ?? {}) as Record<string, unknown>;
    const dark = style('dark');
    const light = style('light');
    const luminance = (hex: unknown): number => {
      const v = parseInt(String(hex).slice(1), 16);
      return ((v >> 16) & 255) * 0.299 + ((v >> 8) & 255) * 0.587 + (v & 255) * 0.114;
    };
    expect(luminance(dark['background-color'])).toBeLessThan(80);
    expect(luminance(dark['color'])).toBeGreaterThan(180);
    expect(luminance(light['background-color'])).toBeGreaterThan(180);
    expect(luminance(light['color'])).toBeLessThan(80);

    const p = planLevelOfDetail(big.index, { x1: -2400, y1: 0, x2: 10400, y2: 8000, zoom: 0.1 });
    const defs = lodDefinitions(p, () => false);
    expect(defs).toHaveLength(p.cells.length + p.links.length);
    expect(defs.every((d) => d.selectable === false)).toBe(true);
    expect(defs.filter((d) => d.group === 'nodes').every((d) => d.grabbable === false)).toBe(true);
  });
});
