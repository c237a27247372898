import { nodeCaption } from '../../../graph/caption.js';
import { isRetracted, shownProperties } from '../../../graph/visibility.js';
import type { Resolvers } from '../../generated/resolvers.js';
import type { GraphQLContext } from '../../context.js';
import { loadersOf } from '../../loaders.js';

/**
 * An element's sourceCount: the one its statement computed when the query selected it (the read
 * statements do, see selection.ts), else 0 without a `sources` property (no statement, so a graph
 * whose facts cite nothing pays nothing), else batched per level by the loader (write results).
 */
function sourceCountOf(
  kind: 'node' | 'edge',
  el: { id: string; properties: Record<string, unknown>; sourceCount?: number | null },
  ctx: GraphQLContext,
): number | Promise<number> {
  if (typeof el.sourceCount === 'number') return el.sourceCount;
  return el.properties['sources'] == null
    ? 0
    : loadersOf(ctx).sourceCount.load({ kind, id: el.id });
}

/** Node and edge fields: captions by rule, degree from the statement, per-type degree batched. */
export const elementResolvers: Resolvers = {
  GraphNode: {
    caption: (node, _args, { config }) => nodeCaption(node, config.captionKeys),
    // Every statement computes degree when the query selects it (see selection.ts).
    degree: (node) => node.degree ?? 0,
    degreeByType: (node, _args, ctx) => loadersOf(ctx).degreesByType.load(node.id),
    properties: (node, { bookkeeping }) =>
      bookkeeping === true ? node.properties : shownProperties(node.properties),
    retracted: (node) => isRetracted(node.properties),
    sourceCount: (node, _args, ctx) => sourceCountOf('node', node, ctx),
  },
  GraphEdge: {
    source: (edge) => edge.start,
    target: (edge) => edge.end,
    caption: (edge) => edge.type,
    properties: (edge, { bookkeeping }) =>
      bookkeeping === true ? edge.properties : shownProperties(edge.properties),
    retracted: (edge) => isRetracted(edge.properties),
    sourceCount: (edge, _args, ctx) => sourceCountOf('edge', edge, ctx),
  },
};
