import type { GraphCache } from './graph-cache.js';
import type { Picture } from './picture.js';

/**
 * The nodes of a picture before its filters with their labels, as a fully drawn canvas holds
 * them: a node with data in the cache has its own labels, a collapsed group node the one label it
 * is drawn as, and a node without data is not drawn. For the panels that count what is "on screen"
 * over the View's whole picture: above the level-of-detail threshold the canvas holds only the part
 * near the viewport (issue 16 item 6), and counts over it would change as the user pans.
 */
export function* nodeLabels(
  picture: Picture,
  cache: GraphCache,
): Generator<{ readonly id: string; readonly labels: readonly string[] }> {
  const groups = new Map(picture.plan.groups.map((g) => [g.id, [g.label]]));
  for (const id of picture.plan.nodes) {
    const labels = cache.node(id)?.labels ?? groups.get(id);
    if (labels) yield { id, labels };
  }
}

/** How many nodes of the picture (as `nodeLabels` gives them) have each label. */
export function labelCounts(picture: Picture, cache: GraphCache): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { labels } of nodeLabels(picture, cache)) {
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return counts;
}

/**
 * How many relationships of the picture before its filters have each type: those with data in
 * the cache, as a fully drawn canvas holds them (a counted relationship between groups has none).
 */
export function typeCounts(picture: Picture, cache: GraphCache): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of picture.plan.edges) {
    const type = cache.edge(id)?.type;
    if (type !== undefined) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}
