import { findSourceMentions } from '../../graph/mentions.js';
import type { Resolvers } from '../generated/resolvers.js';

/** The reader's one field: cited passages and mentions of a source. */
export const mentionResolvers: Resolvers = {
  Query: {
    mentions: (_parent, { sourceId }, { db, config }) =>
      findSourceMentions(db, sourceId, config.captionKeys),
  },
};
