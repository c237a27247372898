import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { graphiqlExamples } from '../../server/graphql/graphiql-examples.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient } from '../support/graphql.js';
import { startHttpApp, type RunningApp } from '../support/http-app.js';

describe('GraphiQL at /graphql, with example queries for the story', () => {
  let db: Database;
  let running: RunningApp;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    running = await startHttpApp(db);
  });
  afterAll(async () => {
    await running.close();
    await resetDatabase(db);
    await db.close();
  });

  it('opens in a browser with the example queries as its default document', async () => {
    const res = await fetch(`${running.base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Dossier GraphQL');
    expect(html).toContain('query Disagreements');
  });

  it('every example operation runs on the story graph without errors and returns data', async () => {
    const gql = graphqlClient(db);
    const operations = parse(graphiqlExamples).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    const [forbes] = await db.read("MATCH (n {id: 'forbes'}) RETURN elementId(n) AS id");
    for (const op of operations) {
      const name = op.name?.value ?? '';
      const run = await gql.app.yoga.fetch('http://dossier.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: graphiqlExamples,
          operationName: name,
          variables: name === 'Neighbourhood' ? { ids: [forbes?.['id']] } : {},
        }),
      });
      const body = (await run.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
      expect(body.errors, name).toBeUndefined();
      expect(
        Object.values(body.data ?? {}).every((v) => v !== null),
        name,
      ).toBe(true);
    }
  });
});
