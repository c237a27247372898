import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { forgetLiveSchema, LIVE_SCHEMA_STATEMENTS } from '../../server/graph/live-schema.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { graphqlClient, type GraphQLClient, type GraphQLResponse } from '../support/graphql.js';

interface Citation {
  source: string;
  quote: string;
  start: number | null;
  end: number | null;
}
interface Written {
  uid: string;
  elementId: string;
  kind: string;
  labels: string[];
  type: string | null;
  version: number;
  citations: Citation[];
  properties: Record<string, unknown>;
}
interface Change {
  id: string;
  action: string;
  targets: string[];
  before: unknown;
  after: unknown;
  citations: Citation[];
  operation: string;
  author: string;
  at: string;
  version: number | null;
}
interface FactWrite {
  outcome: string;
  element: Written;
  changes: Change[];
}

const CHANGE =
  'id action targets kind before after citations { source quote start end } reason version operation author at';
const FACT = `outcome element { uid elementId kind labels type from to version citations { source quote start end } properties } changes { ${CHANGE} }`;

const ADD_SOURCE = `mutation ($input: AddSourceInput!, $key: String) {
  addSource(input: $input, idempotencyKey: $key) {
    source { id nodeId uid title publisher author url published publishedPrecision language sha256 length addedBy addedAt }
    change { ${CHANGE} }
  }
}`;
const ADD_ENTITY = `mutation ($input: AddEntityInput!, $key: String) { addEntity(input: $input, idempotencyKey: $key) { ${FACT} } }`;
const ADD_REL = `mutation ($input: AddRelationshipInput!, $key: String) { addRelationship(input: $input, idempotencyKey: $key) { ${FACT} } }`;
const SET_PROP = `mutation ($input: SetPropertyInput!, $key: String) { setProperty(input: $input, idempotencyKey: $key) { ${FACT} } }`;
const ADD_CITES = `mutation ($input: AddCitationsInput!) { addCitations(input: $input) { ${FACT} } }`;
const ADD_CLAIM = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { ${FACT} } }`;
const ADD_DISAGREEMENT = `mutation ($input: AddDisagreementInput!) { addDisagreement(input: $input) { ${FACT} } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { ${CHANGE} } }`;

const MEMO = `Memo on the audit unit

