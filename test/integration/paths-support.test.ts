import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { evidenceOf } from '../../client/src/evidence/evidence-categories.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Link {
  edgeId: string;
  type: string;
  sources: number;
  documents: number;
  disputed: boolean;
}
interface Path {
  nodeIds: string[];
  edgeIds: string[];
  support: {
    minSources: number;
    totalSources: number;
    disputed: boolean;
    weakestLink: Link;
    links: Link[];
  } | null;
}
interface Paths {
  paths: { length: number | null; supportAvailable: boolean; supportNote: string; paths: Path[] };
}

const LINK = 'edgeId type sources documents disputed';
const PATHS = `query ($from: ID!, $to: ID!, $minSources: Int, $excludeDisputed: Boolean, $longerBy: Int) {
  paths(from: $from, to: $to, minSources: $minSources, excludeDisputed: $excludeDisputed, longerBy: $longerBy) {
    length supportAvailable supportNote
    paths { nodeIds edgeIds support { minSources totalSources disputed weakestLink { ${LINK} } links { ${LINK} } } }
  }
}`;

describe('paths ranked by evidence on the story', () => {
  let db: Database;
  let gql: GraphQLClient;
  const ids = new Map<string, string>();
  const storyIds = new Map<string, string>();
  const idOf = (storyId: string): string => {
    const id = ids.get(storyId);
    if (!id) throw new Error(`no node ${storyId}`);
    return id;
  };
  const named = (p: Path): string[] => p.nodeIds.map((id) => storyIds.get(id) ?? id);

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    gql = graphqlClient(db);
    for (const row of await db.read('MATCH (n) RETURN n.id AS id, elementId(n) AS eid')) {
      ids.set(String(row['id']), String(row['eid']));
      storyIds.set(String(row['eid']), String(row['id']));
    }
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  /** Each relationship's citations counted straight from the graph: distinct publishers or relayed outlets. */
  const expectedSources = async (edgeIds: string[]): Promise<Map<string, number>> => {
    const rows = await db.read(
      `MATCH ()-[r]->() WHERE elementId(r) IN $ids
       UNWIND r.sources AS sid MATCH (a:Article {id: sid})
       RETURN elementId(r) AS id, count(DISTINCT coalesce(a.citedOutlet, a.publisher)) AS n`,
      { ids: edgeIds },
    );
    return new Map(rows.map((r) => [String(r['id']), Number(r['n'])]));
  };

  it('Rubo Liang → the Forbes editors: each path with its sources per link and its weakest link, best supported first', async () => {
    const { paths } = await gql.data<Paths>(PATHS, {
      from: idOf('rubo-liang'),
      to: idOf('forbes-editors'),
      longerBy: 1,
    });
    expect(paths.supportAvailable).toBe(true);
    expect(paths.supportNote).toMatch(/^Sorted by support/);
    expect(paths.length).toBe(3);
    expect(paths.paths.length).toBeGreaterThan(3);
    const counted = await expectedSources(paths.paths.flatMap((p) => p.edgeIds));
    for (const p of paths.paths) {
      const s = p.support;
      expect(s).not.toBeNull();
      expect(s?.links.map((l) => l.edgeId)).toEqual(p.edgeIds);
      for (const l of s?.links ?? []) expect(l.sources, l.type).toBe(counted.get(l.edgeId));
      expect(s?.minSources).toBe(Math.min(...(s?.links ?? []).map((l) => l.sources)));
      expect(s?.weakestLink.sources).toBe(s?.minSources);
    }
    // The story's only three-hop chain goes through single-sourced links; a four-hop chain through
    // TikTok has two links that both articles support, so it ranks first.
    const [best] = paths.paths;
    expect(named(best as Path)).toEqual([
      'rubo-liang',
      'bytedance',
      'tiktok',
      'internal-audit-team',
      'forbes-editors',
    ]);
    expect(best?.support?.links.map((l) => `${l.type}:${l.sources}`)).toEqual([
      'CEO_OF:1',
      'OWNS:2',
      'PART_OF:2',
      'TRACKED:1',
    ]);
    expect(best?.support?.weakestLink.type).toBe('CEO_OF');
    // Disputed chains (the FIRED and CONDEMNED accounts) come last.
    const disputed = paths.paths.map((p) => p.support?.disputed);
    expect(disputed).toContain(true);
    expect(disputed.indexOf(true)).toBeGreaterThan(disputed.lastIndexOf(false));
    const fired = paths.paths.find((p) => p.support?.links.some((l) => l.type === 'FIRED'));
    expect(fired?.support?.disputed).toBe(true);
  });

  it('reads the paths and the evidence of every relationship on them in one statement', async () => {
    const res = await gql.counted<Paths>(PATHS, {
      from: idOf('rubo-liang'),
      to: idOf('forbes-editors'),
      longerBy: 1,
      minSources: 1,
      excludeDisputed: true,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.paths.paths.length).toBeGreaterThan(1);
    expect(res.sent.statements).toHaveLength(1);
    expect(res.sent.statements[0]).toContain('$minSources');
  });

  it('excludeDisputed leaves out every chain through a disputed relationship', async () => {
    const args = { from: idOf('rubo-liang'), to: idOf('forbes-editors'), longerBy: 1 };
    const all = await gql.data<Paths>(PATHS, args);
    const kept = await gql.data<Paths>(PATHS, { ...args, excludeDisputed: true });
    expect(kept.paths.paths.length).toBe(
      all.paths.paths.filter((p) => !p.support?.disputed).length,
    );
    expect(kept.paths.paths.length).toBeLessThan(all.paths.paths.length);
    expect(kept.paths.paths.every((p) => p.support?.links.every((l) => !l.disputed))).toBe(true);
    expect(kept.paths.supportNote).toContain('no disputed relationship');
  });

  it('minSources follows only relationships with enough independent sources: a longer, better supported path, or none', async () => {
    const from = idOf('bytedance');
    const to = idOf('internal-audit-team');
    const plain = await gql.data<Paths>(PATHS, { from, to });
    expect(plain.paths.length).toBe(1);
    expect(plain.paths.paths.some((p) => p.support?.minSources === 1)).toBe(true);
    const strong = await gql.data<Paths>(PATHS, { from, to, minSources: 2 });
    expect(strong.paths.length).toBe(2);
    expect(strong.paths.paths.map(named)).toContainEqual([
      'bytedance',
      'tiktok',
      'internal-audit-team',
    ]);
    expect(strong.paths.paths.every((p) => (p.support?.minSources ?? 0) >= 2)).toBe(true);
    const none = await gql.data<Paths>(PATHS, {
      from: idOf('rubo-liang'),
      to: idOf('forbes-editors'),
      minSources: 2,
    });
    expect(none.paths).toMatchObject({ length: null, paths: [] });
  });

  it('refuses minSources below 0 and unknown ids with a code, and changes nothing', async () => {
    const [before] = await db.read('MATCH (n) RETURN count(n) AS n');
    const negative = await gql.query(PATHS, {
      from: idOf('rubo-liang'),
      to: idOf('forbes-editors'),
      minSources: -1,
    });
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(negative.errors?.[0]?.message).toMatch(/`minSources` must be a whole number from 0/);
    const longer = await gql.query(PATHS, {
      from: idOf('rubo-liang'),
      to: idOf('forbes-editors'),
      longerBy: 3,
    });
    expect(longer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const unknown = await gql.query(PATHS, { from: 'no-such-node', to: idOf('forbes-editors') });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(unknown.errors?.[0]?.message).toMatch(/from \(no-such-node\)/);
    const [after] = await db.read('MATCH (n) RETURN count(n) AS n');
    expect(after?.['n']).toBe(before?.['n']);
  });

  it('on relationships that cite nothing: plain shortest paths, support null, and a sentence saying so', async () => {
    await db.write(
      "CREATE (:Crime {name: 'c1'})-[:NEAR]->(:Place {name: 'p'})<-[:NEAR]-(:Crime {name: 'c2'})",
    );
    const [row] = await db.read(
      "MATCH (a:Crime {name: 'c1'}), (b:Crime {name: 'c2'}) RETURN elementId(a) AS a, elementId(b) AS b",
    );
    const { paths } = await gql.data<Paths>(PATHS, {
      from: row?.['a'],
      to: row?.['b'],
    });
    expect(paths.supportAvailable).toBe(false);
    expect(paths.supportNote).toMatch(/cite no sources .*plain shortest paths/);
    expect(paths.paths).toHaveLength(1);
    expect(paths.paths[0]?.support).toBeNull();
  });

  it("one rule for counting sources: the legend's count of a fact is its path link's count (two articles of one publisher, a relayed outlet, a passage cited twice)", async () => {
    await db.write(
      `CREATE (:Article {id: 't-a', publisher: 'Same Press'}), (:Article {id: 't-b', publisher: ' same press'}),
              (:Article {id: 't-c', publisher: 'Other', citedOutlet: 'Same Press'}), (:Article {id: 't-d', publisher: 'Elsewhere'})
       CREATE (x:Person {name: 't-x', sources: ['t-a', 't-b']})-[:KNOWS {sources: ['t-a', 't-b', 't-c', 't-a']}]->
              (y:Person {name: 't-y', sources: ['t-d', 't-a', 'no-such-document']})-[:KNOWS {sources: ['t-d']}]->(:Person {name: 't-z'})`,
    );
    const [row] = await db.read(
      "MATCH (x:Person {name: 't-x'}), (z:Person {name: 't-z'}) RETURN elementId(x) AS x, elementId(z) AS z",
    );
    const res = await gql.counted<
      Paths & {
        paths: {
          nodes: { id: string; properties: Record<string, unknown>; sourceCount: number }[];
          edges: { id: string; properties: Record<string, unknown>; sourceCount: number }[];
        };
      }
    >(
      `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to) {
        nodes { id properties sourceCount } edges { id properties sourceCount }
        paths { edgeIds support { links { edgeId sources documents } } } } }`,
      { from: row?.['x'], to: row?.['z'] },
    );
    expect(res.errors).toBeUndefined();
    const result = res.data?.paths;
    const links = result?.paths[0]?.support?.links ?? [];
    expect(links.map((l) => [l.sources, l.documents])).toEqual([
      [1, 3],
      [1, 1],
    ]);
    for (const link of links) {
      const edge = result?.edges.find((e) => e.id === link.edgeId);
      // What the explorer's legend, evidence filter and sizing count for this fact.
      expect(evidenceOf(edge).sources).toBe(link.sources);
    }
    const nodes = new Map(result?.nodes.map((n) => [n.properties['name'], n.sourceCount]));
    expect([nodes.get('t-x'), nodes.get('t-y'), nodes.get('t-z')]).toEqual([1, 3, 0]);
    // One statement: nodes count their sources in it, links take theirs from the path evidence.
    expect(res.sent.statements).toHaveLength(1);
    await db.write(
      "MATCH (n) WHERE n.id STARTS WITH 't-' OR n.name STARTS WITH 't-' DETACH DELETE n",
    );
  });
});
