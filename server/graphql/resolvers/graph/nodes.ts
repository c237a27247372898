import { encodeCursor, findNode, findNodes } from '../../../graph/find-nodes.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { selects } from './selection.js';

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id, includeRetracted }, { db }, info) =>
      findNode(db, id, selects(info, 'degree'), includeRetracted, selects(info, 'sourceCount')),
    nodes: async (_parent, args, { db }, info) => {
      const page = await findNodes(db, {
        ...args,
        first: args.first ?? 25,
        withDegree: selects(info, 'nodes', 'degree') || selects(info, 'edges', 'node', 'degree'),
        withSources:
          selects(info, 'nodes', 'sourceCount') || selects(info, 'edges', 'node', 'sourceCount'),
      });
      const edges = page.nodes.map((node, i) => ({ node, cursor: encodeCursor(page.offset + i) }));
      return {
        totalCount: page.totalCount,
        edges,
        nodes: page.nodes,
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: page.offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
      };
    },
  },
};
