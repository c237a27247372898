import { METHODS, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { connectTestDatabase } from '../support/database.js';
import { waitFor200 } from '../support/app-process.js';
import { LEAKS, startHttpApp, type RunningApp } from '../support/http-app.js';

interface RawResponse {
  status: number;
  body: string;
}

/** A raw HTTP request (fetch refuses some methods and headers; a fuzzer must not). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<RawResponse> {
  const url = new URL(base);
  // GET and HEAD carry no body (and so no content-length).
  const payload = method === 'GET' || method === 'HEAD' ? undefined : body;
  const allHeaders =
    payload === undefined
      ? headers
      : { ...headers, 'content-length': String(Buffer.byteLength(payload)) };
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: allHeaders },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/);
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
// Every method Node's HTTP parser knows; anything else is refused by the parser (400) before
// the app sees it, and the reset that follows is not the app's to answer.
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'OPTIONS', 'HEAD'),
  fc.constantFrom(...METHODS.filter((m) => m !== 'CONNECT')),
);
const path = fc.oneof(
  fc.constantFrom(
    '/graphql',
    '/graphql?query=%7B__typename%7D',
    '/',
    '/health',
    '/ready',
    '/index.html',
    '/graphql/x',
  ),
  fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  fc.string().map((s) => `/graphql?query=${encodeURIComponent(s)}`),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/graphql+json',
  'application/graphql-response+json',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'garbage',
);
const body = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({ query: fc.string(), variables: fc.oneof(fc.json(), fc.constant(null)) })
    .map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '{"query":"{ about { version } }"}',
    '{"query":"{ search(text: \\"%\\") { hits { score } } }"}',
    '{"query":"{ node(id: \\"4:zzz:999\\") { id } }"}',
    '{"query":"query($a: Int) { __typename }","variables":{"a":"not an int"}}',
    '{"query":"{ cypher(query: \\"MATCH (n) RETURN n LIMIT 1\\") { columns } }"}',
    '[]',
    'null',
  ),
);

describe('arbitrary HTTP requests', () => {
  let db: Database;
  let app: RunningApp;
  beforeAll(async () => {
    db = connectTestDatabase();
    app = await startHttpApp(db);
    // A cold JVM can take seconds over its first queries; fuzz a warm server.
    await waitFor200(`${app.base}/ready`, 120_000);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('never get a 5xx and never see a stack trace, Neo4j code or file path', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        fc.dictionary(token, headerValue, { maxKeys: 4 }),
        fc.option(contentType, { nil: undefined }),
        fc.boolean(),
        body,
        async (m, p, headers, type, csrf, b) => {
          const h: Record<string, string> = { ...headers };
          if (type !== undefined) h['content-type'] = type;
          if (csrf) h['x-graphql-yoga-csrf'] = '1';
          const res = await raw(app.base, m, p, h, b);
          expect(res.status, `${m} ${p} → ${res.status} ${res.body.slice(0, 200)}`).toBeLessThan(
            500,
          );
          for (const leak of LEAKS) expect(res.body).not.toMatch(leak);
        },
      ),
      { numRuns: 300 },
    );
  });
});
