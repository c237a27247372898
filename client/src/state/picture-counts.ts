import type { GraphCache } from './graph-cache.js';
import { BY_PROPERTY, type Picture } from './picture.js';

/**
 * How many nodes and relationships of a picture before its filters have each label and type, as a
 * fully drawn canvas holds them: a node with data in the cache has its own labels, a collapsed
 * group node the one label it is drawn as, and a node without data is not drawn; a relationship
 * with data has its type, a counted one between groups none. For the panels that count what is
 * "on screen" over the View's whole picture: above the level-of-detail threshold the canvas holds
 * only the part near the viewport (issue 16 item 6), and counts over it would change as the user
 * pans.
 */
export interface PictureCounts {
  /** Nodes of each label. */
  readonly labels: ReadonlyMap<string, number>;
  /** Of those, the ones the property filters keep (no `BY_PROPERTY`), whatever else hides them. */
  readonly keptByProperty: ReadonlyMap<string, number>;
  /** Relationships of each type. */
  readonly types: ReadonlyMap<string, number>;
}

const add = (counts: Map<string, number>, key: string): void => {
  counts.set(key, (counts.get(key) ?? 0) + 1);
};

function count(picture: Picture, cache: GraphCache): PictureCounts {
  const groups = new Map(picture.plan.groups.map((g) => [g.id, [g.label]]));
  const labels = new Map<string, number>();
  // Without a property filter every node is kept: the same counts.
  const byProperty = [...picture.filtered.values()].some((why) => why & BY_PROPERTY);
  const kept = byProperty ? new Map<string, number>() : labels;
  for (const id of picture.plan.nodes) {
    const of = cache.node(id)?.labels ?? groups.get(id) ?? [];
    for (const l of of) add(labels, l);
    if (byProperty && !((picture.filtered.get(id) ?? 0) & BY_PROPERTY)) {
      for (const l of of) add(kept, l);
    }
  }
  const types = new Map<string, number>();
  for (const id of picture.plan.edges) {
    const type = cache.edge(id)?.type;
    if (type !== undefined) add(types, type);
  }
  return { labels, keptByProperty: kept, types };
}

const memo = new WeakMap<Picture, { cache: GraphCache; version: number; counts: PictureCounts }>();

/**
 * The counts of a picture, once per picture and cached data: the schema panel and the property
 * filter panel both read them after every command, and most commands (a selection, the viewport)
 * keep the picture (`pictureOf` gives the same object), so a pass over 50,000 nodes is done once.
 */
export function pictureCounts(picture: Picture, cache: GraphCache): PictureCounts {
  const hit = memo.get(picture);
  if (hit && hit.cache === cache && hit.version === cache.version) return hit.counts;
  const counts = count(picture, cache);
  memo.set(picture, { cache, version: cache.version, counts });
  return counts;
}
