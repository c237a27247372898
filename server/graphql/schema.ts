import { readdirSync, readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { fromRoot } from '../paths.js';
import { resolvers } from './resolvers/index.js';

export const schemaDir = fromRoot('server', 'graphql', 'schema');

/** The SDL contract: every .graphql file under server/graphql/schema, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${schemaDir}/${f}`, 'utf8'));
}

/** The executable schema; fails at start-up if a resolver names a field the SDL lacks. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers,
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
