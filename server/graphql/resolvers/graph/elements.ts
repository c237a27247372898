import { nodeCaption } from '../../../graph/caption.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { loadersOf } from '../../loaders.js';

/** Node and edge fields: captions by rule, degree from the statement, per-type degree batched. */
export const elementResolvers: Resolvers = {
  GraphNode: {
    caption: (node, _args, { config }) => nodeCaption(node, config.captionKeys),
    // Every statement computes degree when the query selects it (see selection.ts).
    degree: (node) => node.degree ?? 0,
    degreeByType: (node, _args, ctx) => loadersOf(ctx).degreesByType.load(node.id),
  },
  GraphEdge: {
    source: (edge) => edge.start,
    target: (edge) => edge.end,
    caption: (edge) => edge.type,
  },
};
