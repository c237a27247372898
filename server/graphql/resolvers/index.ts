import type { Resolvers } from '../generated/resolvers.js';
import { aboutResolvers } from './about.js';
import { cypherResolvers } from './cypher.js';
import { graphResolvers } from './graph/index.js';
import { jsonScalar } from './json-scalar.js';
import { meResolvers } from './me.js';
import { mentionResolvers } from './mentions.js';
import { propertyStatsResolvers } from './property-stats.js';
import { storyResolvers } from './story/index.js';
import { caseResolvers } from './writes/cases.js';
import { writeResolvers } from './writes/index.js';
import { mergeResolvers } from './writes/merge.js';
import { retractResolvers } from './writes/retract.js';

/** Every resolver map; makeExecutableSchema refuses any that has no field in the SDL. */
export const resolvers: Resolvers[] = [
  { JSON: jsonScalar },
  aboutResolvers,
  cypherResolvers,
  meResolvers,
  mentionResolvers,
  propertyStatsResolvers,
  ...graphResolvers,
  ...storyResolvers,
  writeResolvers,
  retractResolvers,
  mergeResolvers,
  caseResolvers,
];
