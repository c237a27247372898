import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { readDegreesByType, type TypeDegree } from '../graph/degree-by-type.js';
import type { GraphQLContext } from './context.js';

/** Per-request batchers: every field of one nesting level that needs them costs one statement. */
export interface Loaders {
  readonly degreesByType: DataLoader<string, TypeDegree[]>;
}

function createLoaders(db: Database): Loaders {
  return {
    degreesByType: new DataLoader((ids) => readDegreesByType(db, ids)),
  };
}

const perRequest = new WeakMap<GraphQLContext, Loaders>();

/**
 * The loaders of the request that `ctx` belongs to. Yoga builds a fresh context object for every
 * request, so keying on it gives per-request caches without widening the shared context type.
 */
export function loadersOf(ctx: GraphQLContext): Loaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) perRequest.set(ctx, (loaders = createLoaders(ctx.db)));
  return loaders;
}
