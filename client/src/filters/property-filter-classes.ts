import type { Core } from 'cytoscape';
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
 * value to test, and hiding it would hide the members it stands for. Pure.
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

/**
 * Sets `p-hidden` on every drawn node the View's property filters leave out and on the
 * relationships that touch one (hidden by the stylesheet like `f-hidden`), so the status line and
 * exports, which leave out the filter classes, count and export only what stays; clears it on the
 * rest. `propertiesOf` reads a node's properties (the GraphCache). Call inside cy.batch.
 */
export function applyPropertyFilterClasses(
  cy: Core,
  filters: readonly PropertyFilter[],
  propertiesOf: (id: string) => Readonly<Record<string, unknown>> | undefined,
): void {
  if (filters.length === 0) {
    cy.elements('.p-hidden').removeClass('p-hidden');
    return;
  }
  const nodes = cy.nodes().map((n) => ({
    id: n.id(),
    labels: (n.data('labels') as string[] | undefined) ?? [],
    properties: propertiesOf(n.id()),
  }));
  const hidden = propertyFilteredIds(nodes, filters);
  cy.nodes().forEach((n) => {
    n.toggleClass('p-hidden', hidden.has(n.id()));
  });
  cy.edges().forEach((e) => {
    e.toggleClass('p-hidden', hidden.has(e.source().id()) || hidden.has(e.target().id()));
  });
}