The audit unit reported   to the
chief executive. Its head, Chris Lepitak, was dismissed in December 2022.
Lepitak said he had followed orders.`;

/** Everything in the database, as a fingerprint: a refused write must leave it identical. */
async function fingerprint(db: Database): Promise<string> {
  const rows = await db.read(`
    CALL () { MATCH (n) RETURN collect([labels(n), n {.*}]) AS nodes }
    CALL () { MATCH (a)-[r]->(b) RETURN collect([a.id, type(r), b.id, r {.*}]) AS rels }
    RETURN nodes, rels`);
  const canonical = (v: unknown): string =>
    JSON.stringify(v, (_k, x: unknown) =>
      x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
        : x,
    );
  const all = [
    ...(rows[0]?.['nodes'] as unknown[]).map(canonical),
    ...(rows[0]?.['rels'] as unknown[]).map(canonical),
  ].sort();
  return createHash('sha256').update(all.join('\n')).digest('hex') + `:${all.length}`;
}

describe('sourced writes on the story graph (real Neo4j)', () => {
  let db: Database;
  let gql: GraphQLClient;
  let memo: { id: string; nodeId: string; uid: string };

  const mutate = async <T>(doc: string, variables: Record<string, unknown>): Promise<T> =>
    gql.data<T>(doc, variables);
  const refused = async (
    doc: string,
    variables: Record<string, unknown>,
  ): Promise<{ message: string; code: unknown; extensions: Record<string, unknown> }> => {
    const res: GraphQLResponse<unknown> = await gql.query(doc, variables);
    expect(res.errors, JSON.stringify(res.data)).toHaveLength(1);
    const e = res.errors?.[0];
    return {
      message: e?.message ?? '',
      code: e?.extensions?.['code'],
      extensions: e?.extensions ?? {},
    };
  };
  const count = async (cypher: string, params: Record<string, unknown> = {}): Promise<number> => {
    const [row] = await db.read(cypher, params);
    return Number(row?.['n']);
  };

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    forgetLiveSchema(db);
    gql = graphqlClient(db);
    const added = await mutate<{ addSource: { source: typeof memo } }>(ADD_SOURCE, {
      input: {
        text: MEMO,
        title: 'Memo on the audit unit',
        publisher: 'Internal',
        author: 'A. Writer',
        url: 'https://example.org/memo',
        published: '2022-12',
        language: 'en',
      },
    });
    memo = added.addSource.source;
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('stores a source as an Article with its SHA-256, who added it and when, and records its creation', async () => {
    const [a] = await db.read(
      `MATCH (a:Article {id: $id}) RETURN a.text AS text, a.sha256 AS sha, a.addedBy AS by,
              a.publishedPrecision AS precision, toString(a.publishedStart) AS start, toString(a.publishedEnd) AS end,
              a.sources AS sources, a.quotes AS quotes, a.dossierUid AS uid`,
      { id: memo.id },
    );
    expect(a?.['text']).toBe(MEMO);
    expect(a?.['sha']).toMatch(/^[0-9a-f]{64}$/);
    expect(memo.id).toBe(`article-${String(a?.['sha']).slice(0, 16)}`);
    expect(a?.['by']).toBe('local');
    expect([a?.['precision'], a?.['start'], a?.['end']]).toEqual([
      'month',
      '2022-12-01',
      '2022-12-31',
    ]);
    expect(a?.['sources']).toEqual([memo.id]);
    expect(MEMO).toContain((a?.['quotes'] as string[])[0]);
    const history = await mutate<{ history: Change[] }>(HISTORY, { id: memo.uid });
    expect(history.history.map((c) => [c.action, c.operation, c.author])).toEqual([
      ['create', 'addSource', 'local'],
    ]);
  });

  it('reads a user source through the typed story API like the story articles (title, text)', async () => {
    const res = await mutate<{ article: { title: string; text: string } }>(
      'query ($id: ID!) { article(id: $id) { title text } }',
      { id: memo.id },
    );
    expect(res.article).toEqual({ title: 'Memo on the audit unit', text: MEMO });
  });

  it('refuses the same text twice, naming the source that has it, and writes nothing', async () => {
    const before = await fingerprint(db);
    const e = await refused(ADD_SOURCE, { input: { text: MEMO, title: 'Again' } });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain(memo.id);
    expect(e.extensions['existingSourceId']).toBe(memo.id);
    const story = await db.read("MATCH (a:Article {id: 'article-000'}) RETURN a.text AS text");
    const e2 = await refused(ADD_SOURCE, { input: { text: story[0]?.['text'], title: 'Copy' } });
    expect(e2.message).toContain('article-000');
    expect(await fingerprint(db)).toBe(before);
  });

  it('refuses a source longer than SOURCE_MAX_CHARS with the limit in the message', async () => {
    const small = graphqlClient(db, { SOURCE_MAX_CHARS: '100' });
    const res = await small.query(ADD_SOURCE, { input: { text: 'x'.repeat(101), title: 'Long' } });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/at most 100 .*SOURCE_MAX_CHARS/);
  });

  it('refuses a quote that is not in the source, says which words were not found, and writes nothing', async () => {
    const before = await fingerprint(db);
    const e = await refused(ADD_ENTITY, {
      input: {
        label: 'Person',
        name: 'Chris Lepitak',
        citations: [{ source: memo.id, quote: 'Chris Lepitak was promoted in December' }],
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toContain('"promoted"');
    expect(e.extensions['missingWords']).toEqual(['promoted']);
    const e2 = await refused(ADD_ENTITY, {
      input: {
        label: 'Person',
        name: 'Chris Lepitak',
        citations: [{ source: memo.id, quote: 'Chris Lepitak said he' }],
      },
    });
    expect(e2.message).toContain('the passage breaks after "Chris Lepitak"');
    const e3 = await refused(ADD_ENTITY, {
      input: { label: 'Person', name: 'X', citations: [{ source: 'article-nope', quote: 'a' }] },
    });
    expect(e3.message).toContain('no source with id "article-nope"');
    expect(await fingerprint(db)).toBe(before);
  });

  it('accepts a quote whose whitespace differs, and stores the source’s exact words with their offsets', async () => {
    const res = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, {
      input: {
        label: 'Person',
        name: 'Chris Lepitak',
        properties: { role: 'head of audit', count: 1 },
        citations: [{ source: memo.id, quote: 'The audit unit reported to the chief executive.' }],
      },
    });
    const w = res.addEntity;
    expect(w.outcome).toBe('CREATED');
    expect(w.element.version).toBe(1);
    const [c] = w.element.citations;
    expect(c?.quote).toBe('The audit unit reported   to the\nchief executive.');
    expect(MEMO.slice(c?.start ?? 0, c?.end ?? 0)).toBe(c?.quote);
    const [row] = await db.read(
      `MATCH (p:Person {name: 'Chris Lepitak'}) RETURN p.count AS count, p.id AS id, p.dossierUid AS uid,
              p.dossierQuoteStarts AS starts, p.dossierQuoteEnds AS ends`,
    );
    expect(row?.['count']).toBe(1);
    expect(row?.['id']).toMatch(/^chris-lepitak-[0-9a-f]{8}$/);
    expect(row?.['uid']).toBe(w.element.uid);
    expect([row?.['starts'], row?.['ends']]).toEqual([[c?.start], [c?.end]]);
    expect(w.changes.map((ch) => [ch.action, ch.targets])).toEqual([['create', [w.element.uid]]]);
  });

  it('cites an existing fact instead of duplicating it: both sources, one element', async () => {
    const rubo = 'MATCH (p:Person {id: "rubo-liang"}) RETURN elementId(p) AS id';
    const [r] = await db.read(rubo);
    const lepitak = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, {
      input: {
        label: 'Person',
        name: 'Chris Lepitak',
        citations: [{ source: memo.id, quote: 'Its head, Chris Lepitak, was dismissed' }],
      },
    });
    expect(lepitak.addEntity.outcome).toBe('CITED');
    expect(lepitak.addEntity.element.citations).toHaveLength(2);
    const input = {
      from: r?.['id'],
      type: 'DISMISSED',
      to: lepitak.addEntity.element.elementId,
      citations: [{ source: memo.id, quote: 'was dismissed in December 2022' }],
    };
    const first = await mutate<{ addRelationship: FactWrite }>(ADD_REL, { input });
    expect(first.addRelationship.outcome).toBe('CREATED');
    const second = await mutate<{ addRelationship: FactWrite }>(ADD_REL, {
      input: {
        ...input,
        citations: [
          {
            source: 'article-000',
            quote: 'the company’s head of audit and risk control has been fired',
          },
        ],
      },
    });
    expect(second.addRelationship.outcome).toBe('CITED');
    expect(second.addRelationship.element.elementId).toBe(first.addRelationship.element.elementId);
    expect(second.addRelationship.element.citations.map((c) => c.source)).toEqual([
      memo.id,
      'article-000',
    ]);
    expect(second.addRelationship.element.version).toBe(2);
    expect(
      await count(
        `MATCH (a)-[r:DISMISSED]->(b) WHERE elementId(a) = $a AND elementId(b) = $b RETURN count(r) AS n`,
        { a: r?.['id'], b: lepitak.addEntity.element.elementId },
      ),
    ).toBe(1);
    const third = await mutate<{ addRelationship: FactWrite }>(ADD_REL, { input });
    expect(third.addRelationship.outcome).toBe('UNCHANGED');
    expect(third.addRelationship.changes).toEqual([]);
    const history = await mutate<{ history: Change[] }>(HISTORY, {
      id: first.addRelationship.element.elementId,
    });
    expect(history.history.map((c) => c.action)).toEqual(['cite', 'create']);
    expect(history.history[0]?.citations.map((c) => c.source)).toEqual(['article-000']);
    // What each write answered is its stored record, field for field (the recorder no longer
    // reads the record back).
    expect(history.history).toEqual([
      ...second.addRelationship.changes,
      ...first.addRelationship.changes,
    ]);
  });

  it('cites a story entity by label and name, keeping its own quotes aligned with padded offsets', async () => {
    const res = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, {
      input: {
        label: 'Person',
        name: 'Rubo Liang',
        citations: [{ source: memo.id, quote: 'Lepitak said he had followed orders.' }],
      },
    });
    expect(res.addEntity.outcome).toBe('CITED');
    const [row] = await db.read(
      `MATCH (p:Person {id: 'rubo-liang'}) RETURN size(p.sources) AS s, size(p.quotes) AS q,
              p.dossierQuoteStarts AS starts`,
    );
    expect(row?.['q']).toBe(row?.['s']);
    const starts = row?.['starts'] as number[];
    expect(starts).toHaveLength(Number(row?.['s']));
    expect(starts.slice(0, -1).every((s) => s === -1)).toBe(true);
    expect(starts.at(-1)).toBe(MEMO.indexOf('Lepitak said'));
  });

  it('checks labels, types and keys as names: new valid names pass, Dossier’s and malformed ones are refused', async () => {
    const cite = [{ source: memo.id, quote: 'Memo on the audit unit' }];
    const ok = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, {
      input: { label: 'Document', name: 'The memo', citations: cite },
    });
    expect(ok.addEntity.element.labels).toEqual(['Document']);
    const before = await fingerprint(db);
    for (const [input, pattern] of [
      [{ label: 'Bad Label', name: 'x', citations: cite }, /must start with a letter/],
      [{ label: 'DossierChange', name: 'x', citations: cite }, /reserved/],
      [{ label: 'Person', name: 'x', properties: { 'a`b': 1 }, citations: cite }, /property key/],
      [
        { label: 'Person', name: 'x', properties: { sources: ['x'] }, citations: cite },
        /set by Dossier/,
      ],
      [
        { label: 'Person', name: 'x', properties: { deep: [[1]] }, citations: cite },
        /is not a string/,
      ],
      [
        { label: 'Person', name: 'x', properties: { mixed: [1, 'a'] }, citations: cite },
        /mixes types/,
      ],
      [{ label: 'Person', name: 'x', citations: [] }, /at least one citation/],
      [
        { label: 'Person', name: 'x', properties: { id: 'rubo-liang' }, citations: cite },
        /uniqueness constraint/,
      ],
    ] as const) {
      const e = await refused(ADD_ENTITY, { input });
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.message).toMatch(pattern);
    }
    expect(await fingerprint(db)).toBe(before);
  });

  it('returns the first result for a repeated idempotency key and writes once', async () => {
    const [t] = await db.read('MATCH (o:Organization {id: "tiktok"}) RETURN elementId(o) AS id');
    const input = {
      label: 'Event',
      name: 'Audit memo circulated',
      citations: [{ source: memo.id, quote: 'Memo on the audit unit' }],
    };
    const key = 'b7c1f3c0-1d5e-4a7e-9a55-0c2f3c0d1e11';
    const changesBefore = await count('MATCH (c:DossierChange) RETURN count(c) AS n');
    const first = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, { input, key });
    const again = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, { input, key });
    expect(again).toEqual(first);
    expect(first.addEntity.outcome).toBe('CREATED');
    expect(
      await count('MATCH (e:Event {name: "Audit memo circulated"}) RETURN count(e) AS n'),
    ).toBe(1);
    expect(await count('MATCH (c:DossierChange) RETURN count(c) AS n')).toBe(changesBefore + 1);
    const e = await refused(ADD_REL, {
      key,
      input: {
        from: t?.['id'],
        type: 'ANNOUNCED',
        to: first.addEntity.element.elementId,
        citations: input.citations,
      },
    });
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.message).toMatch(/already used for a different request/);
  });

  it('refuses an edit on a stale version with CONFLICT naming who changed it and when, and changes nothing', async () => {
    const [row] = await db.read(
      "MATCH (p:Person {name: 'Chris Lepitak'}) RETURN elementId(p) AS id, p.dossierVersion AS v",
    );
    const id = String(row?.['id']);
    const version = Number(row?.['v']);
    const cite = [{ source: memo.id, quote: 'Its head, Chris Lepitak' }];
    const edit = await mutate<{ setProperty: FactWrite }>(SET_PROP, {
      input: {
        element: id,
        key: 'role',
        value: 'head of the audit unit',
        baseVersion: version,
        citations: cite,
      },
    });
    expect(edit.setProperty.outcome).toBe('EDITED');
    expect(edit.setProperty.element.version).toBe(version + 1);
    expect(edit.setProperty.changes[0]?.before).toEqual({ role: 'head of audit' });
    expect(edit.setProperty.changes[0]?.after).toEqual({ role: 'head of the audit unit' });
    const before = await fingerprint(db);
    const e = await refused(SET_PROP, {
      input: { element: id, key: 'role', value: 'auditor', baseVersion: version, citations: cite },
    });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toContain(`version ${version + 1}, not ${version}`);
    expect(e.message).toContain('local changed it at');
    expect(e.extensions['changedBy']).toBe('local');
    expect(String(e.extensions['changedAt'])).toBe(edit.setProperty.changes[0]?.at);
    expect(await fingerprint(db)).toBe(before);
  });

  it('adds citations to a story relationship that Dossier never touched (version 0 → 1)', async () => {
    const [r] = await db.read(
      "MATCH ()-[r {id: 'bytedance-owns-tiktok'}]->() RETURN elementId(r) AS id",
    );
    const res = await mutate<{ addCitations: FactWrite }>(ADD_CITES, {
      input: { element: r?.['id'], citations: [{ source: memo.id, quote: 'chief executive' }] },
    });
    expect(res.addCitations.outcome).toBe('CITED');
    expect(res.addCitations.element.version).toBe(1);
    expect(res.addCitations.element.citations.at(-1)).toMatchObject({
      source: memo.id,
      quote: 'chief executive',
    });
  });

  it('adds claims and a disagreement in the story’s model, which the typed disagreements view then shows', async () => {
    const cite000 = [
      {
        source: 'article-000',
        quote: 'has been fired, along with three other employees involved in the case',
      },
    ];
    const citeMemo = [{ source: memo.id, quote: 'Lepitak said he had followed orders.' }];
    const a = await mutate<{ addClaim: FactWrite }>(ADD_CLAIM, {
      input: {
        name: 'Memo: Lepitak followed orders',
        statement: 'Lepitak says he followed orders.',
        kind: 'account',
        value: 'followed orders',
        about: ['dismissals'],
        statedBy: 'rubo-liang',
        citations: citeMemo,
      },
    });
    expect(a.addClaim.outcome).toBe('CREATED');
    expect(a.addClaim.changes.map((c) => c.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
    ]);
    const b = await mutate<{ addClaim: FactWrite }>(ADD_CLAIM, {
      input: {
        name: '000: fired for the tracking',
        statement: 'He was fired over the case.',
        kind: 'account',
        about: ['dismissals'],
        citations: cite000,
      },
    });
    const d = await mutate<{ addDisagreement: FactWrite }>(ADD_DISAGREEMENT, {
      input: {
        name: 'Why the head of audit left',
        question: 'Was the head of audit following orders?',
        topic: 'orders',
        between: [a.addClaim.element.elementId, b.addClaim.element.elementId],
        citations: [...citeMemo, ...cite000],
      },
    });
    expect(d.addDisagreement.outcome).toBe('CREATED');
    const view = await mutate<{
      disagreements: {
        question: string;
        claims: {
          value: string | null;
          claimedBy: { other: { id: string } }[];
          sources: { articleId: string; start: number | null }[];
        }[];
      }[];
    }>(
      '{ disagreements { question claims { value claimedBy { other { id } } sources { articleId start } } } }',
      {},
    );
    const mine = view.disagreements.find(
      (x) => x.question === 'Was the head of audit following orders?',
    );
    expect(mine?.claims).toHaveLength(2);
    const orders = mine?.claims.find((c) => c.value === 'followed orders');
    expect(orders?.claimedBy.map((c) => c.other.id)).toEqual([memo.id]);
    expect(orders?.sources).toEqual([{ articleId: memo.id, start: MEMO.indexOf('Lepitak said') }]);
    expect(
      await count(
        `MATCH (:Person {id: 'rubo-liang'})-[:STATED]->(c:Claim {name: 'Memo: Lepitak followed orders'})-[:ABOUT]->(:Event {id: 'dismissals'}) RETURN count(c) AS n`,
      ),
    ).toBe(1);
  });

  it('keeps every element the writes touched provenance-complete: aligned, verbatim quotes and a history entry', async () => {
    const bad = await db.read(`
      MATCH (n) WHERE n.dossierUid IS NOT NULL
        AND (size(n.sources) <> size(n.quotes) OR size(n.sources) <> size(n.dossierQuoteStarts)
          OR any(i IN range(0, size(n.sources) - 1) WHERE NOT EXISTS {
               MATCH (a:Article {id: n.sources[i]}) WHERE a.text CONTAINS n.quotes[i] })
          OR NOT EXISTS { MATCH (c:DossierChange) WHERE n.dossierUid IN c.targets })
      RETURN n.id AS id
      UNION
      MATCH ()-[n]->() WHERE n.dossierUid IS NOT NULL
        AND (size(n.sources) <> size(n.quotes)
          OR any(i IN range(0, size(n.sources) - 1) WHERE NOT EXISTS {
               MATCH (a:Article {id: n.sources[i]}) WHERE a.text CONTAINS n.quotes[i] })
          OR NOT EXISTS { MATCH (c:DossierChange) WHERE n.dossierUid IN c.targets })
      RETURN n.id AS id`);
    expect(bad).toEqual([]);
    expect(await count('MATCH (l:DossierLock) RETURN count(l) AS n')).toBe(0);
  });

  it('refuses to cite, edit or link a retracted fact, Dossier’s own records, or a source’s text', async () => {
    const cite = [{ source: memo.id, quote: 'Memo on the audit unit' }];
    const doc = await mutate<{ addEntity: FactWrite }>(ADD_ENTITY, {
      input: { label: 'Document', name: 'Draft to retract', citations: cite },
    });
    await mutate(
      'mutation ($id: ID!) { retract(id: $id, reason: "A draft, not a fact") { __typename } }',
      {
        id: doc.addEntity.element.elementId,
      },
    );
    const [change] = await db.read('MATCH (c:DossierChange) RETURN elementId(c) AS id LIMIT 1');
    const [rubo] = await db.read("MATCH (p:Person {id: 'rubo-liang'}) RETURN elementId(p) AS id");
    const before = await fingerprint(db);
    const again = await refused(ADD_ENTITY, {
      input: {
        label: 'Document',
        name: 'Draft to retract',
        citations: [{ source: memo.id, quote: 'audit unit' }],
      },
    });
    expect(again.message).toMatch(/retracted\. Restore it first/);
    const link = await refused(ADD_REL, {
      input: {
        from: rubo?.['id'],
        type: 'WROTE',
        to: doc.addEntity.element.elementId,
        citations: cite,
      },
    });
    expect(link.message).toMatch(/retracted/);
    const own = await refused(ADD_CITES, { input: { element: change?.['id'], citations: cite } });
    expect(own.message).toMatch(/Dossier's own records/);
    const text = await refused(SET_PROP, {
      input: {
        element: memo.nodeId,
        key: 'text',
        value: 'Another text',
        baseVersion: 1,
        citations: cite,
      },
    });
    expect(text.message).toMatch(/A source's text is fixed/);
    for (const e of [again, link, own, text]) expect(e.code).toBe('BAD_USER_INPUT');
    expect(await fingerprint(db)).toBe(before);
  });

  it('lists recent changes newest first, by author and since a time', async () => {
    const all = await mutate<{ changes: Change[] }>(
      '{ changes(first: 1000) { id at action operation author } }',
      {},
    );
    expect(all.changes.length).toBeGreaterThan(10);
    const times = all.changes.map((c) => Date.parse(c.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const since = all.changes[2]?.at;
    const recent = await mutate<{ changes: Change[] }>(
      'query ($s: String) { changes(since: $s, by: "local") { id } }',
      { s: since },
    );
    expect(recent.changes.length).toBeGreaterThanOrEqual(3);
    expect(recent.changes.length).toBeLessThan(all.changes.length);
    const nobody = await mutate<{ changes: Change[] }>('{ changes(by: "nobody") { id } }', {});
    expect(nobody.changes).toEqual([]);
    const bad = await refused('{ changes(since: "yesterday") { id } }', {});
    expect(bad.code).toBe('BAD_USER_INPUT');
  });

  it('addRelationship sends its end look-ups and citation check together and takes its lock in its look-up: 6 statements, 4 round trips', async () => {
    const [a, b] = await db.read(
      'MATCH (p:Person) RETURN elementId(p) AS id ORDER BY p.id LIMIT 2',
    );
    const input = {
      from: a?.['id'],
      type: 'MET',
      to: b?.['id'],
      citations: [{ source: memo.id, quote: 'Lepitak said he had followed orders' }],
    };
    // Statements sent in one turn of the event loop went out together: an answer always arrives
    // in a later turn, so a statement that waited for one is in a new group.
    const groups: string[][] = [];
    let turn: NodeJS.Immediate | undefined;
    const off = db.onStatement((cypher) => {
      if (LIVE_SCHEMA_STATEMENTS.includes(cypher)) return;
      if (turn === undefined) {
        groups.push([]);
        turn = setImmediate(() => (turn = undefined));
      }
      groups[groups.length - 1]?.push(cypher);
    });
    const written = await mutate<{ addRelationship: FactWrite }>(ADD_REL, { input });
    off();
    expect(written.addRelationship.outcome).toBe('CREATED');
    expect(groups.map((g) => g.length)).toEqual([3, 1, 1, 1]);
    expect(await count('MATCH (l:DossierLock) RETURN count(l) AS n')).toBe(0);
    // Sent together, refused as if one by one: the first failing check is the error.
    const both = await refused(ADD_REL, {
      input: {
        ...input,
        from: 'no-such-node',
        citations: [{ source: memo.id, quote: 'not in it' }],
      },
    });
    expect(both.code).toBe('NOT_FOUND');
    expect(both.message).toContain('(from)');
  });

  it('addRelationship naming only plain identifiers does not wait for the live schema to be read again', async () => {
    const [a, b] = await db.read(
      'MATCH (p:Person) RETURN elementId(p) AS id ORDER BY p.id SKIP 2 LIMIT 2',
    );
    forgetLiveSchema(db);
    const schemaReads: string[] = [];
    const off = db.onStatement((cypher) => {
      if (LIVE_SCHEMA_STATEMENTS.includes(cypher)) schemaReads.push(cypher);
    });
    const written = await mutate<{ addRelationship: FactWrite }>(ADD_REL, {
      input: {
        from: a?.['id'],
        type: 'WROTE_TO',
        to: b?.['id'],
        properties: { channel: 'letter' },
        citations: [{ source: memo.id, quote: 'Lepitak said he had followed orders' }],
      },
    });
    off();
    expect(written.addRelationship.outcome).toBe('CREATED');
    expect(schemaReads).toEqual([]);
    // Names it cannot accept on their own are still refused, with the schema asked first.
    const input = { from: a?.['id'], to: b?.['id'], citations: [] };
    const odd = await refused(ADD_REL, { input: { ...input, type: 'WROTE TO' } });
    expect([odd.code, odd.message]).toEqual([
      'BAD_USER_INPUT',
      expect.stringContaining('not one the graph has'),
    ]);
    const own = await refused(ADD_REL, { input: { ...input, type: 'dossierLink' } });
    expect([own.code, own.message]).toEqual([
      'BAD_USER_INPUT',
      expect.stringContaining('reserved'),
    ]);
  });
});
