import { addCitations } from '../../../writes/add-citations.js';
import { addClaim } from '../../../writes/add-claim.js';
import { addDisagreement } from '../../../writes/add-disagreement.js';
import { addEntity } from '../../../writes/add-entity.js';
import { addRelationship } from '../../../writes/add-relationship.js';
import { addSource } from '../../../writes/add-source.js';
import { removeCitation } from '../../../writes/remove-citation.js';
import { findChanges, findHistory } from '../../../writes/history-queries.js';
import { setProperty } from '../../../writes/set-property.js';
import type { Resolvers } from '../../generated/resolvers.js';

/** Sourced writes and their history (writes.graphql): each field calls one function of server/writes. */
export const writeResolvers: Resolvers = {
  Mutation: {
    addSource: (_p, { input, idempotencyKey }, ctx) => addSource(ctx, input, idempotencyKey),
    addEntity: (_p, { input, idempotencyKey }, ctx) => addEntity(ctx, input, idempotencyKey),
    addRelationship: (_p, { input, idempotencyKey }, ctx) =>
      addRelationship(ctx, input, idempotencyKey),
    setProperty: (_p, { input, idempotencyKey }, ctx) => setProperty(ctx, input, idempotencyKey),
    addCitations: (_p, { input, idempotencyKey }, ctx) => addCitations(ctx, input, idempotencyKey),
    addClaim: (_p, { input, idempotencyKey }, ctx) => addClaim(ctx, input, idempotencyKey),
    addDisagreement: (_p, { input, idempotencyKey }, ctx) =>
      addDisagreement(ctx, input, idempotencyKey),
    removeCitation: (_p, { input, idempotencyKey }, ctx) =>
      removeCitation(ctx, input, idempotencyKey),
  },
  Query: {
    history: (_p, { id, first }, { db }) => findHistory(db, id, first ?? 100),
    changes: (_p, args, { db }) => findChanges(db, args),
  },
};
