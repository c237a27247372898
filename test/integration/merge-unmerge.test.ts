import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { dumpElements as dump } from '../support/element-dump.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

/*
 * merge → unmerge → identical to before: a full dump of the affected nodes (labels, every
 * property) and of every relationship at them (type, ends, direction, every property) is equal
 * before and after. dossierUid and dossierVersion are left out of the comparison: an element gets
 * a uid on its first change and its version goes up with each, by design (see
 * retract-restore.test.ts).
 */

/** Every node and relationship of the database, as a sorted dump (for "nothing else changed"). */
async function counts(db: Database): Promise<{ nodes: number; rels: number }> {
  const [row] = await db.read(
    `MATCH (n) WHERE NOT n:DossierChange AND NOT n:DossierIdempotencyKey
     RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels`,
  );
  return { nodes: Number(row?.['nodes']), rels: Number(row?.['rels']) };
}

const MERGE = `mutation ($s: ID!, $m: ID!, $quote: String!, $source: ID!, $key: String) {
  merge(survivor: $s, merged: $m, reason: "Same company, two spellings.",
        citations: [{source: $source, quote: $quote}], idempotencyKey: $key) {
    relationships citations
    survivor { uid elementId version }
    merged { uid elementId version }
    change { id action targets reason citations { source quote start end } }
  }
}`;
const UNMERGE_BY_ID = `mutation ($id: ID!) {
  unmerge(mergeChangeId: $id, reason: "They are two companies after all.") {
    relationships citations change { action targets }
  }
}`;
const UNMERGE_BY_NODES = `mutation ($s: ID!, $m: ID!) {
  unmerge(survivor: $s, merged: $m) { relationships citations change { action } }
}`;
const NEIGHBOURHOOD = `query ($ids: [ID!]!) {
  neighbourhood(ids: $ids) { nodes { id } edges { id type source target properties } missing }
}`;

interface MergeResult {
  merge: {
    relationships: number;
    citations: number;
    survivor: { uid: string; elementId: string };
    merged: { uid: string; elementId: string };
    change: { id: string; action: string; targets: string[]; citations: { start: number }[] };
  };
}
interface Hood {
  neighbourhood: {
    nodes: { id: string }[];
    edges: { id: string; type: string; source: string; target: string; properties: unknown }[];
    missing: string[];
  };
}

