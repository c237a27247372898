import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function childSelections(
  sets: readonly SelectionSetNode[],
  name: string,
  info: GraphQLResolveInfo,
): SelectionSetNode[] {
  const out: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode): void => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value === name && sel.selectionSet) out.push(sel.selectionSet);
        else if (sel.name.value === name) out.push({ kind: Kind.SELECTION_SET, selections: [] });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        visit(sel.selectionSet);
      } else {
        const fragment = info.fragments[sel.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return out;
}

/**
 * True when the query asks, below the current field, for the field at `path` (e.g.
 * ['nodes', 'degree']), through any fragments. Lets a statement skip work nobody reads.
 */
export function selects(info: GraphQLResolveInfo, ...path: string[]): boolean {
  let sets = info.fieldNodes.flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  for (const name of path) {
    sets = childSelections(sets, name, info);
    if (sets.length === 0) return false;
  }
  return true;
}

/**
 * True when the query asks for `sourceCount` of the nodes or edges below the current field (a
 * Subgraph or Neighbourhood), so the statement counts sources instead of a second round trip.
 */
export function selectsSourceCount(info: GraphQLResolveInfo): boolean {
  return selects(info, 'nodes', 'sourceCount') || selects(info, 'edges', 'sourceCount');
}
