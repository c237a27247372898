import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import {
  consoleClient,
  snapshot,
  type ConsoleClient,
  type GraphSnapshot,
  type Mode,
  type ResponseError,
} from '../fixtures/cypher/console.js';
import { HOSTILE_STATEMENTS } from '../fixtures/cypher/hostile-statements.js';

describe('the Cypher console refuses everything but reads (story graph, real Neo4j)', () => {
  let db: Database;
  let client: ConsoleClient;
  let before: GraphSnapshot;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    client = consoleClient(db);
    before = await snapshot(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('has a corpus of at least 40 hostile statements', () => {
    expect(HOSTILE_STATEMENTS.length).toBeGreaterThanOrEqual(40);
  });

  const modes: Mode[] = ['RUN', 'EXPLAIN', 'PROFILE'];
  for (const hostile of HOSTILE_STATEMENTS) {
    const [clause, line, column] = hostile.at;
    it(`refuses ${hostile.name} as ${hostile.code}, naming ${clause} at ${line}:${column}, in every mode`, async () => {
      for (const mode of modes) {
        const res = hostile.script
          ? await client.script(hostile.query, hostile.params, mode)
          : await client.cypher(hostile.query, hostile.params, mode);
        expect(res.data ?? null, `${mode}: no data`).toBeNull();
        const error = res.errors?.[0] as ResponseError;
        expect(error?.extensions, `${mode}: ${JSON.stringify(res.errors)}`).toMatchObject({
          code: hostile.code,
          reason: hostile.reason,
          clause,
          line,
          column,
        });
        expect(error.message).toContain(`${clause} at line ${line}, column ${column}`);
        if (hostile.code === 'READ_ONLY')
          expect(error.message).toMatch(/^This console is read-only: /);
        else expect(error.message).toMatch(/ is not allowed: /);
        expect(error.message).toMatch(/Nothing was run\.$/);
      }
    });
  }

  it('keeps parameters that hold Cypher text as data', async () => {
    const smuggled = "x' OR true WITH p DETACH DELETE p //";
    const result = await client.rows(
      'MATCH (p:Person) WHERE p.name = $name WITH count(p) AS matched RETURN matched, $cypher AS text',
      { name: smuggled, cypher: 'CREATE (:Ghost) RETURN 1' },
    );
    expect(result.rows).toEqual([[0, 'CREATE (:Ghost) RETURN 1']]);
  });

  it('leaves nodes, relationships, labels, types, property keys, indexes, constraints, users and databases exactly as they were', async () => {
    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(50);
    expect(before.indexes.some((i) => i.startsWith('dossier_fulltext'))).toBe(true);
    expect(before.constraints.some((c) => c.startsWith('person_id'))).toBe(true);
    expect(after.labels).not.toContain('Ghost');
    expect(after.propertyKeys).not.toContain('ghostKey');
    expect(after.users).not.toContain('mallory');
    expect(after.databases).not.toContain('shadow');
  });
});
