import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { addUser } from '../../server/auth/users-file.js';
import type { Database } from '../../server/db/database.js';
import { connectTestDatabase, resetDatabase, silentLogger } from '../support/database.js';
import { testConfig } from '../support/test-config.js';

interface Served {
  readonly base: string;
  /** Requests that reached yoga's fetch adapter (its plugins' onRequest hooks). */
  yogaRequests: number;
  readonly server: Server;
}

/** The app on a real socket, with or without the lean path, counting what reaches yoga. */
async function serve(
  db: Database,
  env: Record<string, string>,
  graphqlFastPath: boolean,
): Promise<Served> {
  const served = { base: '', yogaRequests: 0, server: undefined as unknown as Server };
  const app = createApp({
    config: testConfig(env),
    db,
    logger: silentLogger,
    graphqlFastPath,
    plugins: [{ onRequest: () => void served.yogaRequests++ }],
  });
  served.server = createServer(app.handle);
  await new Promise<void>((r) => served.server.listen(0, '127.0.0.1', r));
  served.base = `http://127.0.0.1:${(served.server.address() as AddressInfo).port}`;
  return served;
}

function close(s: Served | undefined): Promise<void> {
  if (!s) return Promise.resolve();
  s.server.closeAllConnections();
  return new Promise((r) => s.server.close(() => r()));
}

