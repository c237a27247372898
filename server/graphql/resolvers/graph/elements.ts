import { nodeCaption } from '../../../graph/caption.js';
import { isRetracted, userProperties } from '../../../graph/visibility.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { loadersOf } from '../../loaders.js';

/** Node and edge fields: captions by rule, degree from the statement, per-type degree batched. */
export const elementResolvers: Resolvers = {
  GraphNode: {
    caption: (node, _args, { config }) => nodeCaption(node, config.captionKeys),
    // Every statement computes degree when the query selects it (see selection.ts).
    degree: (node) => node.degree ?? 0,
    degreeByType: (node, _args, ctx) => loadersOf(ctx).degreesByType.load(node.id),
    properties: (node, { bookkeeping }) =>
      bookkeeping === true ? node.properties : userProperties(node.properties),
    retracted: (node) => isRetracted(node.properties),
  },
  GraphEdge: {
    source: (edge) => edge.start,
    target: (edge) => edge.end,
    caption: (edge) => edge.type,
    properties: (edge, { bookkeeping }) =>
      bookkeeping === true ? edge.properties : userProperties(edge.properties),
    retracted: (edge) => isRetracted(edge.properties),
  },
};
