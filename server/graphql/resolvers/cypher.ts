import { runConsole } from '../../cypher/run-console.js';
import type { Resolvers } from '../generated/resolvers.js';
import { selects } from './graph/selection.js';

/** The Cypher console (cypher.graphql): one statement, or a script of several. */
export const cypherResolvers: Resolvers = {
  Query: {
    cypher: async (_parent, args, { db, config, logger }, info) => {
      const [outcome] = await runConsole(
        {
          text: args.query,
          params: args.params,
          mode: args.mode ?? 'RUN',
          allowScript: false,
          wantDegree: selects(info, 'graph', 'nodes', 'degree'),
        },
        { db, limits: config.cypher, logger },
      );
      if (!outcome) throw new Error('the console returned no result for one statement');
      return outcome;
    },
    cypherScript: async (_parent, args, { db, config, logger }, info) => {
      const started = Date.now();
      const statements = await runConsole(
        {
          text: args.script,
          params: args.params,
          mode: args.mode ?? 'RUN',
          allowScript: true,
          wantDegree: selects(info, 'statements', 'graph', 'nodes', 'degree'),
        },
        { db, limits: config.cypher, logger },
      );
      return { statements, elapsedMs: Date.now() - started };
    },
  },
};
