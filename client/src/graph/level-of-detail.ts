import type { AggregateEdge } from '../grouping/groups.js';

/**
 * Level of detail for very large pictures (issue 16 item 6). Cytoscape pays per element for style,
 * bounds and drawing, so 125,000 elements take seconds per redraw on a CPU whatever the renderer
 * options. Above a threshold the explorer therefore hands Cytoscape a plan, not the picture: the
 * real nodes (and their relationships) near the middle of the viewport, and one aggregate node
 * per cell of a grid for everything else, with cells that grow with their distance from the
 * viewport (a quadtree), so the number of elements stays within a budget at any zoom. Pure: no
 * Cytoscape, no DOM; the View is untouched.
 */

/**
 * Above this many elements (nodes and relationships of the drawing) a picture is simplified. High,
 * because the timeline, the structure panel, layouts and exports read what Cytoscape holds: a
 * simplified picture gives them only the drawn part. Below it everything is drawn, at a cost
 * (a full redraw of 25,000 elements takes seconds on a CPU) but with every panel whole.
 */
export const LOD_THRESHOLD = 25_000;
/** Most elements a simplified picture hands to Cytoscape (aggregates included). */
export const LOD_BUDGET = 6_000;
/** The side of a cell of the finest grid, in screen pixels at the zoom the plan is made for. */
export const CELL_PX = 100;
/**
 * A cell is drawn in detail only when it holds at most this many nodes: more in 100 px square is a
 * blot, not a picture, and the budget is better spent on area.
 */
export const MAX_DETAIL_CELL_NODES = 80;
/** Aggregate node ids carry this prefix, so nothing mistakes them for element ids of the database. */
export const LOD_PREFIX = 'lod:';
const LINK_PREFIX = 'lod-link:';

export function isLodId(id: string): boolean {
  return id.startsWith(LOD_PREFIX) || id.startsWith(LINK_PREFIX);
}

/** The nodes and relationships of a drawing, indexed by position once per View. */
export interface LodIndex {
  readonly ids: readonly string[];
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly edgeIds: readonly string[];
  readonly edgeSource: Int32Array;
  readonly edgeTarget: Int32Array;
  /** Relationships per node (what drawing the node in detail may cost). */
  readonly degree: Int32Array;
  readonly bounds: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * The index of `nodes` at `position` (nodes without one are left out) and of `edges` between them.
 */
export function indexDrawing(
  nodes: readonly string[],
  edges: readonly { id: string; source: string; target: string }[],
  position: (id: string) => { x: number; y: number } | undefined,
): LodIndex {
  const ids: string[] = [];
  const xs: number[] = [];
  const ys: number[] = [];
  for (const id of nodes) {
    const p = position(id);
    if (!p || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    ids.push(id);
    xs.push(p.x);
    ys.push(p.y);
  }
  const at = new Map(ids.map((id, i) => [id, i]));
  const edgeIds: string[] = [];
  const src: number[] = [];
  const tgt: number[] = [];
  const degree = new Int32Array(ids.length);
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (s === undefined || t === undefined) continue;
    edgeIds.push(e.id);
    src.push(s);
    tgt.push(t);
    degree[s]!++;
    if (t !== s) degree[t]!++;
  }
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    x1 = Math.min(x1, xs[i]!);
    y1 = Math.min(y1, ys[i]!);
    x2 = Math.max(x2, xs[i]!);
    y2 = Math.max(y2, ys[i]!);
  }
  return {
    ids,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    edgeIds,
    edgeSource: Int32Array.from(src),
    edgeTarget: Int32Array.from(tgt),
    degree,
    bounds: ids.length ? { x1, y1, x2, y2 } : { x1: 0, y1: 0, x2: 0, y2: 0 },
  };
}

/** What is on screen, in model coordinates, and the zoom. */
export interface LodViewport {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly zoom: number;
}

