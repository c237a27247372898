import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { SUPPORTING_LABELS } from '../../server/graph/find-central.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Central {
  centralSubgraph: {
    nodes: { id: string; labels: string[]; degree: number }[];
    edges: { id: string; source: string; target: string }[];
    missing: string[];
  };
}
const CENTRAL = `query ($first: Int) {
  centralSubgraph(first: $first) { nodes { id labels degree } edges { id source target } missing }
}`;

describe('centralSubgraph: the first picture, ranked by the server', () => {
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

  it('gives the most connected entities of the story and every relationship among them, in one statement', async () => {
    const res = await gql.counted<Central>(CENTRAL, { first: 12 });
    expect(res.errors).toBeUndefined();
    expect(res.sent.statements).toHaveLength(1);
    const { nodes, edges, missing } = res.data!.centralSubgraph;
    expect(missing).toEqual([]);
    expect(nodes).toHaveLength(12);
    // The story has far more than 12 entities: no supporting record (claim, article, disagreement).
    for (const n of nodes) expect(n.labels.some((l) => SUPPORTING_LABELS.includes(l))).toBe(false);
    // The same ranking computed directly: the 12 entities of highest degree (visible ones only).
    const degrees = nodes.map((n) => n.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    // The same ranking computed directly on the fresh story (nothing retracted, no bookkeeping
    // nodes yet): the degrees of its 12 most connected entities.
    const top = await db.read(
      `MATCH (n) WHERE NOT any(l IN labels(n) WHERE l IN $supporting)
       WITH COUNT { (n)--() } AS d ORDER BY d DESC LIMIT 12 RETURN d`,
      { supporting: SUPPORTING_LABELS },
    );
    expect(degrees).toEqual(top.map((r) => Number(r['d'])));
    // Every relationship among the 12, each once.
    const ids = nodes.map((n) => n.id);
    const [among] = await db.read(
      'MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN count(r) AS c',
      { ids },
    );
    expect(edges).toHaveLength(Number(among?.['c']));
    for (const e of edges) expect(ids).toContain(e.source);
  });

  it('fills the picture with supporting records only when there are not enough entities', async () => {
    const { centralSubgraph } = await gql.data<Central>(CENTRAL, { first: 500 });
    const supporting = (n: { labels: string[] }): boolean =>
      n.labels.some((l) => SUPPORTING_LABELS.includes(l));
    const firstSupporting = centralSubgraph.nodes.findIndex(supporting);
    expect(firstSupporting).toBeGreaterThan(0);
    expect(centralSubgraph.nodes.slice(firstSupporting).every(supporting)).toBe(true);
  });

  it('refuses a size out of range with a code, before any statement', async () => {
    for (const first of [0, 501]) {
      const res = await gql.counted<Central>(CENTRAL, { first });
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.sent.statements).toEqual([]);
    }
  });
});
