import type { ExplorerContext } from '../graph/connect.js';
import { expandGroup } from '../state/commands/group-expand.js';
import { drawn } from '../state/view.js';
import { groupDrawing, type Group } from './groups.js';

/** Every group of the picture, collapsed or expanded, derived from the View and the cache. */
export function groupsOf({ store, cache, explorer }: ExplorerContext, view = store.view): Group[] {
  const g = view.analysis.grouping;
  if (!g) return [];
  const facts = (id: string) => cache.node(id);
  return [...groupDrawing(drawn(view), view.edges, g, facts, explorer.labelPriority).groups];
}

/** Expands the group a group node stands for (a double click on it). */
export function expandGroupNode(ctx: ExplorerContext, id: string): void {
  const group = groupsOf(ctx).find((g) => g.id === id);
  if (group) ctx.store.dispatch(expandGroup, { key: group.key, members: group.members });
}
