import { findCentral } from '../../../graph/find-central.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selectsSourceCount } from './selection.js';

/** The first picture of a graph: its most connected nodes and their relationships, one statement. */
export const centralResolvers: Resolvers = {
  Query: {
    centralSubgraph: async (_parent, { first, includeRetracted }, { db }, info) => ({
      ...(await findCentral(db, first ?? 30, includeRetracted, selectsSourceCount(info))),
      missing: [],
    }),
  },
};
