import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import { STABLE_KEY_STATEMENTS } from '../../server/graph/stable-keys.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Keyed {
  nodesByKey: {
    found: { key: string; node: { id: string; caption: string } }[];
    missing: string[];
  };
}

const BY_KEY = `query($keys: [String!]!) {
  nodesByKey(keys: $keys) { found { key node { id caption } } missing }
}`;

describe('stable keys: nodes named across reloads by their uniqueness-constrained property', () => {
  let db: Database;
  let gql: GraphQLClient;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    gql = graphqlClient(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('names a story node by its label and id, and an unconstrained node by its element id', async () => {
    await db.write(`CREATE (:E2eLoose {name: 'loose'})`);
    const { nodes } = await gql.data<{ nodes: { nodes: { id: string; stableKey: string }[] } }>(
      `{ nodes(label: "Outlet", first: 1) { nodes { id stableKey } } }`,
    );
    const outlet = nodes.nodes[0];
    const parsed = JSON.parse(outlet?.stableKey ?? 'null') as unknown[];
    expect(parsed.slice(0, 2)).toEqual(['Outlet', 'id']);
    const loose = await gql.data<{ nodes: { nodes: { id: string; stableKey: string }[] } }>(
      `{ nodes(label: "E2eLoose", first: 1) { nodes { id stableKey } } }`,
    );
    expect(loose.nodes.nodes[0]?.stableKey).toBe(loose.nodes.nodes[0]?.id);
  });

  it('resolves keys after the graph is reloaded (new element ids), in one statement, and reports the keys that name nothing', async () => {
    const before = await gql.data<{
      nodes: { nodes: { id: string; stableKey: string; caption: string }[] };
    }>(`{ nodes(label: "Person", first: 3) { nodes { id stableKey caption } } }`);
    const keys = before.nodes.nodes.map((n) => n.stableKey);
    await resetDatabase(db);
    await seedStory(db);
    const gone = JSON.stringify(['Person', 'id', 'no-such-person']);
    const res = await gql.counted<Keyed>(BY_KEY, { keys: [...keys, gone] });
    expect(res.errors).toBeUndefined();
    const own = res.sent.statements.filter((s) => !STABLE_KEY_STATEMENTS.includes(s));
    expect(own).toHaveLength(1);
    const found = res.data?.nodesByKey.found ?? [];
    expect(found.map((f) => f.key).sort()).toEqual([...keys].sort());
    for (const f of found) {
      const was = before.nodes.nodes.find((n) => n.stableKey === f.key);
      expect(f.node.caption).toBe(was?.caption);
    }
    expect(res.data?.nodesByKey.missing).toEqual([gone]);
  });

  it('refuses a malformed key with BAD_USER_INPUT and a sentence saying what a key looks like', async () => {
    const res = await gql.query<Keyed>(BY_KEY, { keys: ['[not json'] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/stableKey/);
  });
});
