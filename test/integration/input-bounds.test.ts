import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { DEFAULT_JSON_BOUNDS, measureJson } from '../../server/graphql/input-bounds.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient, type GraphQLResponse } from '../support/graphql.js';

/** [[[ … inner … ]]] with `levels` lists around it. */
function nested(levels: number, inner: unknown = 1): unknown {
  let v = inner;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

/**
 * JSON text of a value of any depth, with an explicit stack: JSON.stringify itself overflows the
 * stack of a test worker on the deepest values generated here.
 */
function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  const stack: unknown[] = [value];
  const RAW = Symbol('raw');
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'object' && v !== null && RAW in v) out.push((v as { [RAW]: string })[RAW]);
    else if (Array.isArray(v)) {
      stack.push({ [RAW]: ']' });
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i]);
        if (i > 0) stack.push({ [RAW]: ',' });
      }
      out.push('[');
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      stack.push({ [RAW]: '}' });
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, item] = entries[i] as [string, unknown];
        stack.push(item, { [RAW]: `${JSON.stringify(k)}:` });
        if (i > 0) stack.push({ [RAW]: ',' });
      }
      out.push('{');
    } else out.push(JSON.stringify(v) ?? 'null');
  }
  return out.join('');
}

/** How fast-check prints a generated value in a failure (printing it whole would overflow). */
function labelled<T extends object>(value: T, label: string): T {
  Object.defineProperty(value, fc.toStringMethod, { value: () => label, enumerable: false });
  return value;
}

/** Deep values: lists and maps inside each other, thousands of levels, a few scalars beside. */
const deep = fc
  .record({
    levels: fc.integer({ min: 1, max: 12_000 }),
    maps: fc.boolean(),
    leaf: fc.jsonValue({ maxDepth: 1 }),
    sibling: fc.oneof(fc.constant(undefined), fc.string(), fc.integer()),
  })
  .map(({ levels, maps, leaf, sibling }) => {
    let v: unknown = leaf;
    for (let i = 0; i < levels; i++) {
      if (maps && i % 2 === 0) v = sibling === undefined ? { k: v } : { k: v, s: sibling };
      else v = sibling === undefined ? [v] : [v, sibling];
    }
    return labelled(v as object, `deep(${levels} levels${maps ? ', maps and lists' : ''})`);
  });

/** Wide values: one list (or map) of up to 150,000 small values, beside and inside a map. */
const wide = fc
  .record({ n: fc.integer({ min: 0, max: 150_000 }), maps: fc.boolean() })
  .map(({ n, maps }) =>
    labelled(
      maps
        ? Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))
        : { list: Array.from({ length: n }, (_, i) => (i % 2 ? i : `v${i}`)) },
      `wide(${n} ${maps ? 'keys' : 'items'})`,
    ),
  );

/** Anything: deep, wide or ordinary JSON. */
const clientValue = fc.oneof(deep, wide, fc.jsonValue());

const BOUNDS_MESSAGE = new RegExp(
  `at most ${DEFAULT_JSON_BOUNDS.maxDepth} levels of nested lists and maps and 100,000 values in all`,
);

/** Sends a document with variables of any depth through the app, as a client's POST would. */
async function send(
  gql: GraphQLClient,
  document: string,
  variables: Record<string, unknown>,
): Promise<GraphQLResponse<unknown>> {
  const res = await gql.app.yoga.fetch('http://dossier.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: `{"query":${JSON.stringify(document)},"variables":${stringifyDeep(variables)}}`,
  });
  return (await res.json()) as GraphQLResponse<unknown>;
}

/** The codes of a response's errors; a response without errors gives []. */
const codes = (res: GraphQLResponse<unknown>): unknown[] =>
  (res.errors ?? []).map((e) => e.extensions?.['code']);

/**
 * The property every input must have: never an unexplained error. A value past the bounds is
 * refused with BAD_USER_INPUT naming both limits; anything else may succeed or fail for its own
 * reason, but always with a code other than INTERNAL_SERVER_ERROR.
 */
