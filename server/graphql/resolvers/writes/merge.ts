import { forgetLiveSchema } from '../../../graph/live-schema.js';
import { mergeNodes, unmergeNodes } from '../../../writes/merge.js';
import { runWrite } from '../../../writes/run-write.js';
import type { Resolvers } from '../../generated/resolvers.js';

/**
 * merge and unmerge: one write transaction each (runWrite). A merge retracts the merged node, so
 * the cached live schema is dropped as after a retraction.
 */
export const mergeResolvers: Resolvers = {
  Mutation: {
    merge: async (_p, { idempotencyKey, ...input }, ctx) => {
      const result = await runWrite(ctx, { operation: 'merge', idempotencyKey, input }, (scope) =>
        mergeNodes(scope, input),
      );
      forgetLiveSchema(ctx.db);
      return result;
    },
    unmerge: async (_p, { idempotencyKey, ...input }, ctx) => {
      const result = await runWrite(ctx, { operation: 'unmerge', idempotencyKey, input }, (scope) =>
        unmergeNodes(scope, input),
      );
      forgetLiveSchema(ctx.db);
      return result;
    },
  },
};
