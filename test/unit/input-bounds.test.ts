import fc from 'fast-check';
import { GraphQLError, Kind, parseValue } from 'graphql';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toStatementParams } from '../../server/cypher/params.js';
import { MAX_VALUE_DEPTH, toJson } from '../../server/db/convert.js';
import {
  assertBoundedJson,
  DEFAULT_JSON_BOUNDS,
  measureJson,
} from '../../server/graphql/input-bounds.js';
import { jsonScalar } from '../../server/graphql/resolvers/json-scalar.js';

/** [[[ … value … ]]] with `levels` lists around it. */
function nested(levels: number, inner: unknown = 1): unknown {
  let v = inner;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/** The error a call throws, or undefined. */
function thrown(f: () => unknown): unknown {
  try {
    f();
    return undefined;
  } catch (err) {
    return err;
  }
}

const { maxDepth, maxValues } = DEFAULT_JSON_BOUNDS;

describe('measureJson walks a client value without recursion', () => {
  it('counts depth as levels of lists and maps, and every value', () => {
    expect(measureJson(1)).toEqual({ depth: 0, values: 1, exceeded: null });
    expect(measureJson([])).toEqual({ depth: 1, values: 1, exceeded: null });
    expect(measureJson({ a: [1, { b: 2 }] })).toEqual({ depth: 3, values: 5, exceeded: null });
  });

  it('stops at the first level past the limit, even 1,000,000 levels down', () => {
    expect(measureJson(nested(maxDepth))).toMatchObject({ exceeded: null, depth: maxDepth });
    expect(measureJson(nested(maxDepth + 1)).exceeded).toBe('depth');
    expect(measureJson(nested(1_000_000)).exceeded).toBe('depth');
    expect(measureJson(nested(maxDepth + 1, []), { maxDepth, maxValues }).exceeded).toBe('depth');
  });

  it('refuses a wide value before pushing its items', () => {
    expect(measureJson(new Array(maxValues).fill(0)).exceeded).toBe('values');
    expect(measureJson(new Array(maxValues - 1).fill(0)).exceeded).toBe(null);
  });
});

describe('assertBoundedJson answers BAD_USER_INPUT naming both limits', () => {
  it('for a value too deep', () => {
    const err = thrown(() => assertBoundedJson(nested(10_000), 'params')) as GraphQLError;
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      exceeded: 'depth',
      limit: { maxDepth, maxValues },
    });
    expect(err.message).toBe(
      `params is nested more than ${maxDepth} levels deep; Dossier accepts at most ${maxDepth} levels of nested lists and maps and 100,000 values in all. Send a flatter or smaller value.`,
    );
  });

  it('for a value too large', () => {
    const err = thrown(() =>
      assertBoundedJson({ a: new Array(maxValues).fill('x') }, 'the input'),
    ) as GraphQLError;
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', exceeded: 'values' });
    expect(err.message).toMatch(/^the input holds more than 100,000 values; /);
  });

  it('accepts any value within the bounds (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: maxDepth - 1 }), (v) => {
        expect(() => assertBoundedJson(v, 'v')).not.toThrow();
      }),
    );
  });
});

describe('every recursive walk of client input is guarded', () => {
  it('toStatementParams refuses 10,000 levels with BAD_USER_INPUT, not a stack overflow', () => {
    const err = thrown(() => toStatementParams({ a: nested(10_000) }, 65_536)) as GraphQLError;
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.extensions['code']).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/^params is nested more than 32 levels deep/);
  });

  it('the JSON scalar refuses a deep variable and a deep literal', () => {
    const fromVariable = thrown(() => jsonScalar.parseValue(nested(10_000))) as GraphQLError;
    expect(fromVariable.extensions['code']).toBe('BAD_USER_INPUT');
    const literal = parseValue(`${'['.repeat(200)}1${']'.repeat(200)}`);
    expect(literal.kind).toBe(Kind.LIST);
    const fromLiteral = thrown(() => jsonScalar.parseLiteral(literal, {})) as GraphQLError;
    expect(fromLiteral.extensions['code']).toBe('BAD_USER_INPUT');
    expect(jsonScalar.parseLiteral(parseValue('{a: [1, {b: "c"}]}'), {})).toEqual({
      a: [1, { b: 'c' }],
    });
  });

  it('toJson refuses a Neo4j value nested past its limit with RESOURCE_LIMIT', () => {
    expect(toJson(nested(MAX_VALUE_DEPTH - 1, neo4j.int(1)))).toEqual(nested(MAX_VALUE_DEPTH - 1));
    const err = thrown(() => toJson(nested(10_000))) as GraphQLError;
    expect(err).toBeInstanceOf(GraphQLError);
    expect(err.extensions).toMatchObject({
      code: 'RESOURCE_LIMIT',
      limit: { maxDepth: MAX_VALUE_DEPTH },
    });
  });
});
