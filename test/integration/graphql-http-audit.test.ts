import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { connectTestDatabase } from '../support/database.js';
import { startHttpApp, type RunningApp } from '../support/http-app.js';

/**
 * graphql-http's audit of the GraphQL-over-HTTP spec, against the live server on a real socket.
 * Every MUST has to pass; SHOULDs and MAYs are reported in the test output. The fetch adds the
 * CSRF-prevention header a browser client sends: without it the server refuses "simple" GET
 * requests on purpose, which costs three MAY audits (GET requests) and no MUST or SHOULD.
 */
describe('GraphQL over HTTP conformance (graphql-http server audits)', () => {
  let db: Database;
  let running: RunningApp;
  const results: AuditResult[] = [];

  beforeAll(async () => {
    db = connectTestDatabase();
    running = await startHttpApp(db);
    const fetchFn: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('x-graphql-yoga-csrf', '1');
      return fetch(input, { ...init, headers });
    };
    for (const audit of serverAudits({ url: `${running.base}/graphql`, fetchFn })) {
      results.push(await audit.fn());
    }
    const line = (r: AuditResult): string =>
      `${r.status === 'ok' ? 'pass' : r.status.padEnd(4)}  ${r.name}${r.status === 'ok' ? '' : ` — ${r.reason}`}`;
    const level = (l: string) => results.filter((r) => r.name.startsWith(l));
    const summary = ['MUST', 'SHOULD', 'MAY'].map((l) => {
      const all = level(l);
      return `${l}: ${all.filter((r) => r.status === 'ok').length}/${all.length} pass`;
    });
    console.log(`graphql-http audits — ${summary.join(', ')}\n${results.map(line).join('\n')}`);
  });
  afterAll(async () => {
    await running.close();
    await db.close();
  });

  it('passes every MUST of the GraphQL-over-HTTP spec', () => {
    const musts = results.filter((r) => r.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    expect(musts.filter((r) => r.status !== 'ok').map((r) => r.name)).toEqual([]);
  });

  it('reports every SHOULD and MAY, passing or not', () => {
    const others = results.filter((r) => !r.name.startsWith('MUST'));
    expect(others.length).toBeGreaterThan(0);
    for (const r of others) expect(['ok', 'notice', 'warn', 'error']).toContain(r.status);
  });
});
