import type { Resolvers } from '../generated/resolvers.js';
import { aboutResolvers } from './about.js';
import { graphResolvers } from './graph/index.js';
import { jsonScalar } from './json-scalar.js';

/** Every resolver map; makeExecutableSchema refuses any that has no field in the SDL. */
export const resolvers: Resolvers[] = [{ JSON: jsonScalar }, aboutResolvers, ...graphResolvers];
