import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../server/db/convert.js';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { dumpElements as dump } from '../support/element-dump.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

/*
 * Retract → gone from the default reads → restore → back, identical. "Identical" is checked on a
 * full dump of the element and every relationship at it: labels, every property with its value,
 * and each relationship's type, ends and properties. Two bookkeeping keys are left out of the
 * comparison on purpose: dossierUid (given on an element's first change, so its history can
 * point at it) and dossierVersion (up by one per change, so a stale edit is refused).
 */

interface Sub {
  nodes: { id: string; retracted: boolean }[];
  edges: { id: string; source: string; target: string; retracted: boolean }[];
  missing?: string[];
  expansions: { id: string; shown: number; total: number }[];
}

const NEIGHBOURHOOD = `query ($ids: [ID!]!, $all: Boolean) {
  neighbourhood(ids: $ids, includeRetracted: $all) {
    nodes { id retracted } edges { id source target retracted } missing expansions { id shown total }
  }
}`;
const SEARCH = `query ($text: String!, $all: Boolean) {
  search(text: $text, includeRetracted: $all) { method hits { node { id } } }
}`;
const PATHS = `query ($from: ID!, $to: ID!, $all: Boolean) {
  paths(from: $from, to: $to, includeRetracted: $all) { length paths { nodeIds edgeIds } }
}`;
const RETRACT = `mutation ($id: ID!, $reason: String!) {
  retract(id: $id, reason: $reason) {
    retracted element { uid elementId kind version }
    change { id action targets kind reason author }
  }
}`;
const RESTORE = `mutation ($id: ID!) {
  restore(id: $id, reason: "Checked again: the source does say it.") {
    retracted element { uid elementId version } change { action }
  }
}`;

interface SearchResult {
  search: { method: string; hits: { node: { id: string } }[] };
}
interface PathsResult {
  paths: { length: number | null; paths: { nodeIds: string[]; edgeIds: string[] }[] };
}

const sortedIds = (xs: { id: string }[]): string[] => xs.map((x) => x.id).sort();

