import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { readSourceCounts, type ElementKey } from '../../server/graph/source-count.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

interface Source {
  articleId: string;
  quote: string;
  title: string | null;
  start: number | null;
  end: number | null;
}

interface Relation {
  id: string;
  type: string;
  direction: string;
  other: { id: string; kind: string; name: string };
  sources: Source[];
}

const SOURCE = 'sources { articleId quote title start end }';
const RELATION = `id type direction other { id kind name } ${SOURCE}`;

describe('the typed story API on the story graph', () => {
  let db: Database;
  let gql: GraphQLClient;
  let articleText: Map<string, string>;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    gql = graphqlClient(db);
    const rows = await db.read('MATCH (a:Article) RETURN a.id AS id, a.text AS text');
    articleText = new Map(rows.map((r) => [String(r['id']), String(r['text'])]));
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  /** Every source quotes its article verbatim, and start/end point at the quote in the article's text. */
  const expectSourcesLocateQuotes = (sources: Source[]): void => {
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) {
      const text = articleText.get(s.articleId);
      expect(text, s.articleId).toBeDefined();
      expect(s.title).toBeTruthy();
      expect(s.start).not.toBeNull();
      expect(text?.slice(s.start ?? 0, s.end ?? 0)).toBe(s.quote);
    }
  };

  it('disagreements returns each disagreement with its opposing claims, each with sources from its own article', async () => {
    const { disagreements } = await gql.data<{
      disagreements: {
        id: string;
        question: string;
        claims: { id: string; value: string; sources: Source[]; claimedBy: Relation[] }[];
      }[];
    }>(`{ disagreements { id question claims { id value ${SOURCE} claimedBy { ${RELATION} } } } }`);
    const expected = await db.read(
      'MATCH (d:Disagreement)-[:BETWEEN]->(c:Claim) RETURN d.id AS d, collect(c.id) AS claims ORDER BY d',
    );
    expect(disagreements.map((d) => d.id)).toEqual(expected.map((r) => r['d']));
    expect(disagreements.length).toBeGreaterThanOrEqual(3);
    for (const d of disagreements) {
      expect(d.question).toBeTruthy();
      const row = expected.find((r) => r['d'] === d.id);
      expect(new Set(d.claims.map((c) => c.id))).toEqual(new Set(row?.['claims'] as string[]));
      expect(d.claims.length).toBeGreaterThanOrEqual(2);
      // Both sides stand: the claims come from different articles.
      const articles = new Set(d.claims.map((c) => c.claimedBy[0]?.other.id));
      expect(articles.size).toBe(2);
      for (const c of d.claims) {
        expectSourcesLocateQuotes(c.sources);
        expect(c.sources.every((s) => s.articleId === c.claimedBy[0]?.other.id)).toBe(true);
      }
    }
  });

  it('the dismissals disagreement sets 000’s four fired against 004’s three fired and one resigned', async () => {
    const { entity } = await gql.data<{
      entity: { claims: { firedCount: number | null; resignedCount: number | null }[] };
    }>(
      `{ entity(id: "disagreement-dismissals") { ... on Disagreement { claims { firedCount resignedCount } } } }`,
    );
    const counts = entity.claims.map((c) => [c.firedCount, c.resignedCount ?? 0]).sort();
    expect(counts).toEqual([
      [3, 1],
      [4, 0],
    ]);
  });

  it('typed relationship fields read both directions of the same relationship, with its sources', async () => {
    const data = await gql.data<{
      bytedance: { owns: Relation[] };
      tiktok: { ownedBy: Relation[] };
    }>(`{
      bytedance: entity(id: "bytedance") { ... on Organization { owns { ${RELATION} } } }
      tiktok: entity(id: "tiktok") { ... on Organization { ownedBy { ${RELATION} } } }
    }`);
    const owns = data.bytedance.owns.find((r) => r.other.id === 'tiktok');
    const ownedBy = data.tiktok.ownedBy.find((r) => r.other.id === 'bytedance');
    expect(owns).toMatchObject({ type: 'OWNS', direction: 'OUTGOING' });
    expect(ownedBy).toMatchObject({ type: 'OWNS', direction: 'INCOMING', id: owns?.id });
    expectSourcesLocateQuotes(owns?.sources ?? []);
    expect(new Set(owns?.sources.map((s) => s.articleId))).toEqual(
      new Set(['article-000', 'article-004']),
    );
  });

  it('Rubo Liang is a named Person, CEO of ByteDance, with the quote that says so', async () => {
    const { entity } = await gql.data<{
      entity: {
        __typename: string;
        name: string;
        named: boolean;
        ceoOf: Relation[];
        sources: Source[];
      };
    }>(
      `{ entity(id: "rubo-liang") { __typename name ${SOURCE} ... on Person { named ceoOf { ${RELATION} } } } }`,
    );
    expect(entity).toMatchObject({ __typename: 'Person', name: 'Rubo Liang', named: true });
    expect(entity.ceoOf.map((r) => r.other.id)).toContain('bytedance');
    const ceo = entity.ceoOf.find((r) => r.other.id === 'bytedance');
    expect(ceo?.sources.map((s) => s.quote)).toContain('Rubo Liang, CEO of ByteDance');
    expectSourcesLocateQuotes(entity.sources);
  });

  it('who tracked whom: TRACKED relationships agree with Cypher, seen from both ends', async () => {
    const expected = await db.read(
      'MATCH (x)-[r:TRACKED]->(j) RETURN x.id AS from, j.id AS to ORDER BY from, to',
    );
    const { entities } = await gql.data<{
      entities: { id: string; relations: Relation[] }[];
    }>(`{ entities { id relations(types: ["TRACKED"], direction: OUTGOING) { ${RELATION} } } }`);
    const found = entities
      .flatMap((e) => e.relations.map((r) => ({ from: e.id, to: r.other.id })))
      .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    expect(found).toEqual(expected);
    const journalists = await gql.data<{ entity: { trackedBy: Relation[] } }>(
      `{ entity(id: "tracked-journalists") { ... on Person { trackedBy { ${RELATION} } } } }`,
    );
    expect(journalists.entity.trackedBy.length).toBe(
      expected.filter((r) => r['to'] === 'tracked-journalists').length,
    );
  });

  it('every kind of entity has its list query, matching the label counts', async () => {
    const data = await gql.data<Record<string, { id: string; kind: string }[]>>(`{
      people { id kind } organizations { id kind } teams { id kind } outlets { id kind }
      articles { id kind } events { id kind } dataItems { id kind } claims { id kind }
      disagreements { id kind }
    }`);
    const counts = await db.read(
      'MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label',
    );
    const byLabel = Object.fromEntries(counts.map((r) => [r['label'], r['n']]));
    const fields: Record<string, string> = {
      people: 'Person',
      organizations: 'Organization',
      teams: 'Team',
      outlets: 'Outlet',
      articles: 'Article',
      events: 'Event',
      dataItems: 'Data',
      claims: 'Claim',
      disagreements: 'Disagreement',
    };
    for (const [field, label] of Object.entries(fields)) {
      expect(data[field]?.length, field).toBe(byLabel[label]);
      expect(data[field]?.every((e) => e.kind === label)).toBe(true);
    }
  });

  it('every entity cites at least one source whose quote is found in its article', async () => {
    const { entities } = await gql.data<{ entities: { id: string; sources: Source[] }[] }>(
      `{ entities { id ${SOURCE} } }`,
    );
    expect(entities.length).toBeGreaterThan(50);
    for (const e of entities) expectSourcesLocateQuotes(e.sources);
  });

  it('article(id) gives the full text, in which a source’s start and end highlight the quote', async () => {
    const { article, entity } = await gql.data<{
      article: { title: string; text: string };
      entity: { sources: Source[] };
    }>(`{ article(id: "article-004") { title text } entity(id: "resigned-worker") { ${SOURCE} } }`);
    expect(article.text).toBe(articleText.get('article-004'));
    const s = entity.sources.find((x) => x.articleId === 'article-004');
    expect(article.text.slice(s?.start ?? 0, s?.end ?? 0)).toBe(s?.quote);
  });

  it('events come in date order, undated last, with the dates as the text bounds them', async () => {
    const { events } = await gql.data<{
      events: { id: string; start: string | null; dateText: string | null }[];
    }>('{ events { id start dateText } }');
    const dated = events.filter((e) => e.start !== null);
    expect(dated.map((e) => e.start)).toEqual([...dated.map((e) => e.start)].sort());
    expect(events.slice(dated.length).every((e) => e.start === null)).toBe(true);
    expect(events.find((e) => e.id === 'journalist-surveillance')).toMatchObject({
      start: '2022-06-01',
      dateText: expect.stringMatching(/summer/i),
    });
  });

  it('marks disputed facts and links them to their disagreement', async () => {
    const { entity } = await gql.data<{
      entity: { disputed: boolean; disagreement: { id: string; question: string } | null };
    }>('{ entity(id: "resigned-worker") { disputed disagreement { id question } } }');
    expect(entity).toMatchObject({
      disputed: true,
      disagreement: { id: 'disagreement-dismissals' },
    });
    const { entity: d } = await gql.data<{ entity: { disputedEntities: { id: string }[] } }>(
      '{ entity(id: "disagreement-dismissals") { ... on Disagreement { disputedEntities { id } } } }',
    );
    const expected = await db.read(
      "MATCH (n) WHERE n.disagreement = 'disagreement-dismissals' RETURN n.id AS id ORDER BY id",
    );
    expect(d.disputedEntities.map((e) => e.id)).toEqual(expected.map((r) => r['id']));
  });

  it('entity(id) is null for an id no entity has, and nodeId opens the entity in the generic API', async () => {
    const { missing, rubo } = await gql.data<{
      missing: null;
      rubo: { nodeId: string };
    }>(
      '{ missing: entity(id: "no-such-entity") { id } rubo: entity(id: "rubo-liang") { nodeId } }',
    );
    expect(missing).toBeNull();
    const { node } = await gql.data<{ node: { caption: string; labels: string[] } }>(
      'query ($id: ID!) { node(id: $id) { caption labels } }',
      { id: rubo.nodeId },
    );
    expect(node).toEqual({ caption: 'Rubo Liang', labels: ['Person'] });
  });

  it('sends one statement per nesting level, however many entities and fields there are', async () => {
    const res = await gql.counted(`{
      people { name ${SOURCE} worksFor { other { name } } memberOf { other { name } } partOf { ${SOURCE} } }
    }`);
    expect(res.errors).toBeUndefined();
    // people; the relations of every person (one batch for all three relationship fields); the
    // articles behind every source at the next level.
    expect(res.sent.statements).toHaveLength(3);
    const deeper = await gql.counted(
      `{ disagreements { claims { ${SOURCE} claimedBy { other { name } } } disputedEntities { name } } }`,
    );
    expect(deeper.errors).toBeUndefined();
    // disagreements; claims (relations) and disputed entities at level 2; the claims' relations
    // and their sources' articles at level 3.
    expect(deeper.sent.statements).toHaveLength(5);
  });
  it('centralSubgraph and neighbourhood count sourceCount inside their one statement, by the same rule as the batched loader', async () => {
    type Element = { id: string; sourceCount: number };
    type Picture = { nodes: Element[]; edges: Element[] };
    /** The counts the loader's statement gives for the same elements (the rule before this change). */
    const byLoader = async (p: Picture): Promise<number[]> =>
      readSourceCounts(db, [
        ...p.nodes.map((n): ElementKey => ({ kind: 'node', id: n.id })),
        ...p.edges.map((e): ElementKey => ({ kind: 'edge', id: e.id })),
      ]);
    const counts = (p: Picture): number[] => [...p.nodes, ...p.edges].map((e) => e.sourceCount);

    const central = await gql.counted<{ centralSubgraph: Picture }>(
      '{ centralSubgraph(first: 30) { nodes { id sourceCount } edges { id sourceCount } } }',
    );
    expect(central.errors).toBeUndefined();
    const first = central.data?.centralSubgraph as Picture;
    expect(central.sent.statements).toHaveLength(1);
    expect(counts(first)).toEqual(await byLoader(first));
    expect(counts(first).some((c) => c > 1)).toBe(true);

    const [tiktok] = await db.read("MATCH (n {id: 'tiktok'}) RETURN elementId(n) AS id");
    const hood = await gql.counted<{ neighbourhood: Picture }>(
      'query ($ids: [ID!]!) { neighbourhood(ids: $ids) { nodes { id sourceCount } edges { id sourceCount } } }',
      { ids: [tiktok?.['id']] },
    );
    expect(hood.errors).toBeUndefined();
    const expanded = hood.data?.neighbourhood as Picture;
    expect(hood.sent.statements).toHaveLength(1);
    expect(counts(expanded)).toEqual(await byLoader(expanded));
    expect(counts(expanded).some((c) => c > 1)).toBe(true);

    // Not selected: the statement counts nothing (the one the query sent before sourceCount).
    const plain = await gql.counted('{ centralSubgraph(first: 30) { nodes { id } edges { id } } }');
    expect(plain.sent.statements).toHaveLength(1);
    expect(plain.sent.statements[0]).not.toContain('sources');
  });
});
