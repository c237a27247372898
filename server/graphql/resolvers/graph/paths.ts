import { findPaths } from '../../../graph/find-paths.js';
import { findSubgraph } from '../../../graph/find-subgraph.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selects, selectsSourceCount } from './selection.js';

export const pathResolvers: Resolvers = {
  Query: {
    paths: (_parent, args, { db }, info) =>
      findPaths(db, {
        from: args.from,
        to: args.to,
        maxLength: args.maxLength ?? 6,
        types: args.types,
        direction: args.direction ?? 'BOTH',
        first: args.first ?? 100,
        withDegree: selects(info, 'nodes', 'degree'),
        withSources: selects(info, 'nodes', 'sourceCount'),
        includeRetracted: args.includeRetracted,
        minSources: args.minSources,
        excludeDisputed: args.excludeDisputed,
        longerBy: args.longerBy,
      }),
    subgraph: (_parent, { ids, includeRetracted }, { db }, info) =>
      findSubgraph(
        db,
        ids,
        selects(info, 'nodes', 'degree'),
        includeRetracted,
        selectsSourceCount(info),
      ),
  },
};