// Each test runs several requests and writes; on a loaded 2-core machine they take tens of seconds.
describe('retract and restore (issue 13), on a real Neo4j', { timeout: 300_000 }, () => {
  let db: Database;
  let gql: GraphQLClient;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  const nodeIdOf = async (storyId: string): Promise<string> => {
    const [row] = await db.read('MATCH (n {id: $id}) RETURN elementId(n) AS id', { id: storyId });
    return String(row?.['id']);
  };
  const changesOf = async (uid: string): Promise<string[]> =>
    (
      await db.read(
        'MATCH (c:DossierChange) WHERE $uid IN c.targets RETURN c.action AS a ORDER BY c.at, c.seq',
        { uid },
      )
    ).map((r) => String(r['a']));

  describe('on the story graph', () => {
    let rubo: string;
    let bytedance: string;
    let email: string;

    beforeAll(async () => {
      await resetDatabase(db);
      forgetLiveSchema(db);
      await seedStory(db);
      gql = graphqlClient(db);
      rubo = await nodeIdOf('rubo-liang');
      bytedance = await nodeIdOf('bytedance');
      email = await nodeIdOf('liang-email');
    });

    it('a retracted node leaves neighbourhood, search, paths, subgraph, nodes and the story API, and restore brings it back identical', async () => {
      const before = await dump(db, [rubo]);
      const hoodBefore = (
        await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [bytedance] })
      ).neighbourhood;
      expect(sortedIds(hoodBefore.nodes)).toContain(rubo);
      const searchBefore = await gql.data<SearchResult>(SEARCH, { text: 'Rubo Liang' });
      expect(searchBefore.search.method).toBe('FULLTEXT_INDEX');
      expect(searchBefore.search.hits.map((h) => h.node.id)).toContain(rubo);
      const pathsBefore = await gql.data<PathsResult>(PATHS, { from: email, to: bytedance });
      expect(pathsBefore.paths.paths.some((p) => p.nodeIds.includes(rubo))).toBe(true);

      const retracted = await gql.data<{
        retract: {
          retracted: boolean;
          element: { uid: string; version: number };
          change: Record<string, unknown>;
        };
      }>(RETRACT, { id: rubo, reason: 'The CEO is not named in this part of the story.' });
      expect(retracted.retract.retracted).toBe(true);
      expect(retracted.retract.change).toMatchObject({
        action: 'retract',
        kind: 'node',
        reason: 'The CEO is not named in this part of the story.',
        author: 'local',
        targets: [retracted.retract.element.uid],
      });

      // Gone from every default read …
      const hood = (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [bytedance] }))
        .neighbourhood;
      expect(sortedIds(hood.nodes)).not.toContain(rubo);
      expect(hood.edges.filter((e) => e.source === rubo || e.target === rubo)).toEqual([]);
      const own = (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [rubo] }))
        .neighbourhood;
      expect(own.missing).toEqual([rubo]);
      const search = await gql.data<SearchResult>(SEARCH, { text: 'Rubo Liang' });
      expect(search.search.method).toBe('FULLTEXT_INDEX');
      expect(search.search.hits.map((h) => h.node.id)).not.toContain(rubo);
      const paths = await gql.data<PathsResult>(PATHS, { from: email, to: bytedance });
      expect(paths.paths.paths.some((p) => p.nodeIds.includes(rubo))).toBe(false);
      const fromRetracted = await gql.query(PATHS, { from: rubo, to: bytedance });
      expect(fromRetracted.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const reads = await gql.data<{
        node: unknown;
        subgraph: { nodes: unknown[]; missing: string[] };
        nodes: { totalCount: number };
        entity: unknown;
        people: { id: string }[];
        bytedance: { relations: { other: { id: string } }[] };
      }>(
        `query ($id: ID!) {
          node(id: $id) { id }
          subgraph(ids: [$id]) { nodes { id } missing }
          nodes(label: "Person", where: [{key: "id", value: "rubo-liang"}]) { totalCount }
          entity(id: "rubo-liang") { id }
          people { id }
          bytedance: entity(id: "bytedance") { relations { other { id } } }
        }`,
        { id: rubo },
      );
      expect(reads.node).toBeNull();
      expect(reads.subgraph).toEqual({ nodes: [], missing: [rubo] });
      expect(reads.nodes.totalCount).toBe(0);
      expect(reads.entity).toBeNull();
      expect(reads.people.map((p) => p.id)).not.toContain('rubo-liang');
      expect(reads.bytedance.relations.map((r) => r.other.id)).not.toContain('rubo-liang');

      // … shown on request, marked retracted …
      const all = (
        await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [bytedance], all: true })
      ).neighbourhood;
      expect(all.nodes.find((n) => n.id === rubo)?.retracted).toBe(true);
      expect(sortedIds(all.nodes)).toEqual(sortedIds(hoodBefore.nodes));
      const searchAll = await gql.data<SearchResult>(SEARCH, { text: 'Rubo Liang', all: true });
      expect(searchAll.search.hits.map((h) => h.node.id)).toContain(rubo);
      const shown = await gql.data<{ entity: { retracted: boolean } | null }>(
        '{ entity(id: "rubo-liang", includeRetracted: true) { retracted } }',
      );
      expect(shown.entity).toEqual({ retracted: true });

      // … and restored exactly.
      const restored = await gql.data<{
        restore: { retracted: boolean; element: { version: number } };
      }>(RESTORE, { id: rubo });
      expect(restored.restore.retracted).toBe(false);
      expect(restored.restore.element.version).toBe(retracted.retract.element.version + 1);
      expect(await dump(db, [rubo])).toEqual(before);
      const hoodAfter = (
        await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [bytedance] })
      ).neighbourhood;
      expect(hoodAfter).toEqual(hoodBefore);
      expect(await gql.data<SearchResult>(SEARCH, { text: 'Rubo Liang' })).toEqual(searchBefore);
      expect(await gql.data<PathsResult>(PATHS, { from: email, to: bytedance })).toEqual(
        pathsBefore,
      );
      expect(await changesOf(retracted.retract.element.uid)).toEqual(['retract', 'restore']);
    });

    it('a retracted relationship leaves the reads while both its nodes stay, and comes back identical', async () => {
      const before = await dump(db, [rubo, bytedance]);
      const ceoOf = async (): Promise<string[]> =>
        (
          await gql.data<{ entity: { ceoOf: { id: string }[] } }>(
            '{ entity(id: "rubo-liang") { ... on Person { ceoOf { id } } } }',
          )
        ).entity.ceoOf.map((r) => r.id);
      expect(await ceoOf()).toEqual(['rubo-liang-ceo-of-bytedance']);
      const res = await gql.data<{ retract: { element: { kind: string; elementId: string } } }>(
        RETRACT,
        { id: 'rubo-liang-ceo-of-bytedance', reason: 'Only one source says so.' },
      );
      expect(res.retract.element.kind).toBe('RELATIONSHIP');
      const edge = res.retract.element.elementId;

      const hood = (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [rubo] }))
        .neighbourhood;
      expect(sortedIds(hood.nodes)).toContain(rubo);
      expect(hood.edges.map((e) => e.id)).not.toContain(edge);
      expect(await ceoOf()).toEqual([]);
      const direct = await gql.data<PathsResult>(PATHS, { from: rubo, to: bytedance });
      expect(direct.paths.length).not.toBe(1);
      const all = (
        await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [rubo], all: true })
      ).neighbourhood;
      expect(all.edges.find((e) => e.id === edge)?.retracted).toBe(true);

      await gql.data(RESTORE, { id: edge });
      expect(await ceoOf()).toEqual(['rubo-liang-ceo-of-bytedance']);
      expect(await dump(db, [rubo, bytedance])).toEqual(before);
    });

    it('keeps Dossier’s history out of the schema overview, search and properties, and reads stay one statement', async () => {
      const { schema } = await gql.data<{
        schema: {
          labels: { name: string; properties: { key: string }[] }[];
          propertyKeys: string[];
          nodeCount: number;
        };
      }>('{ schema { labels { name properties { key } } propertyKeys nodeCount } }');
      expect(schema.labels.map((l) => l.name)).not.toContain('DossierChange');
      expect(schema.propertyKeys.filter((k) => /^dossier/i.test(k))).toEqual([]);
      expect(schema.labels.flatMap((l) => l.properties.map((p) => p.key))).not.toContain(
        'dossierUid',
      );
      const [count] = await db.read('MATCH (n) WHERE NOT n:DossierChange RETURN count(n) AS c');
      expect(schema.nodeCount).toBe(count?.['c']);
      const [change] = await db.read('MATCH (c:DossierChange) RETURN c.author AS a LIMIT 1');
      expect(change?.['a']).toBe('local');

      const { node } = await gql.data<{
        node: { properties: Record<string, unknown>; all: Record<string, unknown> };
      }>('query ($id: ID!) { node(id: $id) { properties all: properties(bookkeeping: true) } }', {
        id: rubo,
      });
      expect(Object.keys(node.properties).filter((k) => k.startsWith('dossier'))).toEqual([]);
      expect(node.all['dossierUid']).toEqual(expect.any(String));

      const counted = await gql.counted(NEIGHBOURHOOD, { ids: [bytedance] });
      expect(counted.errors).toBeUndefined();
      expect(counted.sent.statements).toHaveLength(1);
      const searched = await gql.counted(SEARCH, { text: 'liang' });
      expect(searched.sent.statements).toHaveLength(1);
    });

    it('refuses bad requests with a code and a sentence, and writes nothing', async () => {
      const changes = async (): Promise<JsonValue | undefined> =>
        (await db.read('MATCH (c:DossierChange) RETURN count(c) AS c'))[0]?.['c'];
      const n = await changes();
      const noReason = await gql.query(RETRACT, { id: rubo, reason: '   ' });
      expect(noReason.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(noReason.errors?.[0]?.message).toMatch(/reason/);
      const unknown = await gql.query(RETRACT, { id: 'no-such-thing', reason: 'x' });
      expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const notRetracted = await gql.query(RESTORE, { id: rubo });
      expect(notRetracted.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(notRetracted.errors?.[0]?.message).toMatch(/not retracted/);
      const badQuote = await gql.query(
        `mutation { retract(id: "rubo-liang", reason: "x",
          citations: [{source: "article-000", quote: "words that the article never printed"}]) { retracted } }`,
      );
      expect(badQuote.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await changes()).toBe(n);
      expect((await dump(db, [rubo]))[0]?.props['dossierRetracted']).toBeUndefined();
    });
  });

  describe('on a graph that is not the story (Movies-like, no full-text index)', () => {
    let keanu: string;
    let matrix: string;
    let lana: string;

    beforeAll(async () => {
      await resetDatabase(db);
      forgetLiveSchema(db);
      gql = graphqlClient(db);
      const [row] = await db.write(
        `CREATE (k:Person:Actor {name: 'Keanu Reeves', born: 1964, bornOn: date('1964-09-02'), big: 9007199254740993})
         CREATE (c:Person:Actor {name: 'Carrie-Anne Moss', born: 1967})
         CREATE (l:Person {name: 'Lana Wachowski', born: 1965})
         CREATE (m:Movie {title: 'The Matrix', released: 1999, shotAt: point({latitude: -33.87, longitude: 151.21})})
         CREATE (j:Movie {title: 'John Wick', released: 2014})
         CREATE (k)-[:ACTED_IN {roles: ['Neo'], since: datetime('1998-03-01T09:00:00Z')}]->(m)
         CREATE (c)-[:ACTED_IN {roles: ['Trinity']}]->(m)
         CREATE (k)-[:ACTED_IN {roles: ['John Wick']}]->(j)
         CREATE (l)-[:DIRECTED]->(m)
         CREATE (k)-[:KNOWS]->(c)
         RETURN elementId(k) AS k, elementId(m) AS m, elementId(l) AS l`,
      );
      keanu = String(row?.['k']);
      matrix = String(row?.['m']);
      lana = String(row?.['l']);
    });

    it('retract → gone from neighbourhood, search (property scan) and paths → restore → back, identical', async () => {
      const before = await dump(db, [keanu, matrix]);
      const hoodBefore = (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [matrix] }))
        .neighbourhood;
      const searchBefore = await gql.data<SearchResult>(SEARCH, { text: 'keanu' });
      expect(searchBefore.search.method).toBe('PROPERTY_SCAN');
      expect(searchBefore.search.hits.map((h) => h.node.id)).toEqual([keanu]);
      const pathsBefore = await gql.data<PathsResult>(PATHS, { from: lana, to: keanu });
      expect(pathsBefore.paths.length).toBe(2);

      await gql.data(RETRACT, { id: keanu, reason: 'Wrong person: a namesake.' });
      const hood = (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [matrix] }))
        .neighbourhood;
      expect(sortedIds(hood.nodes)).not.toContain(keanu);
      expect(hood.expansions[0]?.total).toBe((hoodBefore.expansions[0]?.total ?? 0) - 1);
      expect((await gql.data<SearchResult>(SEARCH, { text: 'keanu' })).search.hits).toEqual([]);
      // Dossier's history records the retraction, and it is not searchable as part of the graph.
      expect((await gql.data<SearchResult>(SEARCH, { text: 'namesake' })).search.hits).toEqual([]);
      expect((await gql.data<SearchResult>(SEARCH, { text: 'retract' })).search.hits).toEqual([]);
      const paths = await gql.query<PathsResult>(PATHS, { from: lana, to: keanu });
      expect(paths.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      const carrie = (await gql.data<SearchResult>(SEARCH, { text: 'carrie' })).search.hits[0]?.node
        .id;
      const around = await gql.data<PathsResult>(PATHS, { from: lana, to: carrie });
      expect(around.paths.paths.every((p) => !p.nodeIds.includes(keanu))).toBe(true);
      const through = await gql.data<PathsResult>(PATHS, { from: lana, to: keanu, all: true });
      expect(through.paths).toEqual(pathsBefore.paths);

      await gql.data(RESTORE, { id: keanu });
      expect(await dump(db, [keanu, matrix])).toEqual(before);
      expect(
        (await gql.data<{ neighbourhood: Sub }>(NEIGHBOURHOOD, { ids: [matrix] })).neighbourhood,
      ).toEqual(hoodBefore);
      expect(await gql.data<SearchResult>(SEARCH, { text: 'keanu' })).toEqual(searchBefore);
      expect(await gql.data<PathsResult>(PATHS, { from: lana, to: keanu })).toEqual(pathsBefore);
    });

    it('two retractions of one fact at once: one is recorded, the other is told it is already retracted', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => gql.query(RETRACT, { id: matrix, reason: 'Duplicate film entry.' })),
      );
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(refused.map((r) => r.errors?.[0]?.message)).toEqual(
        refused.map(() => expect.stringMatching(/already retracted/)),
      );
      const uid = (ok[0]?.data as { retract: { element: { uid: string } } }).retract.element.uid;
      expect(await changesOf(uid)).toEqual(['retract']);
      await gql.data(RESTORE, { id: matrix });
      expect(await changesOf(uid)).toEqual(['retract', 'restore']);
    });
  });
});
