import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import {
  articleFiles,
  articleIds,
  root,
  sourcesDir,
} from '../../scripts/generate-seed-articles.js';
import { seedElements } from '../../scripts/story-seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

const LABELS = [
  'Article',
  'Claim',
  'Data',
  'Disagreement',
  'Event',
  'Organization',
  'Outlet',
  'Person',
  'Team',
];

/** Every node and relationship with all its properties, in a stable order. */
async function dump(db: Database): Promise<{ nodes: Row[]; relationships: Row[] }> {
  return {
    nodes: await db.read(
      'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties ORDER BY n.id',
    ),
    relationships: await db.read(
      'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS properties ORDER BY r.id',
    ),
  };
}

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const row of await db.read(
    'MATCH (n) UNWIND labels(n) AS l RETURN "label " + l AS k, count(*) AS c UNION ALL MATCH ()-[r]->() RETURN "type " + type(r) AS k, count(*) AS c UNION ALL MATCH (n) RETURN "nodes" AS k, count(n) AS c UNION ALL MATCH ()-[r]->() RETURN "relationships" AS k, count(r) AS c',
  )) {
    out[String(row['k'])] = Number(row['c']);
  }
  return out;
}

describe('the story graph loaded into a real Neo4j', () => {
  let db: Database;
  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('holds exactly the nodes and relationships the seed file declares (78 nodes, 180 relationships)', async () => {
    const elements = seedElements();
    const c = await counts(db);
    expect(c['nodes']).toBe(78);
    expect(c['relationships']).toBe(180);
    for (const label of LABELS) {
      expect(c[`label ${label}`], label).toBe(
        elements.filter((e) => e.kind === 'node' && e.label === label).length,
      );
    }
    // Every node has exactly one label.
    expect(LABELS.reduce((sum, l) => sum + (c[`label ${l}`] ?? 0), 0)).toBe(c['nodes']);
    const types = new Set(elements.filter((e) => e.kind === 'relationship').map((e) => e.label));
    for (const type of types) {
      expect(c[`type ${type}`], type).toBe(
        elements.filter((e) => e.kind === 'relationship' && e.label === type).length,
      );
    }
    // CLAIMED_BY is derived: one per (claim, article it cites).
    const claimArticles = elements
      .filter((e) => e.label === 'Claim')
      .reduce((sum, e) => sum + new Set(e.sources).size, 0);
    expect(c['type CLAIMED_BY']).toBe(claimArticles);
  });

  it('stores the full text of each Article equal to its source file, byte for byte', async () => {
    const rows = await db.read(
      'MATCH (a:Article) RETURN a.id AS id, a.file AS file, a.text AS text',
    );
    expect(rows.map((r) => r['id']).sort()).toEqual([...articleIds].sort());
    for (const row of rows) {
      const id = String(row['id']) as keyof typeof articleFiles;
      expect(row['file']).toBe(articleFiles[id]);
      const expected = readFileSync(join(sourcesDir, articleFiles[id]));
      expect(Buffer.from(String(row['text']), 'utf8').equals(expected), id).toBe(true);
    }
  });

  it('gives every node an id, a name, at least one source and aligned quotes that are verbatim in the cited article', async () => {
    const bad = await db.read(`
      MATCH (n)
      WHERE n.id IS NULL OR n.name IS NULL OR trim(n.name) = ''
         OR n.sources IS NULL OR n.quotes IS NULL OR size(n.sources) = 0
         OR size(n.sources) <> size(n.quotes)
         OR any(i IN range(0, size(n.sources) - 1) WHERE
              trim(n.quotes[i]) = '' OR
              NOT EXISTS { MATCH (a:Article {id: n.sources[i]}) WHERE a.text CONTAINS n.quotes[i] })
      RETURN n.id AS id`);
    expect(bad).toEqual([]);
    const [checked] = await db.read('MATCH (n) RETURN sum(size(n.quotes)) AS quotes');
    expect(Number(checked?.['quotes'])).toBeGreaterThan(100);
  });

  it('gives every relationship an id, at least one source and aligned quotes that are verbatim in the cited article', async () => {
    const bad = await db.read(`
      MATCH ()-[r]->()
      WHERE r.id IS NULL OR r.sources IS NULL OR r.quotes IS NULL OR size(r.sources) = 0
         OR size(r.sources) <> size(r.quotes)
         OR any(i IN range(0, size(r.sources) - 1) WHERE
              trim(r.quotes[i]) = '' OR
              NOT EXISTS { MATCH (a:Article {id: r.sources[i]}) WHERE a.text CONTAINS r.quotes[i] })
      RETURN type(r) AS type, r.id AS id`);
    expect(bad).toEqual([]);
    const [checked] = await db.read('MATCH ()-[r]->() RETURN sum(size(r.quotes)) AS quotes');
    expect(Number(checked?.['quotes'])).toBeGreaterThan(180);
  });

  it('uses unique ids for nodes and for relationships', async () => {
    const [row] = await db.read(`
      CALL () { MATCH (n) RETURN count(n) AS nodes, count(DISTINCT n.id) AS nodeIds }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, count(DISTINCT r.id) AS relIds }
      RETURN nodes, nodeIds, rels, relIds`);
    expect(row?.['nodeIds']).toBe(row?.['nodes']);
    expect(row?.['relIds']).toBe(row?.['rels']);
  });

  it('has a uniqueness constraint on id for every label and an online full-text index over all of them', async () => {
    const constraints = await db.read(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
    );
    for (const label of LABELS) {
      expect(constraints, label).toContainEqual({ label, props: ['id'] });
    }
    const [index] = await db.read(
      "SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties WHERE name = 'dossier_fulltext' RETURN state, labelsOrTypes, properties",
    );
    expect(index?.['state']).toBe('ONLINE');
    expect([...(index?.['labelsOrTypes'] as string[])].sort()).toEqual(LABELS);
    expect(index?.['properties']).toEqual(
      expect.arrayContaining(['name', 'title', 'description', 'statement', 'quotes', 'text']),
    );
  });

  it('finds people, quoted wording and article text through the dossier_fulltext index', async () => {
    const search = async (q: string): Promise<string[]> =>
      (
        await db.read(
          "CALL db.index.fulltext.queryNodes('dossier_fulltext', $q) YIELD node RETURN node.id AS id",
          { q },
        )
      ).map((r) => String(r['id']));
    expect((await search('Rubo Liang'))[0]).toBe('rubo-liang');
    expect(await search('hush')).toContain('claim-004-no-comment');
    expect(await search('snitched')).toContain('suspected-leakers');
    expect(await search('"Back to top button"')).toEqual(['article-000']);
  });

  it('seeding a second time leaves the same counts and the same content', async () => {
    const beforeCounts = await counts(db);
    const before = await dump(db);
    const result = await seedStory(db);
    expect(result).toMatchObject({ nodes: 78, relationships: 180 });
    expect(await counts(db)).toEqual(beforeCounts);
    expect(await dump(db)).toEqual(before);
  });

  it('seeding with reset removes anything else and rebuilds the same graph', async () => {
    const before = await dump(db);
    await db.write("CREATE (:Scratch {id: 'not-part-of-the-story'})-[:LINKS]->(:Scratch)");
    const messages: string[] = [];
    // Statements sent once the delete is done (it counts what it deletes).
    const sent: string[] = [];
    const off = db.onStatement((cypher) => {
      if (!messages.at(-1)?.startsWith('Deleting')) sent.push(cypher);
    });
    const result = await seedStory(db, { reset: true, progress: (m) => messages.push(m) });
    off();
    expect(await dump(db)).toEqual(before);
    expect(messages[0]).toMatch(/Deleting/);
    expect(messages.at(-1)).toBe('Story graph loaded: 78 nodes, 180 relationships.');
    // Into an emptied database the load's own counters give the totals: no statement counts the
    // graph afterwards (a first start's cold JVM spent 0.15 s planning one).
    expect(result).toMatchObject({ nodes: 78, relationships: 180 });
    expect(sent.filter((c) => /count\(/i.test(c))).toEqual([]);
  });

  it('orders dated events by their sortable bounds and keeps the words and the inference', async () => {
    const rows = await db.read(`
      MATCH (e:Event) WHERE e.start IS NOT NULL
      RETURN e.id AS id, e.dateText AS words, e.datePrecision AS precision, e.dateInferred AS inferred,
             e.dateNote AS note, e.start <= e.end AS ordered
      ORDER BY e.start, e.id`);
    expect(rows.map((r) => r['id'])).toEqual([
      'journalist-surveillance',
      'trust-safety-team-creation',
      'forbes-location-story',
      'internal-investigation',
      'trust-safety-reshuffle',
    ]);
    for (const r of rows) {
      expect(r['words'], String(r['id'])).toEqual(expect.any(String));
      expect(r['precision']).toEqual(expect.any(String));
      expect(r['inferred']).toBe(true);
      expect(String(r['note'])).toMatch(/context/);
      expect(r['ordered']).toBe(true);
    }
    const [summer] = await db.read(
      "MATCH (e:Event {id: 'journalist-surveillance'}) RETURN e.dateText AS t, e.start AS s, e.end AS e, e.datePrecision AS p",
    );
    expect(summer).toEqual({
      t: 'During the summer',
      s: '2022-06-01',
      e: '2022-08-31',
      p: 'season',
    });
  });

  it('documents every label and relationship type in cypher/README.md, with an example query per type that returns rows', async () => {
    const readme = readFileSync(join(root, 'cypher', 'README.md'), 'utf8');
    for (const label of LABELS) expect(readme).toContain(`| \`${label}\` |`);
    const types = (await db.read('MATCH ()-[r]->() RETURN DISTINCT type(r) AS t ORDER BY t')).map(
      (r) => String(r['t']),
    );
    expect(types).toHaveLength(52);
    for (const type of types) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
      expect(row, `README row for ${type}`).toBeDefined();
      const example = /`(MATCH [^`]+)` \|$/.exec(row ?? '')?.[1];
      expect(example, `example for ${type}`).toContain(`:${type}`);
      const rows = await db.read(example ?? '');
      expect(rows.length, `${type}: ${example}`).toBeGreaterThan(0);
    }
  });
});
