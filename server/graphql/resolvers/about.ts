import type { Resolvers } from '../generated/resolvers.js';
import { version } from '../../version.js';

export const aboutResolvers: Resolvers = {
  Query: {
    about: async (_parent, _args, { db }) => {
      const [row] = await db.read(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      );
      return {
        version,
        neo4jVersion: String(row?.['version'] ?? 'unknown'),
        neo4jEdition: String(row?.['edition'] ?? 'unknown'),
        database: db.name,
      };
    },
  },
};
