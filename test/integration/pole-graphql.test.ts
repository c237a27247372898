import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { forgetSchemaOverview } from '../../server/graph/schema-overview.js';
import { connectTestDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';
import { pole, usePole } from '../support/load-pole.js';

interface Node {
  id: string;
  labels: string[];
  caption: string;
  degree: number;
  properties: Record<string, unknown>;
}

// POLE is a graph nobody on the project designed: no `id` convention, no full-text index, dense
// Location and Area hubs. Everything generic must work on it as it does on the story.
describe.skipIf(!pole.present)(
  'the generic graph API on POLE (61,521 nodes, 105,840 relationships)',
  () => {
    let db: Database;
    let gql: GraphQLClient;

    beforeAll(async () => {
      db = connectTestDatabase();
      await usePole(db);
      forgetLiveSchema(db);
      gql = graphqlClient(db);
    }, 600_000);
    afterAll(async () => {
      // POLE stays for the next file (see usePole); every file sets up its own data.
      await db.close();
    });

    it('schema gives the whole shape: 11 labels, 17 types, counts and the meta-graph', async () => {
      const { schema } = await gql.data<{
        schema: {
          nodeCount: number;
          relationshipCount: number;
          labels: { name: string; count: number }[];
          relationshipTypes: { name: string; count: number }[];
          metaGraph: { source: string; type: string; target: string; count: number }[];
          fulltextIndexes: unknown[];
        };
      }>(
        '{ schema { nodeCount relationshipCount labels { name count } relationshipTypes { name count } metaGraph { source type target count } fulltextIndexes { name } } }',
      );
      expect(schema.nodeCount).toBe(61_521);
      expect(schema.relationshipCount).toBe(105_840);
      expect(schema.labels.slice(0, 3)).toEqual([
        { name: 'Crime', count: 28_762 },
        { name: 'Location', count: 14_904 },
        { name: 'PostCode', count: 14_196 },
      ]);
      expect(schema.labels).toHaveLength(11);
      expect(schema.relationshipTypes).toHaveLength(17);
      expect(schema.metaGraph).toContainEqual({
        source: 'Crime',
        type: 'OCCURRED_AT',
        target: 'Location',
        count: 28_762,
      });
      expect(schema.fulltextIndexes).toEqual([]);
    });

    it('search without a full-text index scans properties: type-ahead finds people by surname', async () => {
      const { search } = await gql.data<{
        search: {
          method: string;
          hits: { score: number; node: Node; snippet: { property: string; text: string } | null }[];
        };
      }>(
        '{ search(text: "hamilt", labels: ["Person"], first: 20) { method hits { score node { caption labels properties } snippet { property text } } } }',
      );
      expect(search.method).toBe('PROPERTY_SCAN');
      const expected = await db.read(
        "MATCH (p:Person) WHERE toLower(p.surname) STARTS WITH 'hamilt' RETURN count(p) AS c",
      );
      expect(search.hits).toHaveLength(Number(expected[0]?.['c']));
      for (const h of search.hits) {
        expect(h.node.labels).toEqual(['Person']);
        expect(h.snippet).toMatchObject({
          property: 'surname',
          text: expect.stringMatching(/^Hamilt/),
        });
        expect(h.score).toBe(0.8);
      }
    });

    it('search ranks an exact value above a prefix above a word inside a value', async () => {
      const { search } = await gql.data<{ search: { hits: { score: number; node: Node }[] } }>(
        '{ search(text: "Hamilton", first: 50) { hits { score node { labels properties } } } }',
      );
      const scores = search.hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(search.hits[0]?.score).toBe(1);
      expect(search.hits.some((h) => h.node.labels.includes('Location') && h.score === 0.6)).toBe(
        true,
      );
    });

    it('expands a hub with a cap of 100 and reports its true degree, in one statement', async () => {
      const [hub] = await db.read(
        'MATCH (n:Location) RETURN elementId(n) AS id, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 1',
      );
      const res = await gql.counted<{
        neighbourhood: {
          nodes: Node[];
          edges: { id: string }[];
          expansions: { shown: number; total: number }[];
        };
      }>(
        'query ($ids: [ID!]!) { neighbourhood(ids: $ids, limit: 100) { nodes { id caption degree } edges { id } expansions { shown total } } }',
        {
          ids: [hub?.['id']],
        },
      );
      expect(Number(hub?.['degree'])).toBeGreaterThan(100);
      expect(res.data?.neighbourhood.expansions).toEqual([{ shown: 100, total: hub?.['degree'] }]);
      expect(res.data?.neighbourhood.edges).toHaveLength(100);
      expect(res.data?.neighbourhood.nodes.length).toBeLessThanOrEqual(101);
      expect(res.sent.statements).toHaveLength(1);
    });

    it('bounds a three-hop expansion by maxNodes and says it was cut', async () => {
      const [hub] = await db.read(
        'MATCH (n:Area) RETURN elementId(n) AS id ORDER BY COUNT { (n)--() } DESC LIMIT 1',
      );
      const { neighbourhood } = await gql.data<{
        neighbourhood: { nodes: Node[]; truncated: boolean };
      }>(
        'query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 3, limit: 50, maxNodes: 300) { nodes { id } truncated } }',
        { ids: [hub?.['id']] },
      );
      expect(neighbourhood.truncated).toBe(true);
      // First hop ≤ 50 nodes; each later hop expands about maxNodes / limit nodes, 50 each.
      expect(neighbourhood.nodes.length).toBeLessThanOrEqual(1 + 50 + 2 * (300 + 50));
      expect(new Set(neighbourhood.nodes.map((n) => n.id)).size).toBe(neighbourhood.nodes.length);
    });

    it('finds all shortest paths between two people, as Cypher does', async () => {
      const [pair] = await db.read(
        `MATCH (a:Person), (b:Person) WHERE a.importId < b.importId AND NOT (a)--(b)
       MATCH p = shortestPath((a)-[*..6]-(b)) WHERE length(p) >= 3
       RETURN elementId(a) AS from, elementId(b) AS to, length(p) AS length LIMIT 1`,
      );
      const [all] = await db.read(
        'MATCH (a), (b) WHERE elementId(a) = $from AND elementId(b) = $to MATCH p = allShortestPaths((a)-[*..6]-(b)) RETURN count(p) AS count',
        { from: pair?.['from'], to: pair?.['to'] },
      );
      const { paths } = await gql.data<{
        paths: { length: number; paths: { nodeIds: string[] }[] };
      }>(
        'query ($from: ID!, $to: ID!, $first: Int) { paths(from: $from, to: $to, first: $first) { length paths { nodeIds } } }',
        { from: pair?.['from'], to: pair?.['to'], first: 1000 },
      );
      expect(paths.length).toBe(pair?.['length']);
      expect(paths.paths).toHaveLength(Math.min(1000, Number(all?.['count'])));
    });

    it('pages through a filtered label without overlap, with the true total', async () => {
      const [expected] = await db.read("MATCH (c:Crime {type: 'Burglary'}) RETURN count(c) AS c");
      const query =
        'query ($after: String, $first: Int) { nodes(label: "Crime", where: [{key: "type", value: "Burglary"}], orderBy: [{key: "date", direction: DESC}], first: $first, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }';
      const first = await gql.data<{
        nodes: { totalCount: number; nodes: Node[]; pageInfo: { endCursor: string } };
      }>(query, { first: 500 });
      const second = await gql.data<{ nodes: { nodes: Node[] } }>(query, {
        first: 500,
        after: first.nodes.pageInfo.endCursor,
      });
      expect(first.nodes.totalCount).toBe(expected?.['c']);
      expect(first.nodes.nodes).toHaveLength(500);
      const overlap = second.nodes.nodes.filter((n) =>
        first.nodes.nodes.some((m) => m.id === n.id),
      );
      expect(overlap).toEqual([]);
    });

    it('captions nodes by the configured keys, falling back to label and id', async () => {
      const { nodes } = await gql.data<{ nodes: { nodes: Node[] } }>(
        '{ nodes(label: "Officer", first: 1) { nodes { caption properties } } }',
      );
      expect(nodes.nodes[0]?.caption).toBe(nodes.nodes[0]?.properties['name']);
      const calls = await gql.data<{ nodes: { nodes: Node[] } }>(
        '{ nodes(label: "PhoneCall", first: 1) { nodes { id caption } } }',
      );
      expect(calls.nodes.nodes[0]?.caption).toMatch(/^PhoneCall \d+$/);
    });

    it('every root field of the generic API sends exactly one statement; nested per-type degrees add one per level', async () => {
      const [a, b] = await db
        .read(
          'MATCH (p:Person)-[:KNOWS]->(q:Person) RETURN elementId(p) AS a, elementId(q) AS b LIMIT 1',
        )
        .then((rows) => [rows[0]?.['a'], rows[0]?.['b']]);
      const documents: [string, Record<string, unknown>][] = [
        [
          '{ schema { labels { name count properties { key types } } relationshipTypes { name } metaGraph { source type target count } } }',
          {},
        ],
        ['query ($id: ID!) { node(id: $id) { id caption degree properties } }', { id: a }],
        ['{ nodes(label: "Crime", first: 100) { totalCount nodes { id caption degree } } }', {}],
        [
          '{ search(text: "hamilton", first: 25) { hits { score node { caption degree } snippet { text } } } }',
          {},
        ],
        [
          'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id caption degree } edges { id source target } expansions { total } } }',
          { ids: [a, b] },
        ],
        [
          'query ($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 3, limit: 20) { nodes { id degree } edges { id } } }',
          { ids: [a] },
        ],
        [
          'query ($a: ID!, $b: ID!) { paths(from: $a, to: $b) { nodes { id degree } edges { id } } }',
          { a, b },
        ],
        [
          'query ($ids: [ID!]!) { subgraph(ids: $ids) { nodes { id degree } edges { id } } }',
          { ids: [a, b] },
        ],
      ];
      for (const [document, variables] of documents) {
        // The overview is cached for a few seconds; count the statements of a fresh read.
        forgetSchemaOverview(db);
        const res = await gql.counted(document, variables);
        expect(res.errors, document).toBeUndefined();
        expect(res.sent.statements, document).toHaveLength(1);
        expect(res.sent.liveSchemaReads, document).toBe(0);
      }
      for (const first of [5, 200]) {
        const res = await gql.counted(
          `{ nodes(label: "Crime", first: ${first}) { nodes { degreeByType { type count } } } }`,
        );
        expect(res.errors).toBeUndefined();
        expect(res.sent.statements).toHaveLength(2);
      }
    });
  },
);
