import { findCase, listCases, saveCase } from '../../../writes/cases.js';
import type { Resolvers } from '../../generated/resolvers.js';

/** Saved cases (cases.graphql): each field calls one function of server/writes/cases.ts. */
export const caseResolvers: Resolvers = {
  Mutation: {
    saveCase: (_p, { idempotencyKey, ...input }, ctx) => saveCase(ctx, input, idempotencyKey),
  },
  Query: {
    cases: (_p, { first }, { db }) => listCases(db, first ?? 100),
    case: (_p, { slug }, { db }) => findCase(db, slug),
  },
};
