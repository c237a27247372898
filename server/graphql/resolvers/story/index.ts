import type { Resolvers } from '../../generated/resolvers.js';
import { entityResolvers } from './entities.js';
import { storyQueryResolvers } from './queries.js';
import { relationResolvers } from './relations.js';

/** The typed story API (story.graphql). */
export const storyResolvers: Resolvers[] = [
  storyQueryResolvers,
  entityResolvers,
  relationResolvers,
];