interface Case {
  readonly name: string;
  /** Whether the lean path answers it without yoga's fetch adapter. */
  readonly lean: boolean;
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

interface Seen {
  status: number;
  contentType: string | null;
  /** The framing: a Content-Length as yoga sends, not chunked. */
  contentLength: string | null;
  transferEncoding: string | null;
  body: string;
  yoga: number;
}

/** `__N__` in a body becomes a number of its own, so a mutation stores new text each time. */
let sent = 0;

async function send(s: Served, c: Case, token: string): Promise<Seen> {
  const before = s.yogaRequests;
  const body = c.body?.replaceAll('__N__', String(++sent));
  const res = await fetch(`${s.base}${c.path ?? '/graphql'}`, {
    method: c.method ?? 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(c.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...c.headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    contentLength: res.headers.get('content-length'),
    transferEncoding: res.headers.get('transfer-encoding'),
    body: await res.text(),
    yoga: s.yogaRequests - before,
  };
}

const json = (params: unknown): string => JSON.stringify(params);
const ME = '{ me { name role } }';
const CASES = 'query Cases($n: Int) { cases(first: $n) { slug } }';
const ADD_SOURCE =
  'mutation Add($text: String!) { addSource(input: { text: $text, title: "Fast path" }) { __typename } }';

/** Requests a client may send, plain and not: each through both apps must get the same answer. */
const corpus: Case[] = [
  { name: 'a query', lean: true, body: json({ query: ME }) },
  { name: 'variables', lean: true, body: json({ query: CASES, variables: { n: 5 } }) },
  {
    name: 'null variables, operationName and extensions',
    lean: true,
    body: json({ query: CASES, variables: null, operationName: null, extensions: null }),
  },
  {
    name: 'a mutation',
    lean: true,
    body: json({ query: ADD_SOURCE, variables: { text: 'The minister resigned (__N__).' } }),
  },
  {
    name: 'variables refused',
    lean: true,
    body: json({ query: CASES, variables: { n: 'five' } }),
  },
  {
    name: 'an argument out of bounds',
    lean: true,
    body: json({ query: CASES, variables: { n: 0 } }),
  },
  { name: 'a syntax error', lean: true, body: json({ query: '{ me { name ' }) },
  { name: 'a validation error', lean: true, body: json({ query: '{ nobody }' }) },
  {
    name: 'introspection switched off',
    lean: true,
    body: json({ query: '{ __schema { queryType { name } } }' }),
  },
  {
    name: 'a document nested too deep',
    lean: true,
    body: json({ query: `{ me ${'{'.repeat(150)} }` }),
  },
  {
    name: 'operationName not in the document',
    lean: true,
    body: json({ query: ME, operationName: 'Other' }),
  },
  {
    name: 'two operations without operationName',
    lean: true,
    body: json({ query: `query A ${ME} query B ${ME}` }),
  },
  {
    name: 'two operations, one named',
    lean: true,
    body: json({ query: `query A ${ME} query B { __typename }`, operationName: 'B' }),
  },
  ...[
    '*/*',
    'application/json',
    'application/graphql-response+json',
    // What the explorer sends (client/src/api/graphql-client.ts).
    'application/graphql-response+json, application/json',
    'application/graphql-response+json, application/json;q=0.9',
    'application/json, application/graphql-response+json',
    'application/*',
    'text/html, application/json',
  ].flatMap((accept) => [
    { name: `Accept ${accept}`, lean: true, headers: { accept }, body: json({ query: ME }) },
    {
      name: `Accept ${accept}, an error`,
      lean: true,
      headers: { accept },
      body: json({ query: '{ nobody }' }),
    },
  ]),
  ...['text/event-stream', 'multipart/mixed', 'text/html', 'application/json; charset=latin1'].map(
    (accept) => ({
      name: `Accept ${accept}`,
      lean: false,
      headers: { accept },
      body: json({ query: ME }),
    }),
  ),
  {
    name: 'charset utf-8',
    lean: true,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: json({ query: ME }),
  },
  {
    name: 'GET',
    lean: false,
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(ME)}`,
    headers: { 'x-graphql-yoga-csrf': '1' },
  },
  {
    name: 'GET without the CSRF header',
    lean: false,
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(ME)}`,
  },
  ...[
    'text/plain',
    'application/graphql',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
  ].map((type) => ({
    name: `content-type ${type}`,
    lean: false,
    headers: { 'content-type': type },
    body: json({ query: ME }),
  })),
  {
    name: 'a Content-Encoding',
    lean: false,
    headers: { 'content-encoding': 'identity' },
    body: json({ query: ME }),
  },
  { name: 'a query string', lean: false, path: '/graphql?x=1', body: json({ query: ME }) },
  { name: 'a trailing slash', lean: false, path: '/graphql/', body: json({ query: ME }) },
  { name: 'PUT', lean: false, method: 'PUT', body: json({ query: ME }) },
  { name: 'a batch', lean: false, body: json([{ query: ME }, { query: ME }]) },
  { name: 'an empty body', lean: false, body: '' },
  { name: 'invalid JSON', lean: false, body: '{"query": ' },
  { name: 'JSON null', lean: false, body: 'null' },
  { name: 'a JSON string', lean: false, body: json(ME) },
  { name: 'no query', lean: false, body: json({ variables: {} }) },
  { name: 'query not a string', lean: false, body: json({ query: 42 }) },
  { name: 'variables a list', lean: false, body: json({ query: ME, variables: [1] }) },
  { name: 'operationName a number', lean: false, body: json({ query: ME, operationName: 1 }) },
  {
    name: 'extensions',
    lean: false,
    body: json({ query: ME, extensions: { persistedQuery: {} } }),
  },
  { name: 'an unknown parameter', lean: false, body: json({ query: ME, other: 1 }) },
  {
    name: 'a __proto__ parameter',
    lean: false,
    body: `{"query": ${json(ME)}, "__proto__": {"x": 1}}`,
  },
  {
    name: 'a body over MAX_BODY_BYTES',
    lean: false,
    body: json({ query: ME, variables: { pad: 'x'.repeat(5000) } }),
  },
];

describe('the lean GraphQL path in front of yoga answers exactly as yoga does', () => {
  let db: Database;
  let dir: string;
  let lean: Served | undefined;
  let yoga: Served | undefined;
  let editor = '';
  let reader = '';

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    dir = mkdtempSync(join(tmpdir(), 'dossier-fast-path-'));
    const usersFile = join(dir, 'users.json');
    editor = await addUser(usersFile, 'Ed Editor', 'editor');
    reader = await addUser(usersFile, 'Rita Reader', 'reader');
    const env = {
      DOSSIER_USERS_FILE: usersFile,
      NODE_ENV: 'production',
      MAX_BODY_BYTES: '4096',
    };
    lean = await serve(db, env, true);
    yoga = await serve(db, env, false);
  });
  afterAll(async () => {
    await close(lean);
    await close(yoga);
    await resetDatabase(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every request of the corpus the same status, content type, framing and body, and serves the plain ones itself', async () => {
    const differences: string[] = [];
    const all = [
      ...corpus.map((c) => [c, editor] as const),
      [
        {
          name: 'a write refused to a reader',
          lean: true,
          body: json({ query: ADD_SOURCE, variables: { text: 'No.' } }),
        },
        reader,
      ] as const,
      [{ name: 'no token', lean: false, body: json({ query: ME }) }, 'not-a-token'] as const,
    ];
    for (const [c, token] of all) {
      if (!lean || !yoga) throw new Error('servers not started');
      const viaLean = await send(lean, c, token);
      const viaYoga = await send(yoga, c, token);
      const { yoga: leanYoga, ...leanAnswer } = viaLean;
      const { yoga: yogaYoga, ...yogaAnswer } = viaYoga;
      if (JSON.stringify(leanAnswer) !== JSON.stringify(yogaAnswer)) {
        differences.push(
          `${c.name}: ${JSON.stringify(leanAnswer)} vs ${JSON.stringify(yogaAnswer)}`,
        );
      }
      // Served by the lean path: yoga's adapter never saw it; otherwise it went to yoga as before.
      if (leanYoga !== (c.lean ? 0 : yogaYoga)) {
        differences.push(
          `${c.name}: ${leanYoga} request(s) reached yoga's adapter, expected ${c.lean ? 0 : yogaYoga}`,
        );
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('the lean path with an unexpected failure', () => {
  // A stand-in that fails the way a bug would (no Neo4j behaviour is faked), as in the unit test
  // graph-error-masking.test.ts: the error must be masked the same way on both paths.
  const failing = {
    name: 'neo4j',
    onStatement: () => () => undefined,
    read: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')),
    readTransaction: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')),
    ping: () => Promise.resolve(true),
  } as unknown as Database;
  let lean: Served | undefined;
  let yoga: Served | undefined;
  beforeAll(async () => {
    lean = await serve(failing, {}, true);
    yoga = await serve(failing, {}, false);
  });
  afterAll(async () => {
    await close(lean);
    await close(yoga);
  });

  it('masks it as yoga does, for each Accept', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const c: Case = {
        name: accept,
        lean: true,
        headers: { accept },
        body: json({ query: '{ search(text: "forbes") { hits { score } } }' }),
      };
      if (!lean || !yoga) throw new Error('servers not started');
      const viaLean = await send(lean, c, 'none');
      const viaYoga = await send(yoga, c, 'none');
      expect(viaLean.body).toContain('Unexpected error.');
      expect(viaLean.body).not.toMatch(/secret|srv/);
      expect({ ...viaLean, yoga: 0 }).toEqual({ ...viaYoga, yoga: 0 });
      expect([viaLean.yoga, viaYoga.yoga]).toEqual([0, 1]);
    }
  });
});