function expectExplained(res: GraphQLResponse<unknown>, value: unknown): void {
  const all = JSON.stringify(res.errors ?? []).slice(0, 600);
  expect(codes(res), all).not.toContain('INTERNAL_SERVER_ERROR');
  expect(all).not.toContain('Unexpected error.');
  for (const error of res.errors ?? []) expect(error.extensions?.['code'], all).toBeDefined();
  if (measureJson(value).exceeded !== null) {
    expect(codes(res), all).toContain('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message, all).toMatch(BOUNDS_MESSAGE);
  }
}

describe('every recursive walk of client input is bounded (story graph, real Neo4j)', () => {
  let db: Database;
  let gql: GraphQLClient;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    gql = graphqlClient(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers the 10,000-level cypher parameters with BAD_USER_INPUT naming the limits', async () => {
    const res = await send(
      gql,
      'query ($p: JSON) { cypher(query: "RETURN $a", params: $p) { rows } }',
      {
        p: { a: nested(10_000) },
      },
    );
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      limit: { maxDepth: 32, maxValues: 100_000 },
      exceeded: 'depth',
    });
    expect(res.errors?.[0]?.message).toMatch(
      /nested more than 32 levels deep; Dossier accepts at most 32 levels of nested lists and maps and 100,000 values in all\. Send a flatter or smaller value\.$/,
    );
  });

  it('cypher params: deep and wide values never give INTERNAL_SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(clientValue, async (v) => {
        const res = await send(
          gql,
          'query ($p: JSON) { cypher(query: "RETURN $a AS a", params: $p) { rows } }',
          { p: { a: v } },
        );
        expectExplained(res, { a: v });
      }),
      { numRuns: 30 },
    );
  });

  it('cypherScript params: deep and wide values never give INTERNAL_SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(clientValue, async (v) => {
        const res = await send(
          gql,
          'query ($p: JSON) { cypherScript(script: "RETURN $a AS a; RETURN 1", params: $p) { statements { rows } } }',
          { p: { a: v } },
        );
        expectExplained(res, { a: v });
      }),
      { numRuns: 15 },
    );
  });

  it('property filter values: deep and wide values never give INTERNAL_SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(clientValue, fc.constantFrom('EQ', 'IN', 'GT'), async (v, op) => {
        const res = await send(
          gql,
          'query ($w: [PropertyFilter!]) { nodes(where: $w, first: 5) { totalCount } }',
          { w: [{ key: 'name', op, value: v }] },
        );
        expectExplained(res, v);
      }),
      { numRuns: 30 },
    );
  });

  it('JSON literals in the document: deep values never give INTERNAL_SERVER_ERROR', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5_000 }), async (levels) => {
        const literal = `{a: ${'['.repeat(levels)}1${']'.repeat(levels)}}`;
        const res = await gql.query(`{ cypher(query: "RETURN $a", params: ${literal}) { rows } }`);
        const all = JSON.stringify(res.errors ?? []).slice(0, 600);
        expect(codes(res), all).not.toContain('INTERNAL_SERVER_ERROR');
        if (levels + 1 > DEFAULT_JSON_BOUNDS.maxDepth) expect(res.errors?.length, all).toBe(1);
        else expect(res.errors, all).toBeUndefined();
      }),
      { numRuns: 20 },
    );
  });

  it('values Cypher builds nested without limit are refused (RESOURCE_LIMIT or TIMEOUT), never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3_000 }), async (levels) => {
        const res = await gql.query(
          'query ($p: JSON) { cypher(query: "RETURN reduce(x = [], i IN range(1, $n) | [x]) AS deep", params: $p) { rows } }',
          { p: { n: levels } },
        );
        const all = JSON.stringify(res.errors ?? []).slice(0, 600);
        expect(codes(res), all).not.toContain('INTERNAL_SERVER_ERROR');
        // Neo4j may take longer than the console's time limit to build the deepest ones.
        if (levels + 1 > 64) expect(['RESOURCE_LIMIT', 'TIMEOUT'], all).toContain(codes(res)[0]);
        else expect(res.errors, all).toBeUndefined();
      }),
      { numRuns: 8 },
    );
  });
});
