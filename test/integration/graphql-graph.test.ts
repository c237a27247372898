import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Node {
  id: string;
  labels: string[];
  caption: string;
  degree: number;
  properties: Record<string, unknown>;
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
}

const NODE = 'id labels caption degree properties';
const EDGE = 'id type source target';

describe('the generic graph API on the story graph', () => {
  let db: Database;
  let gql: GraphQLClient;
  const idOf = async (storyId: string): Promise<string> => {
    const [row] = await db.read('MATCH (n {id: $id}) RETURN elementId(n) AS id', { id: storyId });
    return String(row?.['id']);
  };

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    forgetLiveSchema(db);
    gql = graphqlClient(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  describe('schema', () => {
    it('lists labels and relationship types with the counts Cypher gives', async () => {
      const { schema } = await gql.data<{
        schema: {
          nodeCount: number;
          relationshipCount: number;
          labels: { name: string; count: number; captionKey: string | null }[];
          relationshipTypes: { name: string; count: number }[];
        };
      }>(
        '{ schema { nodeCount relationshipCount labels { name count captionKey } relationshipTypes { name count } } }',
      );
      const labels = await db.read(
        'MATCH (n) UNWIND labels(n) AS name RETURN name, count(*) AS count ORDER BY count DESC, name',
      );
      const types = await db.read(
        'MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count ORDER BY count DESC, name',
      );
      expect(schema.labels.map(({ name, count }) => ({ name, count }))).toEqual(labels);
      expect(schema.relationshipTypes).toEqual(types);
      expect(schema.nodeCount).toBe(labels.reduce((s, l) => s + Number(l['count']), 0));
      expect(schema.relationshipCount).toBe(types.reduce((s, t) => s + Number(t['count']), 0));
      expect(schema.labels.find((l) => l.name === 'Person')?.captionKey).toBe('name');
    });

    it('gives property keys with their Cypher types, and which are on every node', async () => {
      const { schema } = await gql.data<{
        schema: {
          labels: {
            name: string;
            properties: { key: string; types: string[]; mandatory: boolean }[];
          }[];
          fulltextIndexes: { name: string; labels: string[] }[];
        };
      }>(
        '{ schema { labels { name properties { key types mandatory } } fulltextIndexes { name labels } } }',
      );
      const event = schema.labels.find((l) => l.name === 'Event');
      expect(event?.properties.find((p) => p.key === 'id')).toEqual({
        key: 'id',
        types: ['STRING'],
        mandatory: true,
      });
      expect(event?.properties.find((p) => p.key === 'sources')).toMatchObject({
        types: ['LIST<STRING>'],
        mandatory: true,
      });
      expect(event?.properties.find((p) => p.key === 'start')).toMatchObject({
        types: ['DATE'],
        mandatory: false,
      });
      expect(schema.fulltextIndexes.map((i) => i.name)).toContain('dossier_fulltext');
    });

    it('draws the meta-graph: which labels connect through which types, with exact counts', async () => {
      const { schema } = await gql.data<{
        schema: {
          metaGraph: {
            source: string;
            type: string;
            target: string;
            count: number;
            exact: boolean;
          }[];
        };
      }>('{ schema { metaGraph { source type target count exact } } }');
      const expected = await db.read(
        'MATCH (a)-[r]->(b) RETURN labels(a)[0] AS source, type(r) AS type, labels(b)[0] AS target, count(*) AS count',
      );
      expect(schema.metaGraph).toHaveLength(expected.length);
      for (const e of expected) {
        expect(schema.metaGraph).toContainEqual({ ...e, exact: true });
      }
    });
  });

  describe('node and nodes', () => {
    it('node(id) gives labels, caption, properties converted faithfully and the true degree', async () => {
      const id = await idOf('rubo-liang');
      const { node } = await gql.data<{ node: Node }>(
        `query ($id: ID!) { node(id: $id) { ${NODE} } }`,
        { id },
      );
      const [row] = await db.read(
        'MATCH (n) WHERE elementId(n) = $id RETURN COUNT { (n)--() } AS degree',
        { id },
      );
      expect(node).toMatchObject({
        id,
        labels: ['Person'],
        caption: 'Rubo Liang',
        degree: row?.['degree'],
      });
      expect(node.properties).toMatchObject({ id: 'rubo-liang', named: true });
      const event = await gql.data<{ node: Node }>(
        `query ($id: ID!) { node(id: $id) { properties } }`,
        {
          id: await idOf('journalist-surveillance'),
        },
      );
      expect(event.node.properties['start']).toBe('2022-06-01');
    });

    it('node(id) is null for an id no node has', async () => {
      const { node } = await gql.data<{ node: null }>(
        '{ node(id: "4:00000000-0000-0000-0000-000000000000:999999") { id } }',
      );
      expect(node).toBeNull();
    });

    it('nodes pages through a label with cursors: every node once, totalCount true', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 20; page++) {
        const {
          nodes,
        }: {
          nodes: {
            totalCount: number;
            nodes: Node[];
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        } = await gql.data(
          'query ($after: String) { nodes(label: "Person", first: 4, after: $after, orderBy: [{key: "name"}]) { totalCount nodes { id caption } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
        total = nodes.totalCount;
        seen.push(...nodes.nodes.map((n) => n.caption));
        if (!nodes.pageInfo.hasNextPage) break;
        after = nodes.pageInfo.endCursor;
      }
      const expected = await db.read(
        'MATCH (n:Person) RETURN n.name AS name ORDER BY name, elementId(n)',
      );
      expect(total).toBe(expected.length);
      expect(seen).toEqual(expected.map((r) => r['name']));
    });

    it('nodes filters by property values (passed as parameters) and orders descending', async () => {
      const { nodes } = await gql.data<{ nodes: { totalCount: number; nodes: Node[] } }>(
        `{ nodes(label: "Event", where: [{key: "start", op: EXISTS}, {key: "datePrecision", op: IN, value: ["month", "season"]}], orderBy: [{key: "name", direction: DESC}]) { totalCount nodes { caption properties } } }`,
      );
      const expected = await db.read(
        "MATCH (n:Event) WHERE n.start IS NOT NULL AND n.datePrecision IN ['month', 'season'] RETURN n.name AS name ORDER BY name DESC",
      );
      expect(nodes.totalCount).toBe(expected.length);
      expect(nodes.nodes.map((n) => n.caption)).toEqual(expected.map((r) => r['name']));
      const injection = await gql.data<{ nodes: { totalCount: number } }>(
        `{ nodes(where: [{key: "name", op: CONTAINS, value: "' OR 1=1 //"}]) { totalCount } }`,
      );
      expect(injection.nodes.totalCount).toBe(0);
    });

    it('refuses a cursor it did not hand out and an unknown property key, saying what to do', async () => {
      const bad = await gql.query('{ nodes(label: "Person", after: "bm9wZQ") { totalCount } }');
      expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0]?.message).toMatch(/endCursor/);
      const key = await gql.query('{ nodes(where: [{key: "nmae", value: "x"}]) { totalCount } }');
      expect(key.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(key.errors?.[0]?.message).toMatch(
        /Unknown property key "nmae". Did you mean "name"\?/,
      );
    });
  });

  describe('search', () => {
    it('ranks with the full-text index and shows the matched snippet', async () => {
      const { search } = await gql.data<{
        search: {
          method: string;
          index: string;
          hits: {
            score: number;
            node: Node;
            snippet: {
              property: string;
              text: string;
              highlights: { start: number; end: number }[];
            } | null;
          }[];
        };
      }>(
        '{ search(text: "Forbes") { method index hits { score node { caption labels } snippet { property text highlights { start end } } } } }',
      );
      expect(search).toMatchObject({ method: 'FULLTEXT_INDEX', index: 'dossier_fulltext' });
      expect(search.hits[0]?.node).toMatchObject({ caption: 'Forbes', labels: ['Outlet'] });
      const scores = search.hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const h of search.hits) {
        expect(h.snippet).not.toBeNull();
        const marked = h.snippet?.highlights.map((r) =>
          h.snippet?.text.slice(r.start, r.end).toLowerCase(),
        );
        expect(marked?.some((m) => m?.startsWith('forbes'))).toBe(true);
      }
    });

    it('matches prefixes, for type-ahead, and restricts to labels', async () => {
      const { search } = await gql.data<{ search: { hits: { node: Node }[] } }>(
        '{ search(text: "byted", labels: ["Organization"]) { hits { node { caption labels } } } }',
      );
      expect(search.hits[0]?.node.caption).toBe('ByteDance');
      expect(search.hits.every((h) => h.node.labels.includes('Organization'))).toBe(true);
      const two = await gql.data<{ search: { hits: { node: Node }[] } }>(
        '{ search(text: "rubo lia") { hits { node { caption } } } }',
      );
      expect(two.search.hits[0]?.node.caption).toBe('Rubo Liang');
    });

    it('refuses a text with nothing to search for', async () => {
      const res = await gql.query('{ search(text: "  !! ") { hits { score } } }');
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });
  });

  describe('neighbourhood', () => {
    it('expands a node: its neighbours and relationships once each, with the true total', async () => {
      const id = await idOf('tiktok');
      const { neighbourhood } = await gql.data<{
        neighbourhood: {
          nodes: Node[];
          edges: Edge[];
          expansions: { id: string; shown: number; total: number }[];
          missing: string[];
        };
      }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { ${NODE} } edges { ${EDGE} } expansions { id shown total } missing } }`,
        {
          ids: [id],
        },
      );
      const expected = await db.read(
        'MATCH (n)-[r]-(m) WHERE elementId(n) = $id RETURN collect(DISTINCT elementId(r)) AS rels, collect(DISTINCT elementId(m)) AS nodes',
        { id },
      );
      const rels = expected[0]?.['rels'] as string[];
      expect(new Set(neighbourhood.edges.map((e) => e.id))).toEqual(new Set(rels));
      expect(neighbourhood.edges).toHaveLength(rels.length);
      expect(new Set(neighbourhood.nodes.map((n) => n.id))).toEqual(
        new Set([id, ...(expected[0]?.['nodes'] as string[])]),
      );
      expect(neighbourhood.expansions).toEqual([{ id, shown: rels.length, total: rels.length }]);
      expect(neighbourhood.missing).toEqual([]);
      const ids = new Set(neighbourhood.nodes.map((n) => n.id));
      for (const e of neighbourhood.edges)
        expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    });

    it('caps each node at `limit` and says "showing n of total"', async () => {
      const id = await idOf('journalist-surveillance');
      const { neighbourhood } = await gql.data<{
        neighbourhood: { edges: Edge[]; expansions: { shown: number; total: number }[] };
      }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids, limit: 3) { edges { id } expansions { shown total } } }`,
        { ids: [id] },
      );
      const [row] = await db.read(
        'MATCH (n) WHERE elementId(n) = $id RETURN COUNT { (n)--() } AS d',
        { id },
      );
      expect(Number(row?.['d'])).toBeGreaterThan(3);
      expect(neighbourhood.expansions).toEqual([{ shown: 3, total: row?.['d'] }]);
      expect(neighbourhood.edges).toHaveLength(3);
    });

    it('follows only the types and direction asked for, and counts the total the same way', async () => {
      const id = await idOf('bytedance');
      const { neighbourhood } = await gql.data<{
        neighbourhood: { edges: Edge[]; expansions: { total: number }[] };
      }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids, types: ["FIRED", "OWNS"], direction: OUTGOING) { edges { ${EDGE} } expansions { total } } }`,
        { ids: [id] },
      );
      const [row] = await db.read(
        'MATCH (n)-[r:FIRED|OWNS]->() WHERE elementId(n) = $id RETURN count(r) AS c',
        { id },
      );
      expect(neighbourhood.edges.length).toBe(row?.['c']);
      expect(neighbourhood.expansions[0]?.total).toBe(row?.['c']);
      expect(
        neighbourhood.edges.every((e) => e.source === id && ['FIRED', 'OWNS'].includes(e.type)),
      ).toBe(true);
    });

    it('deduplicates across several starting nodes and reports ids that match nothing', async () => {
      const a = await idOf('bytedance');
      const b = await idOf('tiktok');
      const { neighbourhood } = await gql.data<{
        neighbourhood: { nodes: Node[]; edges: Edge[]; missing: string[] };
      }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id } edges { id } missing } }`,
        { ids: [a, b, a, 'gone'] },
      );
      const nodeIds = neighbourhood.nodes.map((n) => n.id);
      const edgeIds = neighbourhood.edges.map((e) => e.id);
      expect(new Set(nodeIds).size).toBe(nodeIds.length);
      expect(new Set(edgeIds).size).toBe(edgeIds.length);
      expect(neighbourhood.missing).toEqual(['gone']);
      const [row] = await db.read(
        'MATCH (n)-[r]-() WHERE elementId(n) IN $ids RETURN count(DISTINCT r) AS c',
        { ids: [a, b] },
      );
      expect(edgeIds.length).toBe(row?.['c']);
    });

    it('reaches two hops in one statement, each node once', async () => {
      const id = await idOf('rubo-liang');
      const res = await gql.counted<{
        neighbourhood: { nodes: Node[]; edges: Edge[]; expansions: { id: string }[] };
      }>(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 2) { nodes { id } edges { id } expansions { id } } }`,
        { ids: [id] },
      );
      expect(res.sent.statements).toHaveLength(1);
      const expected = await db.read(
        'MATCH (n)-[*1..2]-(m) WHERE elementId(n) = $id RETURN collect(DISTINCT elementId(m)) AS ids',
        { id },
      );
      const got = new Set(res.data?.neighbourhood.nodes.map((n) => n.id));
      expect(got).toEqual(new Set([id, ...(expected[0]?.['ids'] as string[])]));
      expect(got.size).toBe(res.data?.neighbourhood.nodes.length);
    });

    it('refuses an unknown relationship type, naming the known ones, and sends no statement with it', async () => {
      const id = await idOf('bytedance');
      const res = await gql.counted(
        `query ($ids: [ID!]!) { neighbourhood(ids: $ids, types: ["FIRED", "FRIED"]) { nodes { id } } }`,
        { ids: [id] },
      );
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/Unknown relationship type "FRIED"/);
      expect(res.errors?.[0]?.message).toMatch(/FIRED/);
      expect(res.errors?.[0]?.extensions?.['known']).toContain('TRACKED');
      expect(res.sent.statements).toEqual([]);
      expect(res.sent.liveSchemaReads).toBeLessThanOrEqual(2);
    });

    it('refuses an unknown label with the known ones, and no statement carries it', async () => {
      const res = await gql.counted(
        '{ nodes(label: "Persn`) DETACH DELETE n //") { totalCount } }',
      );
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/the database has these labels: .*Person/);
      expect(res.sent.statements).toEqual([]);
      const [row] = await db.read('MATCH (n) RETURN count(n) AS c');
      expect(Number(row?.['c'])).toBeGreaterThan(0);
    });

    it('refuses out-of-range arguments with the allowed range', async () => {
      const res = await gql.query('{ neighbourhood(ids: ["x"], depth: 4) { nodes { id } } }');
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(res.errors?.[0]?.message).toMatch(/from 1 to 3/);
    });
  });

  describe('paths and subgraph', () => {
    it('finds all shortest paths as one subgraph, as Cypher does', async () => {
      const from = await idOf('rubo-liang');
      const to = await idOf('forbes-editors');
      const { paths } = await gql.data<{
        paths: {
          length: number;
          paths: { nodeIds: string[]; edgeIds: string[] }[];
          nodes: Node[];
          edges: Edge[];
        };
      }>(
        `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) { length paths { nodeIds edgeIds } nodes { id } edges { ${EDGE} } } }`,
        {
          from,
          to,
        },
      );
      const expected = await db.read(
        'MATCH (a), (b) WHERE elementId(a) = $from AND elementId(b) = $to MATCH p = allShortestPaths((a)-[*..6]-(b)) RETURN length(p) AS length, count(p) AS count',
        { from, to },
      );
      expect(paths.length).toBe(expected[0]?.['length']);
      expect(paths.paths).toHaveLength(Number(expected[0]?.['count']));
      const nodeIds = new Set(paths.nodes.map((n) => n.id));
      const edgeIds = new Set(paths.edges.map((e) => e.id));
      for (const p of paths.paths) {
        expect(p.nodeIds[0]).toBe(from);
        expect(p.nodeIds.at(-1)).toBe(to);
        expect(p.edgeIds).toHaveLength(paths.length);
        p.nodeIds.forEach((id) => expect(nodeIds.has(id)).toBe(true));
        p.edgeIds.forEach((id) => expect(edgeIds.has(id)).toBe(true));
      }
    });

    it('answers NOT_FOUND for an endpoint that does not exist, and BAD_USER_INPUT for the same node twice', async () => {
      const from = await idOf('rubo-liang');
      const missing = await gql.query(
        'query ($from: ID!) { paths(from: $from, to: "gone") { length } }',
        { from },
      );
      expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(missing.errors?.[0]?.message).toMatch(/to \(gone\).*search for the node again/);
      const same = await gql.query(
        'query ($from: ID!) { paths(from: $from, to: $from) { length } }',
        { from },
      );
      expect(same.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('gives null length and no paths when none is short enough', async () => {
      const from = await idOf('rubo-liang');
      const to = await idOf('forbes-editors');
      const { paths } = await gql.data<{ paths: { length: number | null; paths: unknown[] } }>(
        'query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 1) { length paths { nodeIds } } }',
        { from, to },
      );
      expect(paths).toEqual({ length: null, paths: [] });
    });

    it('subgraph reopens a saved view: the nodes, every relationship among them, and the ids now gone', async () => {
      const ids = await Promise.all(
        ['bytedance', 'tiktok', 'rubo-liang', 'internal-audit-team'].map(idOf),
      );
      const { subgraph } = await gql.data<{
        subgraph: { nodes: Node[]; edges: Edge[]; missing: string[] };
      }>(
        `query ($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id } edges { ${EDGE} } missing } }`,
        { ids: [...ids, 'deleted-since'] },
      );
      const expected = await db.read(
        'MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN collect(elementId(r)) AS rels',
        { ids },
      );
      expect(new Set(subgraph.nodes.map((n) => n.id))).toEqual(new Set(ids));
      expect(new Set(subgraph.edges.map((e) => e.id))).toEqual(
        new Set(expected[0]?.['rels'] as string[]),
      );
      expect(subgraph.missing).toEqual(['deleted-since']);
    });
  });

  describe('values and captions', () => {
    it('converts big integers, temporal and spatial values faithfully, and captions by rule', async () => {
      await db.write(
        "CREATE (:Probe {big: 9007199254740993, at: datetime('2022-12-22T10:15:30.123+01:00'), where: point({longitude: 2.35, latitude: 48.85}), tags: ['a']})",
      );
      forgetLiveSchema(db);
      try {
        const { nodes } = await gql.data<{ nodes: { nodes: Node[] } }>(
          '{ nodes(label: "Probe") { nodes { caption properties degree } } }',
        );
        const probe = nodes.nodes[0];
        expect(probe?.properties).toEqual({
          big: '9007199254740993',
          at: '2022-12-22T10:15:30.123000000+01:00',
          where: { srid: 4326, x: 2.35, y: 48.85, crs: 'wgs-84', longitude: 2.35, latitude: 48.85 },
          tags: ['a'],
        });
        expect(probe?.caption).toMatch(/^Probe \d+$/);
        expect(probe?.degree).toBe(0);
      } finally {
        await db.write('MATCH (n:Probe) DELETE n');
        forgetLiveSchema(db);
      }
    });
  });
});
