import type { Resolvers } from '../../generated/resolvers.js';
import { centralResolvers } from './central.js';
import { elementResolvers } from './elements.js';
import { keyResolvers } from './keys.js';
import { neighbourhoodResolvers } from './neighbourhood.js';
import { nodeResolvers } from './nodes.js';
import { pathResolvers } from './paths.js';
import { schemaResolvers } from './schema.js';
import { searchResolvers } from './search.js';

/** The generic graph API (graph.graphql). */
export const graphResolvers: Resolvers[] = [
  elementResolvers,
  schemaResolvers,
  nodeResolvers,
  searchResolvers,
  neighbourhoodResolvers,
  pathResolvers,
  keyResolvers,
  centralResolvers,
];
