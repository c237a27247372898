import { findEntity, listEntities, listKind } from '../../../graph/story-queries.js';
import type { Resolvers } from '../../generated/resolvers.js';

/** The story's root fields: one statement each. */
export const storyQueryResolvers: Resolvers = {
  Query: {
    entity: (_p, { id, includeRetracted }, { db }) =>
      findEntity(db, id, undefined, includeRetracted),
    entities: (_p, { kinds, first, includeRetracted }, { db }) =>
      listEntities(db, kinds, first ?? 200, includeRetracted),
    people: (_p, _a, { db }) => listKind(db, 'Person'),
    organizations: (_p, _a, { db }) => listKind(db, 'Organization'),
    teams: (_p, _a, { db }) => listKind(db, 'Team'),
    outlets: (_p, _a, { db }) => listKind(db, 'Outlet'),
    articles: (_p, _a, { db }) => listKind(db, 'Article'),
    article: (_p, { id }, { db }) => findEntity(db, id, 'Article'),
    events: (_p, _a, { db }) => listKind(db, 'Event'),
    dataItems: (_p, _a, { db }) => listKind(db, 'Data'),
    claims: (_p, { kind }, { db }) => listKind(db, 'Claim', { claimKind: kind }),
    disagreements: (_p, _a, { db }) => listKind(db, 'Disagreement'),
  },
};
