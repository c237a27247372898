import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig } from '../support/test-config.js';
import type { Database } from '../../server/db/database.js';
import { connectTestDatabase, silentLogger } from '../support/database.js';

describe('the HTTP app', () => {
  let db: Database;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    db = connectTestDatabase();
    const app = createApp({ config: testConfig(), db, logger: silentLogger });
    server = createServer(app.handle);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.close();
  });

  it('GET /health answers 200 while the process lives', async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready answers 200 when Neo4j answers', async () => {
    const res = await fetch(`${base}/ready`);
    expect(res.status).toBe(200);
  });

  it('answers { __typename } at /graphql', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports the Neo4j it reads', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { neo4jVersion neo4jEdition database } }' }),
    });
    const body = (await res.json()) as {
      data: { about: { neo4jVersion: string; neo4jEdition: string } };
    };
    expect(body.data.about.neo4jVersion).toMatch(/^5\.26\./);
    expect(body.data.about.neo4jEdition).toBe('community');
  });

  it('does not serve files outside the client directory', async () => {
    const res = await fetch(`${base}/..%2f..%2fpackage.json`);
    expect(res.status).toBe(404);
  });
});
