import type { Command } from '../command.js';
import type { View, ViewNode } from '../view.js';

type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;

function withPositions(view: View, positions: Positions): View {
  let changed = false;
  const nodes: Record<string, ViewNode> = { ...view.nodes };
  for (const [id, p] of Object.entries(positions)) {
    const n = nodes[id];
    if (!n || (n.x === p.x && n.y === p.y)) continue;
    nodes[id] = { ...n, x: p.x, y: p.y };
    changed = true;
  }
  return changed ? { ...view, nodes } : view;
}

/** The user dragged nodes: an undoable step. */
export const moveNodes: Command<Positions> = {
  name: 'move nodes',
  record: true,
  perform: withPositions,
};

/**
 * Where a layout (or the placement of new nodes) put nodes once it stopped: part of the step that
 * started it (an expansion, a layout), so not a step of its own.
 */
export const settlePositions: Command<Positions> = {
  name: 'settle positions',
  record: false,
  perform: withPositions,
};