// Each test runs several requests and writes; on a loaded 2-core machine they take tens of seconds.
describe('merge and unmerge (issue 13), on a real Neo4j', { timeout: 300_000 }, () => {
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

  describe('on the story graph', () => {
    let bytedance: string;
    let dup: string;
    let tiktok: string;
    let rubo: string;
    let affected: string[];

    beforeAll(async () => {
      await resetDatabase(db);
      forgetLiveSchema(db);
      await seedStory(db);
      gql = graphqlClient(db);
      bytedance = await nodeIdOf('bytedance');
      tiktok = await nodeIdOf('tiktok');
      rubo = await nodeIdOf('rubo-liang');
      // A duplicate of ByteDance as a second import might bring it: its own citation, its own
      // relationships both ways (one with temporal and list values), a loop, and one to ByteDance.
      const [row] = await db.write(
        `MATCH (b:Organization {id: 'bytedance'}), (t:Organization {id: 'tiktok'}), (r:Person {id: 'rubo-liang'})
         CREATE (d:Organization:Imported {id: 'bytedance-ltd', name: 'ByteDance Ltd.', founded: date('2012-03-09'),
           sources: ['article-000'], quotes: ['ByteDance']})
         CREATE (d)-[:OWNS {since: date('2020-08-01'), share: 1.0, tags: ['parent', 'owner']}]->(t)
         CREATE (r)-[:WORKS_FOR {role: 'CEO', from: datetime('2021-05-20T00:00:00Z')}]->(d)
         CREATE (d)-[:REFERS_TO {note: 'loop'}]->(d)
         CREATE (d)-[:SAME_AS {confidence: 0.9}]->(b)
         RETURN elementId(d) AS d`,
      );
      dup = String(row?.['d']);
      affected = [bytedance, dup, tiktok, rubo];
    });

    it('keeps both nodes’ relationships and citations on the survivor, hides the merged one, and unmerge restores every node and relationship exactly', async () => {
      const before = await dump(db, affected);
      const countsBefore = await counts(db);
      const hoodBefore = (await gql.data<Hood>(NEIGHBOURHOOD, { ids: [bytedance] })).neighbourhood;

      const res = await gql.data<MergeResult>(MERGE, {
        s: bytedance,
        m: 'bytedance-ltd',
        source: 'article-000',
        quote: 'Rubo Liang, CEO of ByteDance',
      });
      // OWNS, WORKS_FOR and the loop are copied; SAME_AS (between the two) is not.
      expect(res.merge.relationships).toBe(3);
      expect(res.merge.citations).toBe(1);
      expect(res.merge.change).toMatchObject({
        action: 'merge',
        targets: [res.merge.survivor.uid, res.merge.merged.uid],
      });
      expect(res.merge.change.citations[0]?.start).toEqual(expect.any(Number));

      const hood = (await gql.data<Hood>(NEIGHBOURHOOD, { ids: [bytedance] })).neighbourhood;
      const ids = hood.nodes.map((n) => n.id);
      expect(ids).not.toContain(dup);
      expect(ids).toEqual(expect.arrayContaining([tiktok, rubo]));
      const owns = hood.edges.filter((e) => e.type === 'OWNS' && e.target === tiktok);
      expect(owns.map((e) => e.properties)).toContainEqual({
        since: '2020-08-01',
        share: 1,
        tags: ['parent', 'owner'],
      });
      expect(
        hood.edges.some(
          (e) => e.type === 'WORKS_FOR' && e.source === rubo && e.target === bytedance,
        ),
      ).toBe(true);
      expect(
        hood.edges.some(
          (e) => e.type === 'REFERS_TO' && e.source === bytedance && e.target === bytedance,
        ),
      ).toBe(true);
      expect(hood.edges.filter((e) => e.type === 'SAME_AS')).toEqual([]);
      const { entity } = await gql.data<{
        entity: { sources: { articleId: string; quote: string }[] };
      }>('{ entity(id: "bytedance") { sources { articleId quote } } }');
      expect(entity.sources).toContainEqual({ articleId: 'article-000', quote: 'ByteDance' });
      const search = await gql.data<{ search: { hits: { node: { id: string } }[] } }>(
        '{ search(text: "ByteDance Ltd") { hits { node { id } } } }',
      );
      expect(search.search.hits.map((h) => h.node.id)).not.toContain(dup);
      const mergedNow = await db.read(
        'MATCH (d) WHERE elementId(d) = $id RETURN d.dossierRetracted AS r, d.dossierMergedInto AS into',
        { id: dup },
      );
      expect(mergedNow[0]).toEqual({ r: true, into: res.merge.survivor.uid });
      // Restore is refused for a merged node: unmerge is what takes the copies back off.
      const restore = await gql.query(`mutation { restore(id: "bytedance-ltd") { retracted } }`);
      expect(restore.errors?.[0]?.message).toMatch(/unmerge/);

      const undone = await gql.data<{ unmerge: { relationships: number; citations: number } }>(
        UNMERGE_BY_ID,
        { id: res.merge.change.id },
      );
      expect(undone.unmerge).toMatchObject({ relationships: 3, citations: 1 });
      expect(await dump(db, affected)).toEqual(before);
      expect(await counts(db)).toEqual(countsBefore);
      expect((await gql.data<Hood>(NEIGHBOURHOOD, { ids: [bytedance] })).neighbourhood).toEqual(
        hoodBefore,
      );
      const again = await gql.query(UNMERGE_BY_ID, { id: res.merge.change.id });
      expect(again.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const history = await db.read(
        'MATCH (c:DossierChange) WHERE $uid IN c.targets RETURN c.action AS a ORDER BY c.at, c.seq',
        { uid: res.merge.merged.uid },
      );
      expect(history.map((h) => h['a'])).toEqual(['merge', 'unmerge']);
    });

    it('a retried merge (same idempotency key) merges once; unmerge by survivor and merged undoes it, refusing first to lose a later change to a copy', async () => {
      const before = await dump(db, affected);
      const vars = {
        s: 'bytedance',
        m: dup,
        source: 'article-000',
        quote: 'Rubo Liang, CEO of ByteDance',
        key: 'merge-retry-1',
      };
      const first = await gql.data<MergeResult>(MERGE, vars);
      const second = await gql.data<MergeResult>(MERGE, vars);
      expect(second).toEqual(first);
      const [copies] = await db.read(
        'MATCH ()-[c]->() WHERE c.dossierMergeCopyOf IS NOT NULL RETURN count(c) AS n',
      );
      expect(copies?.['n']).toBe(3);
      // A copy cited after the merge would lose that citation with the copy: CONFLICT first.
      const [copy] = await db.read(
        'MATCH ()-[c:OWNS]->() WHERE c.dossierMergeCopyOf IS NOT NULL RETURN elementId(c) AS id',
      );
      await gql.data(
        `mutation ($id: ID!) { addCitations(input: {element: $id,
          citations: [{source: "article-000", quote: "Rubo Liang, CEO of ByteDance"}]}) { outcome } }`,
        { id: copy?.['id'] },
      );
      const refused = await gql.query(UNMERGE_BY_NODES, { s: bytedance, m: dup });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/OWNS .*cite by local/);
      const undone = await gql.data<{ unmerge: { relationships: number } }>(
        `mutation ($s: ID!, $m: ID!) {
          unmerge(survivor: $s, merged: $m, discardLaterChanges: true) { relationships }
        }`,
        { s: bytedance, m: dup },
      );
      expect(undone.unmerge.relationships).toBe(3);
      expect(await dump(db, affected)).toEqual(before);
    });

    it('refuses bad merges with a code and a sentence, and writes nothing', async () => {
      const before = await dump(db, affected);
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ s: bytedance, m: bytedance, source: 'article-000', quote: 'ByteDance' }, /same node/],
        [
          { s: bytedance, m: dup, source: 'article-000', quote: 'never printed words here' },
          /verbatim/,
        ],
        [{ s: bytedance, m: 'no-such-node', source: 'article-000', quote: 'ByteDance' }, /No node/],
      ];
      for (const [vars, message] of cases) {
        const res = await gql.query(MERGE, vars);
        expect(res.errors?.[0]?.message).toMatch(message);
        expect(res.errors?.[0]?.extensions?.['code']).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
      }
      const noCitation = await gql.query(
        'mutation ($s: ID!, $m: ID!) { merge(survivor: $s, merged: $m, reason: "x", citations: []) { citations } }',
        { s: bytedance, m: dup },
      );
      expect(noCitation.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      const neither = await gql.query('mutation { unmerge { citations } }');
      expect(neither.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(await dump(db, affected)).toEqual(before);
    });
  });

  describe('on a POLE-like graph (no story labels, no citations on the survivor)', () => {
    it('merge → unmerge gives back both people, every relationship with its properties and direction, and the survivor without citation lists', async () => {
      await resetDatabase(db);
      forgetLiveSchema(db);
      gql = graphqlClient(db);
      const [row] = await db.write(
        `CREATE (note:Article {id: 'case-note-1', text: 'Officer report: Jon Smith, also recorded as John Smith, lives at 12 Oak Road.'})
         CREATE (a:Person {name: 'John', surname: 'Smith', nhs_no: '123-45-6789', big: 9007199254740993})
         CREATE (b:Person {name: 'Jon', surname: 'Smith', born: date('1980-02-29'),
           sources: ['case-note-1'], quotes: ['Jon Smith'], dossierQuoteStarts: [16], dossierQuoteEnds: [25]})
         CREATE (l:Location {address: '12 Oak Road', position: point({x: 1.5, y: 2.5})})
         CREATE (c:Crime {type: 'Burglary', date: localdatetime('2017-08-01T10:00:00')})
         CREATE (p:Phone {phoneNo: '07700 900123'})
         CREATE (b)-[:CURRENT_ADDRESS {since: date('2015-01-01')}]->(l)
         CREATE (b)-[:PARTY_TO]->(c)
         CREATE (b)-[:PARTY_TO {role: 'witness'}]->(c)
         CREATE (p)-[:HAS_PHONE_OWNER {since: duration('P2Y')}]->(b)
         CREATE (a)-[:KNOWS {how: 'family'}]->(b)
         CREATE (a)-[:HAS_PHONE]->(p)
         RETURN elementId(a) AS a, elementId(b) AS b, [elementId(l), elementId(c), elementId(p)] AS others`,
      );
      const john = String(row?.['a']);
      const jon = String(row?.['b']);
      const affected = [john, jon, ...(row?.['others'] as string[])];
      const before = await dump(db, affected);
      const countsBefore = await counts(db);

      const res = await gql.data<MergeResult>(MERGE, {
        s: john,
        m: jon,
        source: 'case-note-1',
        quote: 'Jon Smith, also recorded as John Smith',
      });
      expect(res.merge.relationships).toBe(4);
      expect(res.merge.citations).toBe(1);
      const [survivor] = await db.read(
        `MATCH (a) WHERE elementId(a) = $id
         RETURN a.sources AS s, a.quotes AS q, a.dossierQuoteStarts AS st, a.dossierQuoteEnds AS en,
           COUNT { (a)-[:PARTY_TO]->() } AS partyTo, COUNT { (a)<-[:HAS_PHONE_OWNER]-() } AS owner`,
        { id: john },
      );
      expect(survivor).toEqual({
        s: ['case-note-1'],
        q: ['Jon Smith'],
        st: [16],
        en: [25],
        partyTo: 2,
        owner: 1,
      });
      const hood = (await gql.data<Hood>(NEIGHBOURHOOD, { ids: [john] })).neighbourhood;
      expect(hood.nodes.map((n) => n.id)).not.toContain(jon);
      expect(hood.edges.filter((e) => e.type === 'PARTY_TO').map((e) => e.properties)).toEqual(
        expect.arrayContaining([{}, { role: 'witness' }]),
      );

      await gql.data(UNMERGE_BY_ID, { id: res.merge.change.id });
      expect(await dump(db, affected)).toEqual(before);
      expect(await counts(db)).toEqual(countsBefore);
    });
  });
});
