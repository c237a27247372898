import { quoteRange, sourcesOf, stringProp } from '../../../graph/story-model.js';
import { isRetracted, userProperties } from '../../../graph/visibility.js';
import type { Resolvers } from '../../generated/resolvers.js';
import { loadersOf } from '../../loaders.js';

/** Relation and Source: provenance of each relationship, resolved against the articles in batches. */
export const relationResolvers: Resolvers = {
  Relation: {
    id: (r) => stringProp(r.properties, 'id') ?? r.edgeId,
    edgeId: (r) => r.edgeId,
    type: (r) => r.type,
    direction: (r) => r.direction,
    other: (r) => r.other,
    sources: (r) => sourcesOf(r.properties),
    disputed: (r) => r.properties['disputed'] === true,
    disagreement: (r, _args, ctx) => {
      const id = stringProp(r.properties, 'disagreement');
      return id ? loadersOf(ctx).entity.load(id) : null;
    },
    inferred: (r) => r.properties['inferred'] === true,
    claimedBy: (r, _args, ctx) => {
      const id = stringProp(r.properties, 'claimedBy');
      return id ? loadersOf(ctx).entity.load(id) : null;
    },
    note: (r) => stringProp(r.properties, 'note'),
    properties: (r) => userProperties(r.properties),
    retracted: (r) => isRetracted(r.properties),
  },
  Source: {
    articleId: (s) => s.articleId,
    quote: (s) => s.quote,
    article: async (s, _args, ctx) => {
      const a = await loadersOf(ctx).entity.load(s.articleId);
      return a?.kind === 'Article' ? a : null;
    },
    title: async (s, _args, ctx) => {
      const a = await loadersOf(ctx).entity.load(s.articleId);
      return a ? (stringProp(a.properties, 'title') ?? stringProp(a.properties, 'name')) : null;
    },
    start: async (s, _args, ctx) => {
      const a = await loadersOf(ctx).entity.load(s.articleId);
      return quoteRange(a ? (stringProp(a.properties, 'text') ?? undefined) : undefined, s.quote)
        .start;
    },
    end: async (s, _args, ctx) => {
      const a = await loadersOf(ctx).entity.load(s.articleId);
      return quoteRange(a ? (stringProp(a.properties, 'text') ?? undefined) : undefined, s.quote)
        .end;
    },
  },
};
