import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { connectTestDatabase } from '../support/database.js';
import { LEAKS, startHttpApp, type RunningApp } from '../support/http-app.js';

/** Sends a raw request and returns status and body text. */
async function send(
  base: string,
  init: RequestInit & { path?: string },
): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}${init.path ?? '/graphql'}`, init);
  return { status: res.status, text: await res.text() };
}

const json = { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' };
const post = (query: string): RequestInit => ({
  method: 'POST',
  headers: json,
  body: JSON.stringify({ query }),
});

const repeat = (n: number, f: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => f(i)).join(' ');
const deep = (depth: number): string => `{ ${'a { '.repeat(depth)}b${' }'.repeat(depth)} }`;

describe('hostile GraphQL documents are refused before any resolver runs', () => {
  let db: Database;
  let app: RunningApp;
  let closed: RunningApp;
  const statements: string[] = [];
  beforeAll(async () => {
    db = connectTestDatabase();
    db.onStatement((c) => statements.push(c));
    app = await startHttpApp(db);
    closed = await startHttpApp(db, { INTROSPECTION_ENABLED: 'false', GRAPHIQL_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app.close();
    await closed.close();
    await db.close();
  });

  const cases: [string, () => Promise<{ status: number; text: string }>, RegExp][] = [
    ['a document nested too deep', () => send(app.base, post(deep(14))), /depth limit/i],
    [
      'too many aliases',
      () => send(app.base, post(`{ ${repeat(50, (i) => `a${i}: about { version }`)} }`)),
      /aliases limit/i,
    ],
    [
      'a fragment cycle',
      () =>
        send(
          app.base,
          post('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
        ),
      /cannot spread fragment/i,
    ],
    [
      'a huge document',
      () => send(app.base, post(`{ ${repeat(6000, () => '__typename')} }`)),
      /token limit/i,
    ],
    [
      'a batched request',
      () =>
        send(app.base, {
          method: 'POST',
          headers: json,
          body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
        }),
      /./,
    ],
    [
      'a directive flood',
      () => send(app.base, post(`{ __typename ${repeat(60, () => '@include(if: true)')} }`)),
      /directives limit/i,
    ],
    [
      'introspection when it is switched off',
      () => send(closed.base, post('{ __schema { types { name } } }')),
      /introspection/i,
    ],
    [
      'a mutation over GET',
      () =>
        send(app.base, {
          method: 'GET',
          headers: { 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
          path: `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
        }),
      /./,
    ],
    [
      'a text/plain POST without the CSRF header',
      () =>
        send(app.base, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: '{ about { version } }' }),
        }),
      /csrf/i,
    ],
    [
      'a 2 MB body',
      () =>
        send(app.base, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(2 * 1024 * 1024)}` }),
        }),
      /larger than/i,
    ],
    [
      'malformed JSON',
      () => send(app.base, { method: 'POST', headers: json, body: '{"query": "{ __typename }"' }),
      /./,
    ],
    ['an unknown field', () => send(app.base, post('{ doesNotExist }')), /cannot query field/i],
  ];

  for (const [name, request, message] of cases) {
    it(`refuses ${name} with a 4xx or a validation error, running nothing`, async () => {
      statements.length = 0;
      const { status, text } = await request();
      const refusedByStatus = status >= 400 && status < 500;
      const refusedByValidation = text.includes('"errors"') && !text.includes('"data":{');
      expect(refusedByStatus || refusedByValidation, `${status} ${text.slice(0, 200)}`).toBe(true);
      expect(status).toBeLessThan(500);
      expect(text).toMatch(message);
      for (const leak of LEAKS) expect(text).not.toMatch(leak);
      expect(statements).toEqual([]);
    });
  }

  it('stays responsive after all of them', async () => {
    const { status, text } = await send(app.base, post('{ about { neo4jVersion } }'));
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      data: { about: { neo4jVersion: expect.stringMatching(/^5\./) } },
    });
  });

  it('still serves introspection and GraphiQL where they are switched on', async () => {
    const { status } = await send(app.base, post('{ __schema { queryType { name } } }'));
    expect(status).toBe(200);
    const page = await send(app.base, { method: 'GET', headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/graphiql/i);
    const off = await send(closed.base, { method: 'GET', headers: { accept: 'text/html' } });
    expect(off.text).not.toMatch(/<html/i);
  });
});
