import { withGroupPositions } from '../../grouping/groups.js';
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
  // Group nodes (grouping/groups.ts) keep their place in the grouping, not among the nodes.
  const grouping = view.analysis.grouping;
  const groups = grouping && withGroupPositions(grouping, positions);
  const analysis = groups !== grouping ? { ...view.analysis, grouping: groups } : view.analysis;
  return changed || analysis !== view.analysis ? { ...view, nodes, analysis } : view;
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
