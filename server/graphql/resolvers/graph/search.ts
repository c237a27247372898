import { search } from '../../../graph/search.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selects } from './selection.js';

export const searchResolvers: Resolvers = {
  Query: {
    search: (_parent, args, { db, config }, info) =>
      search(db, {
        text: args.text,
        labels: args.labels,
        first: args.first ?? 10,
        captionKeys: config.captionKeys,
        withDegree: selects(info, 'hits', 'node', 'degree'),
        withSources: selects(info, 'hits', 'node', 'sourceCount'),
        includeRetracted: args.includeRetracted,
      }),
  },
};
