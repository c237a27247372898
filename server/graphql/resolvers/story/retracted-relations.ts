import DataLoader from 'dataloader';
import type { RelationModel } from '../../../graph/story-model.js';
import { relationsOf } from '../../../graph/story-queries.js';
import type { GraphQLContext } from '../../context.js';

const perRequest = new WeakMap<GraphQLContext, DataLoader<string, RelationModel[]>>();

/**
 * Every relationship of a story entity, retracted ones included, by element id: the per-request
 * batcher behind `relations(includeRetracted: true)`, apart from the default one so that the two
 * never share a cached answer.
 */
export function relationsWithRetracted(ctx: GraphQLContext): DataLoader<string, RelationModel[]> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader((ids) => relationsOf(ctx.db, ids, true));
    perRequest.set(ctx, loader);
  }
  return loader;
}
