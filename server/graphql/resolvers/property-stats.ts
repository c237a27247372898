import { cachedPropertyStats } from '../../graph/property-stats.js';
import type { Resolvers } from '../generated/resolvers.js';

export const propertyStatsResolvers: Resolvers = {
  Query: {
    propertyStats: (_parent, args, { db }) =>
      cachedPropertyStats(db, args.label, {
        properties: args.properties,
        bins: args.bins ?? 30,
        values: args.values ?? 20,
      }),
  },
};
