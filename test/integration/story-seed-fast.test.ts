import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../server/db/database.js';
import { loadSeed, seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

/**
 * Every node and relationship by id: labels, every property with its stored Cypher type
 * (valueType: INTEGER is not FLOAT, DATE is not STRING), and each relationship's type, endpoints
 * and properties the same way.
 */
async function dump(db: Database): Promise<{ nodes: Row[]; relationships: Row[] }> {
  const props = (v: string): string =>
    `COLLECT { UNWIND keys(${v}) AS k WITH k ORDER BY k RETURN [k, valueType(${v}[k]), ${v}[k]] }`;
  return {
    nodes: await db.read(
      `MATCH (n)
       RETURN n.id AS id, COLLECT { UNWIND labels(n) AS l WITH l ORDER BY l RETURN l } AS labels, ${props('n')} AS properties
       ORDER BY id, labels`,
    ),
    relationships: await db.read(
      `MATCH (a)-[r]->(b)
       RETURN r.id AS id, type(r) AS type, a.id AS from, labels(a) AS fromLabels, b.id AS to, labels(b) AS toLabels,
         ${props('r')} AS properties
       ORDER BY id, type, from, to`,
    ),
  };
}

/** The story loaded into an emptied database (schema included) by one method, dumped. */
async function loadStory(
  db: Database,
  method: 'batches' | 'statements',
): Promise<{ nodes: Row[]; relationships: Row[] }> {
  await resetDatabase(db);
  await seedStory(db, { method });
  return dump(db);
}

// Loading the story statement by statement takes a minute on a busy two-core machine.
describe(
  'the seed fast path (UNWIND batches) gives the graph cypher/seed.cypher gives',
  { timeout: 600_000 },
  () => {
    let db: Database;
    beforeAll(() => {
      db = connectTestDatabase();
    });
    afterAll(async () => {
      await resetDatabase(db);
      await db.close();
    });

    it('the story: identical labels, typed properties and relationships, by id, into an empty database and again on top', async () => {
      const asWritten = await loadStory(db, 'statements');
      expect(asWritten.nodes).toHaveLength(78);
      expect(asWritten.relationships).toHaveLength(180);
      // The file holds integers, booleans, dates and string lists; the dump must see their types.
      const types = new Set(
        asWritten.nodes.flatMap((n) => (n['properties'] as [string, string][]).map((p) => p[1])),
      );
      for (const t of [
        'STRING NOT NULL',
        'INTEGER NOT NULL',
        'BOOLEAN NOT NULL',
        'DATE NOT NULL',
        'LIST<STRING NOT NULL> NOT NULL',
      ])
        expect(types).toContain(t);

      // Into an empty database: one node batch with dynamic labels.
      const batched = await loadStory(db, 'batches');
      expect(batched).toEqual(asWritten);
      // Again on top of it (one batch per label now): the same graph, nothing doubled.
      await seedStory(db, { method: 'batches' });
      expect(await dump(db)).toEqual(asWritten);
    });

    it('a seed with other values and shapes: floats, nulls, escapes, an expression, a node merged twice, a relationship to a node the file does not create', async () => {
      const seed = `
MERGE (n:Scratch {id: 'a'})
SET n += {ratio: 0.5, big: 9007199254740993, negative: -3, exp: 1e3, none: null, text: 'it\\'s "quoted"\\n\\u00e9', flags: [true, false], when: date('2024-02-29')};
MERGE (n:Scratch {id: 'b'})
SET n.name = 'B', n.count = 2;
MERGE (n:Scratch {id: 'a'})
SET n += {text: 'replaced', added: 1.0};
MERGE (n:Other {id: 'a'})
SET n += {computed: 1 + 2};
MATCH (a:Scratch {id: 'a'}), (b:Scratch {id: 'b'})
MERGE (a)-[r:LINKS {id: 'a-b'}]->(b)
SET r += {weight: 2.5, tags: ['x', 'y']};
MATCH (a:Scratch {id: 'b'}), (b:Scratch {id: 'a'})
MERGE (b)-[r:LINKS {id: 'a-b'}]->(a)
SET r += {note: 'merged again, written the other way round'};
MATCH (a:Scratch {id: 'a'}), (b:Missing {id: 'z'})
MERGE (a)-[r:LINKS {id: 'a-z'}]->(b);
MERGE (n:Scratch {id: 'c'})
SET n += {after: true};
MATCH (a:Scratch {id: 'c'}), (b:Scratch {id: 'a'})
MERGE (a)-[r:FOLLOWS {id: 'c-a'}]->(b)
`;
      const load = async (method: 'batches' | 'statements') => {
        await resetDatabase(db);
        // A node the file only MATCHes, there before the seed.
        await db.write("CREATE (:Missing {id: 'z'})");
        await loadSeed(db, seed, { method, progress: () => undefined });
        return dump(db);
      };
      const asWritten = await load('statements');
      expect(asWritten.nodes.map((n) => n['id'])).toEqual(['a', 'a', 'b', 'c', 'z']);
      expect(asWritten.relationships.map((r) => r['id'])).toEqual(['a-b', 'a-z', 'c-a']);
      expect(await load('batches')).toEqual(asWritten);
    });
  },
);
