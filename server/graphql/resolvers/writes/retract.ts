import { forgetLiveSchema } from '../../../graph/live-schema.js';
import { setRetracted } from '../../../writes/retract.js';
import { runWrite } from '../../../writes/run-write.js';
import type { Resolvers } from '../../generated/resolvers.js';

/**
 * retract and restore: one write transaction each (runWrite). The cached live schema is dropped
 * afterwards, so the next read knows at once that something is retracted (see visibility.ts).
 */
export const retractResolvers: Resolvers = {
  Mutation: {
    retract: async (_p, { idempotencyKey, ...input }, ctx) => {
      const result = await runWrite(ctx, { operation: 'retract', idempotencyKey, input }, (scope) =>
        setRetracted(scope, input, true),
      );
      forgetLiveSchema(ctx.db);
      return result;
    },
    restore: async (_p, { idempotencyKey, ...input }, ctx) => {
      const result = await runWrite(ctx, { operation: 'restore', idempotencyKey, input }, (scope) =>
        setRetracted(scope, input, false),
      );
      forgetLiveSchema(ctx.db);
      return result;
    },
  },
};