/** One aggregate node: the nodes of a cell not drawn in detail. */
export interface LodCell {
  readonly id: string;
  /** Where it stands: the centre of its members. */
  readonly x: number;
  readonly y: number;
  readonly count: number;
  /** The cell, in model coordinates: double-click zooms to it. */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Its diameter and caption size in model units (steady on screen at the plan's zoom). */
  readonly size: number;
  readonly fontSize: number;
  readonly caption: string;
}

/**
 * The relationships between two drawn ends with at least one an aggregate, counted: the same shape
 * as grouping's counted edge, so both kinds of aggregate are drawn from one definition.
 */
export type LodLink = AggregateEdge;

export interface LodPlan {
  /** Real nodes drawn. */
  readonly nodes: readonly string[];
  /** Real relationships drawn (both ends drawn). */
  readonly edges: readonly string[];
  readonly cells: readonly LodCell[];
  readonly links: readonly LodLink[];
  /** Elements of the whole drawing (what would be drawn without simplification). */
  readonly total: number;
  /** One screen pixel in model units at the plan's zoom (aggregates keep their size on screen). */
  readonly unit: number;
}

export interface LodOptions {
  readonly budget?: number;
  /** Nodes always drawn in detail: the selected and the pinned ones. */
  readonly keep?: ReadonlySet<string>;
  /** Share of the viewport's width and height added on each side for detail, so a short pan finds it drawn. */
  readonly margin?: number;
}

interface Leaf {
  readonly x0: number;
  readonly y0: number;
  readonly size: number;
  readonly members: number[];
  /** A cell of the finest grid touching the viewport and its margin: may be drawn in detail. */
  readonly fine: boolean;
}

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * The plan for drawing `index` at `viewport`: detail near the middle of the view as far as the
 * budget goes, aggregates elsewhere. Cells of the finest grid are CELL_PX on screen; a cell is
 * split while it is closer to the viewport than its own size, so cells double in size with each
 * ring away from it and the far-out parts of a huge picture are a few dozen aggregates.
 */
export function planLevelOfDetail(
  index: LodIndex,
  viewport: LodViewport,
  options: LodOptions = {},
): LodPlan {
  const budget = options.budget ?? LOD_BUDGET;
  const keep = options.keep ?? new Set<string>();
  const margin = options.margin ?? 0.25;
  const total = index.ids.length + index.edgeIds.length;
  const zoom = viewport.zoom > 0 ? viewport.zoom : 1;
  const s = CELL_PX / zoom;
  const mx = (viewport.x2 - viewport.x1) * margin;
  const my = (viewport.y2 - viewport.y1) * margin;
  const region = {
    x1: viewport.x1 - mx,
    y1: viewport.y1 - my,
    x2: viewport.x2 + mx,
    y2: viewport.y2 + my,
  };
  const leaves = quadtreeLeaves(index, s, region);

  // Nodes in detail: the kept ones, then whole fine cells nearest the middle of the view while
  // their nodes and relationships (counted in full, an upper bound) fit what the aggregates leave.
  const real = new Uint8Array(index.ids.length);
  let used = 0;
  for (let i = 0; i < index.ids.length; i++) {
    if (keep.has(index.ids[i]!)) {
      real[i] = 1;
      used += 1 + index.degree[i]!;
    }
  }
  const cx = (viewport.x1 + viewport.x2) / 2;
  const cy = (viewport.y1 + viewport.y2) / 2;
  const candidates = leaves
    .filter((l) => l.fine && l.members.length <= MAX_DETAIL_CELL_NODES)
    .map((l) => ({ l, d: Math.hypot(l.x0 + l.size / 2 - cx, l.y0 + l.size / 2 - cy) }))
    .sort((a, b) => a.d - b.d);
  // Room for an aggregate per leaf and about one counted link per leaf.
  const detailBudget = budget - 2 * leaves.length;
  const detailed = new Set<Leaf>();
  for (const { l } of candidates) {
    let cost = 0;
    for (const m of l.members) if (!real[m]) cost += 1 + index.degree[m]!;
    if (used + cost > detailBudget) break;
    used += cost;
    detailed.add(l);
    for (const m of l.members) real[m] = 1;
  }

  // Aggregates: the members of every other leaf not drawn in detail.
  const endOf = new Int32Array(index.ids.length).fill(-1);
  const cells: LodCell[] = [];
  for (const l of leaves) {
    if (detailed.has(l)) continue;
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (const m of l.members) {
      if (real[m]) continue;
      n++;
      sx += index.xs[m]!;
      sy += index.ys[m]!;
      endOf[m] = cells.length;
    }
    if (!n) continue;
    const px = Math.min(CELL_PX * 0.8, 18 + 14 * Math.log10(n + 1));
    cells.push({
      id: `${LOD_PREFIX}${round(l.size)}:${round(l.x0)}:${round(l.y0)}`,
      x: sx / n,
      y: sy / n,
      count: n,
      x1: l.x0,
      y1: l.y0,
      x2: l.x0 + l.size,
      y2: l.y0 + l.size,
      size: px / zoom,
      fontSize: 11 / zoom,
      caption: `${numberFormat.format(n)} ${n === 1 ? 'node' : 'nodes'}`,
    });
  }

  // Relationships: real between real ends; otherwise counted per pair of ends, strongest first,
  // as many as the budget leaves.
  const nodes = index.ids.filter((_, i) => real[i]);
  const edges: string[] = [];
  // Ends as numbers (a node's index, or the node count plus a cell's), pairs keyed by number:
  // 75,000 relationships per re-plan, and string keys made this the plan's slowest part.
  const n = index.ids.length;
  const ends = n + cells.length;
  const pairs = new Map<number, number>();
  for (let k = 0; k < index.edgeIds.length; k++) {
    const si = index.edgeSource[k]!;
    const ti = index.edgeTarget[k]!;
    if (real[si] && real[ti]) {
      edges.push(index.edgeIds[k]!);
      continue;
    }
    const a = real[si] ? si : n + endOf[si]!;
    const b = real[ti] ? ti : n + endOf[ti]!;
    if (a === b) continue;
    const key = a < b ? a * ends + b : b * ends + a;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  }
  const endId = (e: number): string => (e < n ? index.ids[e]! : cells[e - n]!.id);
  // Capped at a few per aggregate: on a graph of random long edges nearly every pair of cells is
  // linked once, and thousands of faint lines say less than the strongest few.
  const room = Math.min(
    4 * cells.length,
    Math.max(0, budget - nodes.length - edges.length - cells.length),
  );
  const links = [...pairs.entries()]
    .sort((x, y) => y[1] - x[1] || x[0] - y[0])
    .slice(0, room)
    .map(([key, count]) => {
      const source = endId(Math.floor(key / ends));
      const target = endId(key % ends);
      return { id: `${LINK_PREFIX}${source}|${target}`, source, target, count };
    });
  return { nodes, edges, cells, links, total, unit: 1 / zoom };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The leaves of a quadtree over the nodes, aligned to a grid of cells of side `s` (so a pan at the
 * same zoom keeps the same cells), with every node in exactly one leaf. A cell is split while it
 * is nearer the region than its own side. Each node walks down from the root by arithmetic alone
 * (a dozen levels at most): no allocation per node, which matters at 50,000 of them per re-plan.
 */
function quadtreeLeaves(
  index: LodIndex,
  s: number,
  region: { x1: number; y1: number; x2: number; y2: number },
): Leaf[] {
  const { bounds, xs, ys } = index;
  const span = Math.max(bounds.x2 - bounds.x1, bounds.y2 - bounds.y1, s);
  const levels = Math.ceil(Math.log2(span / s)) + 1;
  // Aligned to multiples of its own size, the root may not reach the far bounds: double it.
  const half = s * 2 ** levels;
  const rootX = Math.floor(bounds.x1 / half) * half;
  const rootY = Math.floor(bounds.y1 / half) * half;
  const side = 2 ** (levels + 1);
  const leafOf = new Map<number, Leaf & { members: number[] }>();
  const leaves: (Leaf & { members: number[] })[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    let size = 2 * half;
    let cx = rootX;
    let cy = rootY;
    let depth = 0;
    for (;;) {
      const dx = Math.max(region.x1 - (cx + size), 0, cx - region.x2);
      const dy = Math.max(region.y1 - (cy + size), 0, cy - region.y2);
      const atFloor = size <= s * 1.0001;
      if (atFloor || dx * dx + dy * dy >= size * size) {
        const key =
          (depth * side + Math.round((cx - rootX) / size)) * side + Math.round((cy - rootY) / size);
        let leaf = leafOf.get(key);
        if (!leaf) {
          leaf = { x0: cx, y0: cy, size, members: [], fine: atFloor && dx === 0 && dy === 0 };
          leafOf.set(key, leaf);
          leaves.push(leaf);
        }
        leaf.members.push(i);
        break;
      }
      size /= 2;
      depth++;
      if (x >= cx + size) cx += size;
      if (y >= cy + size) cy += size;
    }
  }
  return leaves;
}
