import { readFileSync } from 'node:fs';
import { buildSchema, isListType, isNonNullType, isObjectType, type GraphQLType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { quoteRange, sourcesOf, STORY_KINDS, toRelation } from '../../server/graph/story-model.js';
import {
  RELATION_FIELDS,
  SCALAR_FIELDS,
} from '../../server/graphql/resolvers/story/relation-fields.js';
import { schemaDir } from '../../server/graphql/schema.js';

const sdl = ['base.graphql', 'graph.graphql', 'story.graphql']
  .map((f) => readFileSync(`${schemaDir}/${f}`, 'utf8'))
  .join('\n');
const schema = buildSchema(sdl);
const named = (t: GraphQLType): string =>
  isNonNullType(t) || isListType(t) ? named(t.ofType) : (t as { name: string }).name;

describe('the story model', () => {
  it('pairs sources with quotes index by index', () => {
    expect(sourcesOf({ sources: ['article-000', 'article-004'], quotes: ['one', 'two'] })).toEqual([
      { articleId: 'article-000', quote: 'one' },
      { articleId: 'article-004', quote: 'two' },
    ]);
    expect(sourcesOf({})).toEqual([]);
  });

  it('locates a quote in its article for highlighting', () => {
    expect(quoteRange('He said: fired.', 'fired')).toEqual({ start: 9, end: 14 });
    expect(quoteRange('text', 'absent')).toEqual({ start: null, end: null });
  });

  it('sees a relationship from either end', () => {
    const rel = { id: 'r', type: 'OWNS', start: 'a', end: 'b', properties: {} };
    const b = { id: 'b', labels: ['Organization'], properties: {} };
    expect(toRelation('a', rel, b)?.direction).toBe('OUTGOING');
    expect(toRelation('b', rel, { ...b, id: 'a' })?.direction).toBe('INCOMING');
    expect(toRelation('a', rel, { id: 'b', labels: ['Crime'], properties: {} })).toBeNull();
  });

  it('has a typed relationship field in the SDL for every table entry, and a table entry for every one in the SDL', () => {
    for (const kind of STORY_KINDS) {
      const type = schema.getType(kind);
      if (!isObjectType(type)) throw new Error(`${kind} is not an object type`);
      const relationFields = Object.values(type.getFields())
        .filter((f) => named(f.type) === 'Relation' && f.name !== 'relations')
        .map((f) => f.name)
        .sort();
      expect(relationFields, kind).toEqual(Object.keys(RELATION_FIELDS[kind]).sort());
      for (const field of Object.keys(SCALAR_FIELDS[kind])) {
        expect(type.getFields()[field], `${kind}.${field}`).toBeDefined();
      }
    }
  });

  it('describes every type and field of the API', () => {
    for (const type of Object.values(schema.getTypeMap())) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      expect(type.description, type.name).toBeTruthy();
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          expect(field.description, `${type.name}.${field.name}`).toBeTruthy();
        }
      }
    }
  });
});
