import { findNeighbourhood } from '../../../graph/find-neighbourhood.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selects, selectsSourceCount } from './selection.js';

export const neighbourhoodResolvers: Resolvers = {
  Query: {
    neighbourhood: (_parent, args, { db }, info) =>
      findNeighbourhood(db, {
        ids: args.ids,
        depth: args.depth ?? 1,
        types: args.types,
        direction: args.direction ?? 'BOTH',
        labels: args.labels,
        limit: args.limit ?? 100,
        maxNodes: args.maxNodes ?? 2000,
        withDegree: selects(info, 'nodes', 'degree'),
        withSources: selectsSourceCount(info),
        includeRetracted: args.includeRetracted,
      }),
  },
};
