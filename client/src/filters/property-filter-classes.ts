import type { PropertyFilter } from '../state/analysis.js';
import { nodePasses } from './property-filter.js';

/** What the class needs of a node: its labels and properties (undefined: not a database node). */
export interface FilterableNode {
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The ids of the nodes the property filters filter out. A node without properties of its own (a
 * group node standing for collapsed members, see grouping/) is never filtered out: it has no
 * value to test, and hiding it would hide the members it stands for. Pure: the picture
 * (state/picture.ts) calls it, and the canvas's `p-hidden` is set from the picture.
 */
export function propertyFilteredIds(
  nodes: Iterable<FilterableNode>,
  filters: readonly PropertyFilter[],
): Set<string> {
  const out = new Set<string>();
  if (filters.length === 0) return out;
  for (const n of nodes) {
    if (n.properties && !nodePasses(n.labels, n.properties, filters)) out.add(n.id);
  }
  return out;
}
