import type { Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { LayoutName } from '../state/view.js';
import { holdPlaces, placeByCoordinates } from './coordinates-layout.js';
import { loadDagre } from './cy-factory.js';
import { unfiltered } from './view-classes.js';

/** What the layout menu shows for each layout. */
export const LAYOUT_LABELS: Readonly<Record<LayoutName, string>> = {
  fcose: 'Force-directed (fCoSE)',
  concentric: 'Concentric by degree',
  dagre: 'Hierarchical (dagre)',
  breadthfirst: 'Breadth-first tree',
  grid: 'Grid',
  coordinates: 'Coordinates (latitude/longitude)',
};

/** Beyond this many nodes, layouts skip animation: it costs more than it explains. */
const ANIMATE_BELOW = 400;

/**
 * Cytoscape options for a named layout. `fixed` nodes keep their positions (fCoSE constraints),
 * which is how expanding keeps the picture the user already has.
 */
export function layoutOptions(
  name: LayoutName,
  nodeCount: number,
  fixed: readonly { id: string; position: Position }[] = [],
  fromScratch = false,
): LayoutOptions {
  // A picture laid out from nothing has no earlier positions to move from: animating it only
  // delays the first graph (by animationDuration) and explains nothing.
  const animate = nodeCount < ANIMATE_BELOW && !fromScratch;
  const common = { animate, animationDuration: 450, fit: fixed.length === 0, padding: 40 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: nodeCount > 1500 ? 'draft' : 'default',
        randomize: fixed.length === 0,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 130,
        nodeRepulsion: () => 16000,
        nodeSeparation: 90,
        fixedNodeConstraint: fixed.length
          ? fixed.map((f) => ({ nodeId: f.id, position: f.position }))
          : undefined,
      } as LayoutOptions;
    case 'coordinates':
      // Nodes with coordinates are placed and fixed first (runLayout); fCoSE arranges the rest
      // from where they were put, and the whole map is fitted to the screen.
      return Object.assign(layoutOptions('fcose', nodeCount, fixed, fromScratch), {
        fit: true,
        randomize: fixed.length === 0,
        // Packing would move whole components, places included, off the map.
        packComponents: false,
      });
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (n: NodeSingular) => Number(n.data('degree') ?? n.degree(false)),
        levelWidth: () => 3,
        minNodeSpacing: 28,
      } as LayoutOptions;
    case 'dagre':
      return {
        name: 'dagre',
        ...common,
        rankDir: 'LR',
        nodeSep: 30,
        rankSep: 110,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
      } as LayoutOptions;
    case 'grid':
      return {
        name: 'grid',
        ...common,
        avoidOverlap: true,
        avoidOverlapPadding: 40,
      } as LayoutOptions;
  }
}

/**
 * Positions for `count` new nodes around `parent`: on rings that grow outward, starting away
 * from the graph's centre so new nodes land on the free side of their parent.
 */
export function ringAround(
  parent: Position,
  count: number,
  centre: Position,
  radius = 130,
): Position[] {
  const away = Math.atan2(parent.y - centre.y, parent.x - centre.x);
  const out: Position[] = [];
  let placed = 0;
  let ring = 0;
  while (placed < count) {
    const r = radius + ring * 70;
    const capacity = Math.max(6, Math.floor((2 * Math.PI * r) / 70));
    const onRing = Math.min(capacity, count - placed);
    // A single ring spreads over a half-circle facing away from the centre; fuller rings go round.
    const spread = onRing <= capacity / 2 ? Math.PI : 2 * Math.PI;
    for (let i = 0; i < onRing; i++) {
      const a = away - spread / 2 + (spread * (i + 0.5)) / onRing;
      out.push({ x: parent.x + r * Math.cos(a), y: parent.y + r * Math.sin(a) });
    }
    placed += onRing;
    ring++;
  }
  return out;
}

/** Above this many new nodes, an expansion is drawn as a disc beside its parent. */
export const DISC_ABOVE = 12;

/**
 * Positions for many new nodes (a hub's members): a compact sunflower disc placed beside the
 * parent, on the side away from the drawing's centre, so the existing picture stays readable.
 */
export function discBeside(
  parent: Position,
  count: number,
  centre: Position,
  spacing = 46,
): Position[] {
  const dx = parent.x - centre.x;
  const dy = parent.y - centre.y;
  const len = Math.hypot(dx, dy) || 1;
  const radius = spacing * Math.sqrt(count);
  const at = { x: parent.x + (dx / len) * (radius + 90), y: parent.y + (dy / len) * (radius + 90) };
  const golden = Math.PI * (3 - Math.sqrt(5));
  return Array.from({ length: count }, (_, i) => {
    const r = spacing * Math.sqrt(i + 0.5);
    return { x: at.x + r * Math.cos(i * golden), y: at.y + r * Math.sin(i * golden) };
  });
}

/** Runs a layout over the whole graph and resolves when it stops. */
export async function runLayout(
  cy: Core,
  name: LayoutName,
  fixed: readonly { id: string; position: Position }[] = [],
  fromScratch = false,
): Promise<void> {
  if (name === 'dagre') await loadDagre();
  const visible = unfiltered(cy.elements());
  const keep =
    name === 'coordinates'
      ? [
          ...fixed,
          ...placeByCoordinates(cy, visible.nodes(), { width: cy.width(), height: cy.height() }),
        ]
      : fixed;
  const layout = visible.layout(layoutOptions(name, visible.nodes().length, keep, fromScratch));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await done;
  if (name === 'coordinates' && keep.length) {
    holdPlaces(cy, keep);
    cy.fit(visible, 40);
  }
}

/**
 * Lays out newly added nodes while the others keep their exact positions: fCoSE runs (without
 * animation) with the existing nodes as fixed constraints, any drift of the fixed nodes is
 * cancelled, and the new nodes then glide out from where they were put (next to their parent).
 */
export async function placeIncrementally(
  cy: Core,
  newNodes: NodeCollection,
  fixed: readonly { id: string; position: Position }[],
): Promise<void> {
  if (newNodes.empty()) return;
  const start = new Map(newNodes.map((n) => [n.id(), { ...n.position() }] as const));
  // Only the new nodes and their neighbours take part: the rest is fixed anyway, and fCoSE over
  // the whole picture is a long main-thread task on big graphs (seconds at a thousand nodes).
  const scope = unfiltered(newNodes.closedNeighborhood());
  const inScope = new Set(scope.nodes().map((n) => n.id()));
  const anchors = fixed.filter((f) => inScope.has(f.id));
  const options = {
    ...layoutOptions('fcose', scope.nodes().length, anchors),
    animate: false,
    fit: false,
    randomize: false,
  } as LayoutOptions;
  const layout = scope.layout(options);
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  await done;
  // fCoSE may translate the whole drawing; undo that so nothing the user placed moves.
  let dx = 0;
  let dy = 0;
  let counted = 0;
  for (const f of anchors) {
    const n = cy.getElementById(f.id);
    if (n.empty()) continue;
    dx += n.position().x - f.position.x;
    dy += n.position().y - f.position.y;
    counted++;
  }
  if (counted) {
    dx /= counted;
    dy /= counted;
  }
  cy.batch(() => {
    for (const f of anchors) cy.getElementById(f.id).position({ ...f.position });
  });
  newNodes.forEach((n) => {
    const end = { x: n.position().x - dx, y: n.position().y - dy };
    const from = start.get(n.id()) ?? end;
    n.position(from);
    n.animate({ position: end }, { duration: 400 });
  });
  await new Promise((r) => setTimeout(r, 420));
}
