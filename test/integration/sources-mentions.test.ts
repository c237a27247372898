import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient } from '../support/graphql.js';

const MENTIONS = `query ($id: ID!) {
  mentions(sourceId: $id) {
    sourceId nodeId method
    cited { start end quote elementId kind caption from to }
    mentions { start end text name node { id caption labels } }
  }
}`;

interface Result {
  mentions: {
    sourceId: string;
    method: string;
    cited: { start: number; end: number; quote: string; kind: string; caption: string }[];
    mentions: {
      start: number;
      end: number;
      text: string;
      name: string;
      node: { caption: string };
    }[];
  };
}

describe('mentions(sourceId): cited passages and names of the graph in a source', () => {
  let db: Database;
  let api: GraphQLClient;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    forgetLiveSchema(db);
    api = graphqlClient(db);
  });

  afterAll(async () => {
    await db?.close();
  });

  it('underlines the story entities article-000 names, through the full-text index, in two statements', async () => {
    const res = await api.counted<Result>(MENTIONS, { id: 'article-000' });
    expect(res.errors).toBeUndefined();
    const m = res.data!.mentions;
    expect(m.method).toBe('FULLTEXT_INDEX');
    const names = new Set(m.mentions.map((x) => x.node.caption));
    for (const n of ['ByteDance', 'TikTok', 'Forbes', 'BuzzFeed', 'New York Times']) {
      expect(names).toContain(n);
    }
    const text = (await db.read(`MATCH (a:Article {id: 'article-000'}) RETURN a.text AS t`))[0]![
      't'
    ] as string;
    for (const x of m.mentions) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(res.sent.statements).toHaveLength(2);
  });

  it('lists the passages facts cite, at their offsets, nodes and relationships', async () => {
    const { mentions } = await api.data<Result>(MENTIONS, { id: 'article-000' });
    const text = (await db.read(`MATCH (a:Article {id: 'article-000'}) RETURN a.text AS t`))[0]![
      't'
    ] as string;
    const liang = mentions.cited.find((c) => c.caption === 'Rubo Liang');
    expect(liang?.quote).toBe('Rubo Liang, CEO of ByteDance');
    expect(mentions.cited.some((c) => c.kind === 'RELATIONSHIP')).toBe(true);
    for (const c of mentions.cited)
      expect(text.slice(c.start, c.end).replace(/\s+/g, ' ')).toBe(c.quote.replace(/\s+/g, ' '));
  });

  it('finds an alias of a new entity in a new source, and cites the written fact at its offsets', async () => {
    const text = 'Acme shared the files with Forbes. Acme later denied it.';
    const added = await api.data<{ addSource: { source: { id: string } } }>(
      `mutation ($t: String!) { addSource(input: {text: $t, title: "Acme note"}) { source { id } } }`,
      { t: text },
    );
    const id = added.addSource.source.id;
    await api.data(
      `mutation ($s: ID!) { addEntity(input: {label: "Organization", name: "Acme Widgets Incorporated",
        properties: {aliases: ["Acme"]}, citations: [{source: $s, quote: "Acme later denied it."}]}) { outcome } }`,
      { s: id },
    );
    forgetLiveSchema(db);
    const { mentions } = await api.data<Result>(MENTIONS, { id });
    expect(mentions.mentions.map((x) => [x.text, x.node.caption])).toEqual([
      ['Acme', 'Acme Widgets Incorporated'],
      ['Forbes', 'Forbes'],
      ['Acme', 'Acme Widgets Incorporated'],
    ]);
    expect(mentions.cited.map((c) => [c.start, c.end, c.caption])).toEqual([
      [text.indexOf('Acme later'), text.length, 'Acme Widgets Incorporated'],
    ]);
  });

  it('refuses an unknown source with NOT_FOUND and a sentence saying what to do', async () => {
    const res = await api.query<Result>(MENTIONS, { id: 'article-nope' });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toMatch(/addSource/);
  });
});
