import type { Resolvers } from '../generated/resolvers.js';

/** `me`: the request's actor, resolved from its token by the app's context (no statement). */
export const meResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, { actor }) => ({ name: actor.name, role: actor.role }),
  },
};
