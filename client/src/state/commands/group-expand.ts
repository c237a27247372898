import { centroid } from '../../grouping/groups.js';
import type { Command } from '../command.js';
import type { Grouping } from '../analysis.js';
import { toggled, type View, type ViewNode } from '../view.js';

function withGrouping(view: View, grouping: Grouping): View {
  return { ...view, analysis: { ...view.analysis, grouping } };
}

/**
 * Expands one group back into its members (the caller derives them: grouping/groups.ts). The
 * members move as one so that they stand around where the group node stood (a layout may have
 * put the group far from where they were), keeping their arrangement among themselves.
 */
export const expandGroup: Command<{ readonly key: string; readonly members: readonly string[] }> = {
  name: 'expand group',
  record: true,
  perform: (view, { key, members }) => {
    const grouping = view.analysis.grouping;
    if (!grouping || grouping.expanded.includes(key)) return view;
    const next = withGrouping(view, {
      ...grouping,
      expanded: toggled(grouping.expanded, key, true),
    });
    const at = grouping.positions[key];
    const placed = members.flatMap((id) => view.nodes[id] ?? []);
    if (!at || !placed.length) return next;
    const c = centroid(placed);
    const dx = at.x - c.x;
    const dy = at.y - c.y;
    const nodes: Record<string, ViewNode> = { ...view.nodes };
    for (const id of members) {
      const n = nodes[id];
      if (n && !n.pinned) nodes[id] = { ...n, x: Math.round(n.x + dx), y: Math.round(n.y + dy) };
    }
    return { ...next, nodes };
  },
};

/** Collapses an expanded group again into its group node. */
export const collapseGroup: Command<string> = {
  name: 'collapse group',
  record: true,
  perform: (view, key) => {
    const grouping = view.analysis.grouping;
    if (!grouping || !grouping.expanded.includes(key)) return view;
    return withGrouping(view, { ...grouping, expanded: toggled(grouping.expanded, key, false) });
  },
};
