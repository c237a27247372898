import type { Core, NodeCollection, NodeSingular, Position } from 'cytoscape';
import { geoOf, projectToBox } from './geo-projection.js';

/** Projected places this far apart on average still leave room for a node and its caption. */
const SPACING = 120;

/**
 * The first half of the coordinates layout: puts every node with a latitude and longitude (and
 * not pinned) at its projected place, and each other node near its placed neighbours, so that
 * fCoSE, with the placed nodes fixed, only has to arrange the rest around them. Returns the nodes
 * to keep fixed; empty when no node has coordinates (then it is a plain fCoSE).
 */
export function placeByCoordinates(
  cy: Core,
  nodes: NodeCollection,
  box: { width: number; height: number },
): { id: string; position: Position }[] {
  const geo = nodes
    .filter((n) => !n.locked())
    .toArray()
    .flatMap((n) => {
      const g = geoOf((n.data('props') as Record<string, unknown> | undefined) ?? {});
      return g ? [{ id: n.id(), ...g }] : [];
    });
  if (!geo.length) return [];
  // The box grows with the number of places, so a city of hundreds of addresses is not a blot.
  const grow = Math.max(1, (Math.sqrt(geo.length) * SPACING) / Math.min(box.width, box.height));
  const placed = projectToBox(geo, { width: box.width * grow, height: box.height * grow });
  cy.batch(() => {
    for (const [id, p] of placed) cy.getElementById(id).position(p);
    nodes
      .filter((n) => !placed.has(n.id()) && !n.locked())
      .forEach((n: NodeSingular, i) => {
        const near = n.neighborhood('node').filter((m) => placed.has(m.id()));
        const at = near.nonempty()
          ? mean(near.map((m) => (m as NodeSingular).position()))
          : { x: 0, y: 0 };
        // A little spread (golden angle), so fCoSE starts with the free nodes apart.
        const a = i * 2.39996;
        const r = 30 + 6 * Math.sqrt(i);
        n.position({ x: at.x + r * Math.cos(a), y: at.y + r * Math.sin(a) });
      });
  });
  return [...placed].map(([id, p]) => ({ id, position: p }));
}

function mean(ps: readonly Position[]): Position {
  return {
    x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
    y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
  };
}

/**
 * The second half: fCoSE keeps fixed nodes fixed relative to one another but may shift the whole
 * drawing, so the places are put back exactly and the rest shifted with them.
 */
export function holdPlaces(cy: Core, fixed: readonly { id: string; position: Position }[]): void {
  const moved = fixed.flatMap((f) => {
    const n = cy.getElementById(f.id);
    return n.nonempty()
      ? [{ x: n.position().x - f.position.x, y: n.position().y - f.position.y }]
      : [];
  });
  if (!moved.length) return;
  const d = mean(moved);
  const held = new Set(fixed.map((f) => f.id));
  cy.batch(() => {
    for (const f of fixed) cy.getElementById(f.id).position({ ...f.position });
    cy.nodes()
      .filter((n) => !held.has(n.id()) && !n.locked())
      .forEach((n) => {
        n.position({ x: n.position().x - d.x, y: n.position().y - d.y });
      });
  });
}
