import { findNodesByKey, keyProperties, stableKeyOf } from '../../../graph/stable-keys.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selects } from './selection.js';

/** Stable keys: a node's name across reloads, and the lookup that reopens saved views by them. */
export const keyResolvers: Resolvers = {
  Query: {
    nodesByKey: (_parent, { keys }, { db }, info) =>
      findNodesByKey(db, keys, selects(info, 'found', 'node', 'degree')),
  },
  GraphNode: {
    stableKey: async (node, _args, { db }) => stableKeyOf(node, await keyProperties(db)),
  },
};
