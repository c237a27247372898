import {
  STORY_KINDS,
  boolProp,
  intProp,
  sourcesOf,
  stringProp,
  type EntityModel,
  type RelationModel,
  type StoryKind,
} from '../../../graph/story-model.js';
import { isRetracted, userProperties } from '../../../graph/visibility.js';
import type { GraphQLContext } from '../../context.js';
import type { Direction, Resolvers } from '../../generated/resolvers.js';
import { loadersOf } from '../../loaders.js';
import { RELATION_FIELDS, SCALAR_FIELDS } from './relation-fields.js';
import { relationsWithRetracted } from './retracted-relations.js';

/**
 * The relationships of `e` of some types (all when empty) and one direction, via the per-request
 * loader; retracted ones only when asked.
 */
export async function relationsOfEntity(
  e: EntityModel,
  ctx: GraphQLContext,
  types: readonly string[] | null | undefined,
  direction: Direction,
  includeRetracted: boolean | null = false,
): Promise<RelationModel[]> {
  const all = await (includeRetracted === true
    ? relationsWithRetracted(ctx).load(e.nodeId)
    : loadersOf(ctx).relations.load(e.nodeId));
  return all.filter(
    (r) =>
      (!types || types.length === 0 || types.includes(r.type)) &&
      (direction === 'BOTH' || r.direction === direction),
  );
}

/** The story id of an element: its `id` property, else its element id. */
export function storyId(e: EntityModel): string {
  const id = e.properties['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : e.nodeId;
}

/** The fields every kind of entity shares (the Entity interface). */
const common = {
  id: (e: EntityModel) => storyId(e),
  nodeId: (e: EntityModel) => e.nodeId,
  kind: (e: EntityModel) => e.kind,
  name: (e: EntityModel) =>
    stringProp(e.properties, 'name') ?? stringProp(e.properties, 'title') ?? storyId(e),
  description: (e: EntityModel) => stringProp(e.properties, 'description'),
  sources: (e: EntityModel) => sourcesOf(e.properties),
  disputed: (e: EntityModel) => e.properties['disputed'] === true,
  disagreement: (e: EntityModel, _args: unknown, ctx: GraphQLContext) => {
    const id = stringProp(e.properties, 'disagreement');
    return id ? loadersOf(ctx).entity.load(id) : null;
  },
  relations: (
    e: EntityModel,
    args: {
      types?: readonly string[] | null;
      direction?: Direction | null;
      includeRetracted?: boolean | null;
    },
    ctx: GraphQLContext,
  ) => relationsOfEntity(e, ctx, args.types, args.direction ?? 'BOTH', args.includeRetracted),
  properties: (e: EntityModel) => userProperties(e.properties),
  retracted: (e: EntityModel) => isRetracted(e.properties),
};

const readers = { string: stringProp, int: intProp, bool: boolProp };

function kindResolvers(kind: StoryKind): Record<string, unknown> {
  const map: Record<string, unknown> = { ...common };
  for (const [field, [key, as]] of Object.entries(SCALAR_FIELDS[kind])) {
    map[field] = (e: EntityModel) => readers[as](e.properties, key);
  }
  for (const [field, [types, direction]] of Object.entries(RELATION_FIELDS[kind])) {
    map[field] = (e: EntityModel, _args: unknown, ctx: GraphQLContext) =>
      relationsOfEntity(e, ctx, types, direction);
  }
  return map;
}

/**
 * Person, Organization, … : the shared fields, each kind's typed properties, and its typed
 * relationship fields, all read through the per-request relations loader (one statement per
 * nesting level, whatever the number of entities or fields).
 */
export const entityResolvers: Resolvers = {
  Entity: { __resolveType: (e) => e.kind },
  ...(Object.fromEntries(STORY_KINDS.map((k) => [k, kindResolvers(k)])) as Resolvers),
  Disagreement: {
    ...(kindResolvers('Disagreement') as Resolvers['Disagreement']),
    claims: async (e, _args, ctx) =>
      (await relationsOfEntity(e, ctx, ['BETWEEN'], 'OUTGOING'))
        .map((r) => r.other)
        .filter((o) => o.kind === 'Claim'),
    disputedEntities: (e, _args, ctx) => loadersOf(ctx).disputed.load(storyId(e)),
  },
};
