import { readSchemaOverview } from '../../../graph/schema-overview.js';
import type { Resolvers } from '../../generated/resolvers.js';

export const schemaResolvers: Resolvers = {
  Query: {
    schema: (_parent, _args, { db, config }) => readSchemaOverview(db, config.captionKeys),
  },
};
