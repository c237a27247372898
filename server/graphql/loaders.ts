import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { readDegreesByType, type TypeDegree } from '../graph/degree-by-type.js';
import { readSourceCounts, type ElementKey } from '../graph/source-count.js';
import type { EntityModel, RelationModel } from '../graph/story-model.js';
import { disputedBy, entitiesById, relationsOf } from '../graph/story-queries.js';
import type { GraphQLContext } from './context.js';

/** Per-request batchers: every field of one nesting level that needs one costs one statement. */
export interface Loaders {
  /** Relationship counts per type and direction, by element id. */
  readonly degreesByType: DataLoader<string, TypeDegree[]>;
  /** Story entities by story id (articles included). */
  readonly entity: DataLoader<string, EntityModel | null>;
  /** Every relationship of a story entity, by element id. */
  readonly relations: DataLoader<string, RelationModel[]>;
  /** The entities a disagreement marks as disputed, by disagreement id. */
  readonly disputed: DataLoader<string, EntityModel[]>;
  /** Independent sources of nodes and relationships (one statement for both kinds). */
  readonly sourceCount: DataLoader<ElementKey, number, string>;
}

function createLoaders(db: Database): Loaders {
  return {
    degreesByType: new DataLoader((ids) => readDegreesByType(db, ids)),
    entity: new DataLoader((ids) => entitiesById(db, ids)),
    relations: new DataLoader((ids) => relationsOf(db, ids)),
    disputed: new DataLoader((ids) => disputedBy(db, ids)),
    sourceCount: new DataLoader((keys) => readSourceCounts(db, keys), {
      cacheKeyFn: (k) => `${k.kind}:${k.id}`,
    }),
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
