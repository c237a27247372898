import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import {
  consoleClient,
  snapshot,
  type ConsoleClient,
  type GraphSnapshot,
} from '../fixtures/cypher/console.js';
import { expectReadWorks, type ReadCase } from '../fixtures/cypher/read-cases.js';

const column = (r: { columns: string[]; rows: unknown[][] }, name: string): unknown[] =>
  r.rows.map((row) => row[r.columns.indexOf(name)]);

const STORY_READS: readonly ReadCase[] = [
  {
    name: 'counts nodes per label (aggregation, ORDER BY)',
    query: 'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY n DESC, label',
    check: (r) => {
      expect(column(r, 'label')).toEqual(
        expect.arrayContaining(['Person', 'Organization', 'Claim', 'Disagreement', 'Article']),
      );
    },
  },
  {
    name: 'counts relationships per type',
    query: 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC, type',
    check: (r) => expect(column(r, 'type')).toContain('ABOUT'),
  },
  {
    name: 'lists people as nodes for the graph view',
    query: 'MATCH (p:Person) RETURN p ORDER BY p.id',
    check: (r) => {
      expect(r.graph.nodes.length).toBe(r.rows.length);
      expect(r.graph.nodes.every((n) => n.labels.includes('Person'))).toBe(true);
      expect(r.graph.nodes.map((n) => n.caption)).toContain('Rubo Liang');
    },
  },
  {
    name: 'returns people, relationships and organisations as one subgraph',
    query: 'MATCH (p:Person)-[r:WORKS_FOR]->(o:Organization) RETURN p, r, o',
    check: (r) => {
      expect(r.rows.length).toBeGreaterThan(0);
      expect(r.graph.edges.length).toBe(r.rows.length);
      expect(r.graph.edges.every((e) => e.type === 'WORKS_FOR' && e.caption === 'WORKS_FOR')).toBe(
        true,
      );
    },
  },
  {
    name: 'adds the end nodes of relationships returned alone',
    query: 'MATCH ()-[r:TRACKED]->() RETURN r',
    check: (r) => {
      expect(r.graph.edges.length).toBe(r.rows.length);
      expect(r.graph.nodes.length).toBeGreaterThanOrEqual(2);
    },
  },
  {
    name: 'OPTIONAL MATCH gives null where nothing matches',
    query:
      'MATCH (p:Person) OPTIONAL MATCH (p)-[:CEO_OF]->(o:Organization) RETURN p.name AS person, o.name AS org ORDER BY person',
    check: (r) => {
      expect(column(r, 'org')).toContain(null);
      expect(column(r, 'org')).toContain('ByteDance');
    },
  },
  {
    name: 'variable-length paths become rows and one subgraph',
    query:
      "MATCH path = (:Person {id: 'rubo-liang'})-[*1..2]-() RETURN path, length(path) AS hops ORDER BY hops, elementId(last(nodes(path)))",
    sameAsDatabase: false,
    check: (r) => {
      expect(r.rows.length).toBeGreaterThan(1);
      const edgesInRows = new Set(
        r.rows.flatMap((row) =>
          (row[0] as { relationships: { id: string }[] }).relationships.map((x) => x.id),
        ),
      );
      expect(new Set(r.graph.edges.map((e) => e.id))).toEqual(edgesInRows);
    },
  },
  {
    name: 'shortestPath between a person and an outlet',
    query:
      "MATCH (a:Person {id: 'rubo-liang'}), (b:Outlet {id: 'forbes'}) MATCH p = shortestPath((a)-[*..10]-(b)) RETURN p, length(p) AS hops",
    check: (r) => {
      expect(r.rows).toHaveLength(1);
      const hops = Number(r.rows[0]?.[1]);
      expect(r.graph.edges).toHaveLength(hops);
      expect(r.graph.nodes).toHaveLength(hops + 1);
    },
  },
  {
    name: 'allShortestPaths, counted',
    query:
      "MATCH (a:Person {id: 'rubo-liang'}), (b:Outlet {id: 'forbes'}) MATCH p = allShortestPaths((a)-[*..10]-(b)) RETURN count(p) AS paths, min(length(p)) AS hops",
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThanOrEqual(1),
  },
  {
    name: 'a quantified path pattern',
    query: 'MATCH p = (:Person)(()-[]->()){1,2}(:Organization) RETURN count(p) AS n',
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThan(0),
  },
  {
    name: 'UNWIND a parameter list into lookups',
    query:
      'UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.id AS id, o.name AS name ORDER BY id',
    params: { ids: ['bytedance', 'tiktok', 'no-such-id'] },
    check: (r) => expect(column(r, 'id')).toEqual(['bytedance', 'tiktok']),
  },
  {
    name: 'a correlated CALL subquery',
    query:
      'MATCH (o:Organization) CALL (o) { MATCH (o)<-[r]-() RETURN count(r) AS inbound } RETURN o.id AS id, inbound ORDER BY inbound DESC, id',
    check: (r) => expect(r.rows.length).toBeGreaterThan(3),
  },
  {
    name: 'a CALL subquery with UNION',
    query:
      'CALL () { MATCH (p:Person) RETURN p.name AS name UNION MATCH (o:Outlet) RETURN o.name AS name } RETURN count(name) AS names',
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThan(10),
  },
  {
    name: 'a list comprehension over a list property',
    query:
      "MATCH (c:Claim) RETURN c.id AS id, [s IN c.sources WHERE s STARTS WITH 'article'] AS articles ORDER BY id",
    check: (r) => expect((r.rows[0]?.[1] as unknown[]).length).toBeGreaterThan(0),
  },
  {
    name: 'a map projection',
    query:
      'MATCH (p:Person) RETURN p {.id, .name, quotes: size(p.quotes)} AS person ORDER BY person.id',
    check: (r) => expect(r.rows[0]?.[0]).toMatchObject({ id: expect.any(String) }),
  },
  {
    name: 'a pattern comprehension',
    query:
      'MATCH (o:Organization) RETURN o.id AS id, [(o)<-[:WORKS_FOR]-(p) | p.name] AS staff ORDER BY id',
    check: (r) => expect(r.rows.some((row) => (row[1] as unknown[]).length > 0)).toBe(true),
  },
  {
    name: 'reduce over quotes',
    query:
      'MATCH (c:Claim) RETURN c.id AS id, reduce(total = 0, q IN c.quotes | total + size(q)) AS chars ORDER BY id',
    check: (r) => expect(Number(r.rows[0]?.[1])).toBeGreaterThan(0),
  },
  {
    name: 'db.schema.visualization() as a graph of labels',
    query: 'CALL db.schema.visualization()',
    sameAsDatabase: false,
    check: (r) => {
      expect(r.columns).toEqual(['nodes', 'relationships']);
      expect(r.graph.nodes.map((n) => n.labels[0])).toEqual(
        expect.arrayContaining(['Person', 'Organization', 'Claim']),
      );
      expect(r.graph.edges.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'db.labels(), db.relationshipTypes() and db.propertyKeys()',
    query:
      'CALL db.labels() YIELD label WITH collect(label) AS labels CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types CALL db.propertyKeys() YIELD propertyKey RETURN size(labels) AS labels, size(types) AS types, count(propertyKey) AS keys',
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThanOrEqual(9),
  },
  {
    name: 'a full-text query on the story index',
    query:
      "CALL db.index.fulltext.queryNodes('dossier_fulltext', 'journalists') YIELD node, score RETURN node, score ORDER BY score DESC, elementId(node) LIMIT 10",
    check: (r) => {
      expect(r.rows.length).toBeGreaterThan(0);
      expect(r.graph.nodes.length).toBe(r.rows.length);
    },
  },
  {
    name: 'a full-text query with the search text as a parameter',
    query:
      "CALL db.index.fulltext.queryNodes('dossier_fulltext', $q) YIELD node RETURN node.id AS id ORDER BY id",
    params: { q: 'ByteDance' },
    check: (r) => expect(column(r, 'id')).toContain('bytedance'),
  },
  {
    name: 'an EXISTS subquery',
    query:
      'MATCH (p:Person) WHERE EXISTS { (p)-[:WORKS_FOR]->(:Organization) } RETURN p.id AS id ORDER BY id',
    check: (r) => expect(r.rows.length).toBeGreaterThan(0),
  },
  {
    name: 'a COUNT subquery: claims per disagreement',
    query:
      'MATCH (d:Disagreement) RETURN d.id AS id, COUNT { (d)-[:BETWEEN]->() } AS claims ORDER BY id',
    check: (r) => expect(column(r, 'claims').every((n) => Number(n) >= 2)).toBe(true),
  },
  {
    name: 'the disputed elements and their disagreements',
    query:
      'MATCH (n) WHERE n.disputed = true RETURN labels(n)[0] AS label, n.id AS id, n.disagreement AS disagreement ORDER BY id',
    check: (r) =>
      expect(column(r, 'disagreement').every((d) => String(d).startsWith('disagreement-'))).toBe(
        true,
      ),
  },
  {
    name: 'SKIP and LIMIT from integer parameters',
    query: 'MATCH (n) RETURN n.id AS id ORDER BY id SKIP $skip LIMIT $limit',
    params: { skip: 2, limit: 5 },
    check: (r) => expect(r.rows).toHaveLength(5),
  },
  {
    name: 'CASE and string functions over articles',
    query:
      "MATCH (a:Article) RETURN a.id AS id, size(a.text) AS chars, CASE WHEN a.text CONTAINS 'Forbes' THEN 'mentions Forbes' ELSE 'does not' END AS forbes ORDER BY id",
    check: (r) => expect(r.rows).toHaveLength(2),
  },
  {
    name: 'temporal values as ISO-8601 strings',
    query:
      "RETURN date('2022-12-22') AS day, datetime('2022-12-22T10:00:00Z') AS at, duration.between(date('2022-06-01'), date('2022-12-22')) AS gap",
    check: (r) => expect(r.rows[0]).toEqual(['2022-12-22', '2022-12-22T10:00:00Z', 'P6M21D']),
  },
  {
    name: 'integers beyond 2^53 as decimal strings, points as coordinates',
    query:
      'RETURN 9007199254740993 AS big, point({longitude: -2.24, latitude: 53.48}) AS manchester',
    check: (r) => {
      expect(r.rows[0]?.[0]).toBe('9007199254740993');
      expect(r.rows[0]?.[1]).toMatchObject({ crs: 'wgs-84', longitude: -2.24, latitude: 53.48 });
    },
  },
  {
    name: 'UNION of two matches',
    query: 'MATCH (p:Person) RETURN p.id AS id UNION MATCH (o:Outlet) RETURN o.id AS id',
    check: (r) => expect(column(r, 'id')).toEqual(expect.arrayContaining(['rubo-liang', 'forbes'])),
  },
  {
    name: 'nodes and relationships inside lists reach the graph',
    query:
      'MATCH p = (c:Claim)<-[:STATED]-(s) RETURN c.id AS id, nodes(p) AS nodes, relationships(p) AS rels ORDER BY id',
    check: (r) => {
      expect(r.graph.edges.length).toBe(r.rows.length);
      expect(r.graph.edges.every((e) => e.type === 'STATED')).toBe(true);
    },
  },
  {
    name: 'SHOW INDEXES for the full-text index',
    query: "SHOW INDEXES YIELD name, type WHERE name = 'dossier_fulltext' RETURN name, type",
    check: (r) => expect(r.rows).toEqual([['dossier_fulltext', 'FULLTEXT']]),
  },
  {
    name: 'SHOW CONSTRAINTS, counted',
    query: 'SHOW CONSTRAINTS YIELD name RETURN count(*) AS constraints',
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThanOrEqual(9),
  },
  {
    name: 'EXPLAIN plans without running',
    query: 'MATCH (p:Person)-[:WORKS_FOR]->(o) RETURN p.name, o.name',
    mode: 'EXPLAIN',
    check: (r) => {
      expect(r.rows).toEqual([]);
      expect(r.columns).toEqual(['p.name', 'o.name']);
      expect(r.planOperators[0]?.operatorType).toBe('ProduceResults');
      expect(r.planOperators.every((op) => op.rows === null && op.dbHits === null)).toBe(true);
      expect(r.summary.resultAvailableAfterMs).toBeNull();
    },
  },
  {
    name: 'PROFILE runs and counts rows and db hits per operator',
    query: 'MATCH (p:Person) RETURN count(p) AS people',
    mode: 'PROFILE',
    check: (r) => {
      expect(Number(r.rows[0]?.[0])).toBeGreaterThan(0);
      expect(r.planOperators.every((op) => typeof op.rows === 'number')).toBe(true);
      expect(r.planOperators.some((op) => (op.dbHits ?? 0) > 0)).toBe(true);
      expect(r.plan?.operatorType).toBe('ProduceResults');
    },
  },
  {
    name: 'USE of the console’s own database',
    query: 'USE neo4j MATCH (p:Person) RETURN count(p) AS people',
    check: (r) => expect(Number(r.rows[0]?.[0])).toBeGreaterThan(0),
  },
  {
    name: 'EXPLAIN places notifications in the text sent, not in what Dossier sent to Neo4j',
    query: 'MATCH (a:Outlet),\n      (b:Article) RETURN count(*) AS pairs',
    mode: 'EXPLAIN',
    check: (r) => {
      const note = r.summary.notifications.find((n) => n.code.endsWith('CartesianProduct'));
      expect(note?.position).toEqual({ line: 1, column: 1, offset: 0 });
    },
  },
  {
    name: 'a cartesian product is reported by a notification with its position',
    query: 'MATCH (a:Outlet), (b:Article) RETURN count(*) AS pairs',
    check: (r) => {
      const note = r.summary.notifications.find((n) => n.code.endsWith('CartesianProduct'));
      expect(note).toMatchObject({ severity: 'INFORMATION', position: { line: 1, column: 1 } });
      expect(Number(r.rows[0]?.[0])).toBeGreaterThan(0);
    },
  },
];

describe('the Cypher console runs legitimate reads on the story graph (real Neo4j)', () => {
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

  it('has at least 30 reads', () => {
    expect(STORY_READS.length).toBeGreaterThanOrEqual(30);
  });

  for (const read of STORY_READS) {
    it(`runs ${read.name}`, async () => {
      await expectReadWorks(read, client.rows, db);
    });
  }

  it('runs a script statement by statement, each result placed where it starts', async () => {
    const res = await client.script(
      'MATCH (p:Person) RETURN count(p) AS people;\n  // organisations next\n  MATCH (o:Organization) RETURN count(o) AS organisations;',
    );
    const statements = res.data?.cypherScript.statements ?? [];
    expect(res.errors).toBeUndefined();
    expect(statements.map((s) => [s.columns[0], s.line, s.column])).toEqual([
      ['people', 1, 1],
      ['organisations', 2, 3],
    ]);
    expect(statements[1]?.statement).toMatch(/^\/\/ organisations next\n/);
  });

  it('reports a syntax error with its line and column in the script and Neo4j’s explanation', async () => {
    const res = await client.script('RETURN 1 AS one;\nMATCH (p:Person\nRETURN p');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CYPHER_SYNTAX_ERROR',
      statement: 2,
      line: 3,
      column: 1,
    });
    expect(res.errors?.[0]?.message).toMatch(
      /^Invalid input 'RETURN'.*\(line 3, column 1\)\n"RETURN p"\n \^$/s,
    );
  });

  it('refuses a text of several statements on the cypher field and points to cypherScript', async () => {
    const res = await client.cypher('RETURN 1; RETURN 2');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', statements: 2 });
    expect(res.errors?.[0]?.message).toContain('cypherScript');
  });

  it('computes node degrees only when they are asked for, from the graph itself', async () => {
    const [row] = await db.read(
      "MATCH (n:Person {id: 'rubo-liang'}) RETURN COUNT { (n)--() } AS degree",
    );
    const res = await client.query<{ cypher: { graph: { nodes: { degree: number }[] } } }>(
      `query { cypher(query: "MATCH (n:Person {id: 'rubo-liang'}) RETURN n") { graph { nodes { degree } } } }`,
    );
    expect(res.data?.cypher.graph.nodes).toEqual([{ degree: row?.['degree'] }]);
  });

  it('changes nothing in the graph', async () => {
    expect(await snapshot(db)).toEqual(before);
  });
});
