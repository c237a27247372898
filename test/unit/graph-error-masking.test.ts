import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { testConfig } from '../support/test-config.js';
import type { Database } from '../../server/db/database.js';

// A stand-in that fails the way a bug would (not a mocked driver: no Neo4j behaviour is faked).
const failing = {
  name: 'neo4j',
  onStatement: () => () => undefined,
  read: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')),
  readTransaction: () => Promise.reject(new Error('secret internals at /srv/app.ts:12')),
  ping: () => Promise.resolve(true),
} as unknown as Database;

describe('unexpected failures of the graph API', () => {
  it('are masked: the client sees "Unexpected error." and nothing of the cause', async () => {
    const app = createApp({
      config: testConfig(),
      db: failing,
      logger: pino({ level: 'silent' }),
    });
    const res = await app.yoga.fetch('http://x/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ search(text: "forbes") { hits { score } } }' }),
    });
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ errors: [{ message: 'Unexpected error.' }] });
    expect(text).not.toMatch(/secret|srv|app\.ts/);
  });
});
