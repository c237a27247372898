import type { LayoutName } from '../state/view.js';

/**
 * Layouts of a simplified picture (above the level-of-detail threshold). Cytoscape holds only the
 * part near the viewport there, and running a layout on it would move the drawn nodes and the
 * aggregates against the undrawn rest. Placements that need no simulation — a grid, rings by
 * degree — are computed here for every node of the whole picture in one pass (milliseconds at
 * 50,000 nodes) and the plan is made again from them. A force-directed, hierarchical,
 * breadth-first or coordinates layout over 25,000+ nodes is seconds to minutes of main-thread work
 * (fCoSE is a simulation over every node; breadth-first took 52 s headless at 25,000 nodes on this
 * machine under load), so those are not run on a simplified picture: the user is told so.
 */

/** Space between neighbours, in model units (about a node and its caption at zoom 1). */
const SPACING = 80;

/** The layouts that place a whole simplified picture (the others return null). */
export function layoutsWholePicture(name: LayoutName): boolean {
  return name === 'grid' || name === 'concentric';
}

/**
 * Positions for every node of `nodes` by `name`, or null when that layout is not run on a
 * simplified picture. `degree` orders the rings of the concentric layout (highest in the middle).
 */
export function layoutWholePicture(
  name: LayoutName,
  nodes: readonly string[],
  degree: (id: string) => number,
): Record<string, { x: number; y: number }> | null {
  if (name === 'grid') return gridPositions(nodes);
  if (name === 'concentric') return ringPositions(nodes, degree);
  return null;
}

/** A square-ish grid in the picture's order, rows of ⌈√n⌉ nodes. */
function gridPositions(nodes: readonly string[]): Record<string, { x: number; y: number }> {
  const cols = Math.max(1, Math.ceil(Math.sqrt(nodes.length)));
  const out: Record<string, { x: number; y: number }> = {};
  nodes.forEach((id, i) => {
    out[id] = { x: (i % cols) * SPACING, y: Math.floor(i / cols) * SPACING };
  });
  return out;
}

/**
 * Rings around the most connected node: nodes by falling degree, each ring as full as its
 * circumference allows at SPACING, the next ring SPACING further out.
 */
function ringPositions(
  nodes: readonly string[],
  degree: (id: string) => number,
): Record<string, { x: number; y: number }> {
  const order = [...nodes].sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, { x: number; y: number }> = {};
  let placed = 0;
  let ring = 0;
  while (placed < order.length) {
    const r = ring * SPACING;
    const capacity = ring === 0 ? 1 : Math.floor((2 * Math.PI * r) / SPACING);
    const count = Math.min(capacity, order.length - placed);
    for (let i = 0; i < count; i++) {
      const a = (2 * Math.PI * i) / count;
      out[order[placed + i]!] = { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) };
    }
    placed += count;
    ring++;
  }
  return out;
}
