import { cachedSchemaOverview } from '../../../graph/schema-overview.js';
import type { Resolvers } from '../../generated/resolvers.js';

export const schemaResolvers: Resolvers = {
  Query: {
    schema: (_parent, _args, { db, config }) => cachedSchemaOverview(db, config.captionKeys),
  },
};
