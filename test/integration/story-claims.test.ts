import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Row } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

// One test per claim the story graph models: each asks the loaded graph a question in Cypher and
// checks the answer together with the articles it cites.

describe('the claims of the story graph, queried on a real Neo4j', () => {
  let db: Database;
  const q = (cypher: string): Promise<Row[]> => db.read(cypher);
  const one = async (cypher: string): Promise<Row> => {
    const rows = await q(cypher);
    expect(rows, cypher).toHaveLength(1);
    return rows[0] as Row;
  };

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('Rubo Liang is CEO of ByteDance (000)', async () => {
    const r = await one(
      "MATCH (p:Person {name: 'Rubo Liang'})-[r:CEO_OF]->(o:Organization {name: 'ByteDance'}) RETURN p.named AS named, r.sources AS sources, r.quotes AS quotes",
    );
    expect(r).toEqual({
      named: true,
      sources: ['article-000'],
      quotes: ['Rubo Liang, CEO of ByteDance'],
    });
  });

  it('ByteDance, a Chinese company, owns TikTok — told by both articles', async () => {
    const r = await one(
      "MATCH (b:Organization {id: 'bytedance'})-[r:OWNS]->(t:Organization {id: 'tiktok'}), (b)-[:BASED_IN]->(c {id: 'china'}) RETURN r.sources AS sources",
    );
    expect(new Set(r['sources'] as string[])).toEqual(new Set(['article-000', 'article-004']));
  });

  it('the internal audit team belongs to ByteDance (000) and is TikTok’s internal audit unit (000, 004)', async () => {
    const rows = await q(
      "MATCH (t:Team {id: 'internal-audit-team'})-[r:PART_OF]->(o:Organization) RETURN o.id AS org, r.sources AS sources ORDER BY org",
    );
    expect(rows).toEqual([
      { org: 'bytedance', sources: ['article-000'] },
      { org: 'tiktok', sources: ['article-000', 'article-004'] },
    ]);
  });

  it('the audit team TRACKED at least two journalists of BuzzFeed and the Financial Times (000)', async () => {
    const r = await one(`
      MATCH (:Team {id: 'internal-audit-team'})-[r:TRACKED]->(j:Person)-[:WORKS_FOR]->(o:Outlet)
      WITH j, r, collect(o.name) AS outlets
      WHERE size(outlets) = 2
      RETURN j.count AS count, j.countIsMinimum AS min, outlets, r.sources AS sources`);
    expect(r['count']).toBe(2);
    expect(r['min']).toBe(true);
    expect([...(r['outlets'] as string[])].sort()).toEqual(['BuzzFeed', 'Financial Times']);
    expect(r['sources']).toEqual(['article-000']);
  });

  it('Forbes claims that three of its editors were tracked too — a claim, attributed to Forbes (000)', async () => {
    const r = await one(`
      MATCH (t:Team)-[tr:TRACKED]->(e:Person)-[:WORKS_FOR]->(:Outlet {id: 'forbes'}),
            (:Outlet {id: 'forbes'})-[:STATED]->(c:Claim)-[:ABOUT]->(e)
      RETURN e.count AS count, tr.claimedBy AS claimedBy, c.kind AS kind, c.quotes AS quotes`);
    expect(r).toEqual({
      count: 3,
      claimedBy: 'forbes',
      kind: 'statement',
      quotes: [
        'The magazine Forbes claims for its part that three of its editors have also been tracked.',
      ],
    });
  });

  it('employees tracked American journalists to identify their sources (000); audit workers tracked media personnel over critical stories (004)', async () => {
    const rows = await q(`
      MATCH (x:Person)-[r:TRACKED]->(j:Person {id: 'tracked-journalists'})
      RETURN x.id AS who, r.sources AS sources, coalesce(r.purpose, r.reason) AS why ORDER BY who`);
    expect(rows).toEqual([
      {
        who: 'audit-workers',
        sources: ['article-004'],
        why: 'they published stories that were deemed critical by TikTok’s parent firm',
      },
      {
        who: 'involved-employees',
        sources: ['article-000', 'article-000'],
        why: 'to identify their sources',
      },
    ]);
    const j = await one(
      "MATCH (j:Person {id: 'tracked-journalists'}) RETURN j.nationality AS nat, j.named AS named",
    );
    expect(j).toEqual({ nat: 'American', named: false });
  });

  it('TikTok is accused of tracking journalists, in both headlines', async () => {
    const r = await one(
      "MATCH (:Organization {id: 'tiktok'})-[r:TRACKED]->(:Person {id: 'tracked-journalists'}) RETURN r.accused AS accused, r.sources AS sources",
    );
    expect(r['accused']).toBe(true);
    expect(new Set(r['sources'] as string[])).toEqual(new Set(['article-000', 'article-004']));
  });

  it('the surveillance happened during the summer and aimed at employees suspected of leaking to the press (000)', async () => {
    const r = await one(`
      MATCH (e:Event {id: 'journalist-surveillance'})-[:AIMED_AT]->(l:Person)-[:SUSPECTED_OF_LEAKING_TO]->(j:Person)
      MATCH (:Person {id: 'involved-employees'})-[:CARRIED_OUT]->(e)
      RETURN e.dateText AS when, l.id AS leakers, j.id AS journalists`);
    expect(r).toEqual({
      when: 'During the summer',
      leakers: 'suspected-leakers',
      journalists: 'tracked-journalists',
    });
  });

  it('the team accessed the journalists’ personal information and collected their IP addresses to compare locations (000)', async () => {
    const r = await one(`
      MATCH (t:Team {id: 'internal-audit-team'})-[:ACCESSED]->(pi:Data)-[:BELONGS_TO]->(j:Person {id: 'tracked-journalists'}),
            (t)-[c:COLLECTED]->(ip:Data {name: 'IP addresses'})-[:PART_OF]->(pi)
      RETURN pi.name AS info, c.purpose AS purpose`);
    expect(r['info']).toBe('Personal information of American journalists');
    expect(String(r['purpose'])).toContain('same geographical area');
  });

  it('at least four audit workers from the US and China took TikTok user data without users knowing, abusing their authority (004)', async () => {
    const r = await one(`
      MATCH (w:Person {id: 'audit-workers'})-[:TOOK]->(d:Data {id: 'tiktok-user-data'}),
            (w)-[a:ACCESSED]->(d), (w)-[:MEMBER_OF]->(:Team {id: 'internal-audit-team'})
      MATCH (w)-[:COMES_FROM]->(c)
      RETURN w.count AS count, w.countIsMinimum AS min, a.means AS means, collect(c.name) AS from`);
    expect(r['count']).toBe(4);
    expect(r['min']).toBe(true);
    expect(r['means']).toBe('used their authority for the wrong reasons');
    expect([...(r['from'] as string[])].sort()).toEqual(['China', 'United States']);
  });

  it('ByteDance COMMISSIONED and conducted the internal investigation, entrusted to an outside law firm, into the spying (000)', async () => {
    const r = await one(`
      MATCH (b:Organization {id: 'bytedance'})-[:COMMISSIONED]->(i:Event {id: 'internal-investigation'}),
            (b)-[:CONDUCTED]->(i), (f:Organization {kind: 'law-firm'})-[:CONDUCTED]->(i),
            (i)-[:INVESTIGATED]->(s:Event)
      RETURN f.named AS named, s.id AS investigated`);
    expect(r).toEqual({ named: false, investigated: 'journalist-surveillance' });
  });

  it('the investigations were opened last October by TikTok’s management, after Forbes published its location-data story (000)', async () => {
    const r = await one(`
      MATCH (m:Team {id: 'tiktok-management'})-[o:OPENED]->(i:Event {id: 'internal-investigation'})-[:FOLLOWED]->(f:Event),
            (:Outlet {id: 'forbes'})-[:PUBLISHED]->(f)-[:ABOUT]->(d:Data)
      RETURN o.dateText AS opened, i.start AS start, i.dateInferred AS inferred, d.name AS data`);
    expect(r).toEqual({
      opened: 'last October',
      start: '2022-10-01',
      inferred: true,
      data: 'Location data of American citizens',
    });
  });

  it('ByteDance FIRED the head of audit and risk control and three other employees (000)', async () => {
    const rows = await q(`
      MATCH (:Organization {id: 'bytedance'})-[r:FIRED]->(p:Person)
      RETURN p.id AS id, p.count AS count, r.sources AS sources, r.disagreement AS d ORDER BY id`);
    expect(rows).toEqual([
      { id: 'head-of-audit', count: 1, sources: ['article-000'], d: 'disagreement-dismissals' },
      {
        id: 'three-other-employees',
        count: 3,
        sources: ['article-000'],
        d: 'disagreement-dismissals',
      },
    ]);
    const [dismissals] = await q(
      "MATCH (:Event {id: 'dismissals'})-[:PART_OF]->(i:Event) RETURN i.id AS id",
    );
    expect(dismissals?.['id']).toBe('internal-investigation');
  });

  it('of the four workers, one RESIGNED and three were FIRED (004)', async () => {
    const r = await one(`
      MATCH (res:Person)-[:RESIGNED]->(:Organization {id: 'tiktok'}), (res)-[:PART_OF]->(w:Person {id: 'audit-workers'}),
            (:Organization)-[:FIRED]->(f:Person)-[:PART_OF]->(w)
      RETURN res.count AS resigned, f.count AS fired, w.count AS total`);
    expect(r).toEqual({ resigned: 1, fired: 3, total: 4 });
  });

  it('the audit team was restructured to avoid further incidents (000)', async () => {
    const r = await one(
      "MATCH (e:Event)-[:AFFECTED]->(:Team {id: 'internal-audit-team'}) RETURN e.kind AS kind, e.purpose AS purpose",
    );
    expect(r).toEqual({
      kind: 'restructuring',
      purpose: 'to avoid further incidents in the future',
    });
  });

  it('the New York Times REPORTED the internal investigation (000); an FT reporter REPORTED the tracking twice (004)', async () => {
    const rows = await q(`
      MATCH (x)-[r:REPORTED]->(e:Event)
      OPTIONAL MATCH (x)-[:WORKS_FOR]->(o:Outlet)
      RETURN coalesce(o.name, x.name) AS outlet, e.id AS event, r.sources AS sources ORDER BY outlet, r.id`);
    expect(rows).toEqual([
      { outlet: 'Financial Times', event: 'journalist-surveillance', sources: ['article-004'] },
      { outlet: 'Financial Times', event: 'journalist-surveillance', sources: ['article-004'] },
      { outlet: 'New York Times', event: 'internal-investigation', sources: ['article-000'] },
    ]);
  });

  it('Rubo Liang’s email, seen by the press, says he is “deeply disappointed” and that public trust will be undermined (000)', async () => {
    const rows = await q(`
      MATCH (p:Person {id: 'rubo-liang'})-[:SENT]->(e:Event {kind: 'email'})<-[:SAW]-(o:Outlet),
            (p)-[:STATED]->(c:Claim)-[:PART_OF]->(e)
      RETURN o.nameGarbled AS garbled, c.value AS said ORDER BY said`);
    expect(rows).toEqual([
      { garbled: true, said: 'deeply disappointed' },
      { garbled: true, said: 'public trust significantly undermined by a few individuals' },
    ]);
  });

  it('ByteDance CONDEMNED the spying in a statement to AFP (000)', async () => {
    const r = await one(`
      MATCH (b:Organization {id: 'bytedance'})-[:STATED]->(c:Claim)-[:MADE_TO]->(:Outlet {name: 'AFP'}),
            (b)-[k:CONDEMNED]->(:Event {id: 'journalist-surveillance'})
      RETURN c.value AS said, k.disputed AS disputed`);
    expect(r).toEqual({
      said: 'unfortunate initiative that seriously violated the company’s code of conduct',
      disputed: true,
    });
  });

  it('TikTok REFUSED_TO_COMMENT (004)', async () => {
    const r = await one(
      "MATCH (:Organization {id: 'tiktok'})-[r:REFUSED_TO_COMMENT]->(e:Event) RETURN e.id AS e, r.quotes AS quotes, r.disagreement AS d",
    );
    expect(r).toEqual({
      e: 'journalist-surveillance',
      quotes: ['For now, TikTok is staying hush on the matter and has refused to comment.'],
      d: 'disagreement-company-comment',
    });
  });

  it('the firm’s unnamed CEO sent a separate email asking some to reflect on their actions (004)', async () => {
    const r = await one(`
      MATCH (p:Person {id: 'firms-ceo-004'})-[:SENT]->(e:Event {kind: 'email'}), (p)-[:STATED]->(c:Claim)-[:PART_OF]->(e),
            (p)-[ceo:CEO_OF]->(o)
      RETURN p.named AS named, c.value AS said, o.id AS firm, ceo.inferred AS inferred`);
    expect(r).toEqual({
      named: false,
      said: 'reflect on their actions; stop such incidents',
      firm: 'tiktok',
      inferred: true,
    });
  });

  it('per 004, a Financial Times statement calls spying a criminal offense, and a new investigation will begin (004)', async () => {
    const r = await one(`
      MATCH (:Outlet {id: 'financial-times'})-[:STATED]->(c:Claim)-[:ABOUT]->(s:Event {id: 'journalist-surveillance'}),
            (n:Event {id: 'new-investigation'})-[:ABOUT]->(s), (n)-[:INVOLVED]->(:Outlet {id: 'financial-times'})
      RETURN c.value AS said, n.dateText AS when`);
    expect(r).toEqual({ said: 'spying is a huge criminal offense', when: 'will begin' });
  });

  it('several US states BANNED TikTok on their employees’ phones (000)', async () => {
    const r = await one(`
      MATCH (s:Organization {kind: 'state-governments'})-[b:BANNED]->(:Organization {id: 'tiktok'}),
            (s)-[:ENACTED]->(e:Event)-[:PART_OF]->(:Event {id: 'us-scrutiny'})
      RETURN s.countText AS how_many, b.scope AS scope`);
    expect(r).toEqual({
      how_many: 'several',
      scope: 'installation of the app on their employees’ phones',
    });
  });

  it('US authorities fear US citizens’ data could be exported to China for espionage (000)', async () => {
    const r = await one(`
      MATCH (:Organization {id: 'us-government'})-[c:CONCERNED_ABOUT]->(d:Data)-[x:COULD_BE_EXPORTED_TO]->(:Organization {id: 'china'})
      RETURN d.id AS data, x.use AS use`);
    expect(r).toEqual({ data: 'us-citizens-data', use: 'espionage' });
  });

  it('ByteDance and the US government are negotiating an agreement the surveillance could stop (000)', async () => {
    const r = await one(`
      MATCH (:Organization {id: 'bytedance'})-[:NEGOTIATING_WITH]->(:Organization {id: 'us-government'}),
            (s:Event {id: 'journalist-surveillance'})-[t:THREATENS]->(n:Event)-[:INVOLVED]->(:Organization {id: 'bytedance'})
      RETURN n.dateText AS status, t.speculative AS speculative`);
    expect(r).toEqual({ status: 'is being negotiated', speculative: true });
  });

  it('regulators ACCUSED TikTok; TikTok DENIED providing details to officials in China (004)', async () => {
    const r = await one(`
      MATCH (reg:Organization {id: 'regulators'})-[:ACCUSED]->(t:Organization {id: 'tiktok'}),
            (reg)-[:STATED]->(c:Claim)<-[:DENIED]-(t), (c)-[:ABOUT]->(:Organization {id: 'china'})
      RETURN c.value AS allegations`);
    expect(String(r['allegations'])).toContain('providing details to officials in China');
  });

  it('TikTok CREATED a trust and safety team in June and reshuffled its personnel early this month, answering states and the federal government (004)', async () => {
    const r = await one(`
      MATCH (t:Organization {id: 'tiktok'})-[c:CREATED]->(team:Team {id: 'trust-and-safety-team'}),
            (t)-[:ANNOUNCED]->(re:Event)-[:AFFECTED]->(team),
            (created:Event {id: 'trust-safety-team-creation'})-[:AFFECTED]->(team)
      MATCH (re)-[:RESPONDS_TO]->(x)
      RETURN c.dateText AS created, created.start AS createdStart, re.dateText AS reshuffled, collect(x.id) AS to`);
    expect(r['created']).toBe('in June of this year');
    expect(r['createdStart']).toBe('2022-06-01');
    expect(r['reshuffled']).toBe('During the early part of this month');
    expect([...(r['to'] as string[])].sort()).toEqual(['us-government', 'us-states']);
  });

  it('TikTok says its trust and safety team works on compliance and moderation, not tracking American users’ data (004)', async () => {
    const r = await one(`
      MATCH (:Organization {id: 'tiktok'})-[:STATED]->(c:Claim)-[:ABOUT]->(:Team {id: 'trust-and-safety-team'}),
            (c)-[:ABOUT]->(d:Data {id: 'us-citizens-data'})
      RETURN c.value AS said`);
    expect(String(r['said'])).toContain('compliance');
  });

  it('each article has its publisher and the outlet it cites', async () => {
    const rows = await q(`
      MATCH (p:Outlet)-[:PUBLISHED]->(a:Article)
      RETURN a.id AS article, p.name AS publisher, a.citedOutlet AS cites ORDER BY article`);
    expect(rows).toEqual([
      {
        article: 'article-000',
        publisher: 'Publisher of article 000 (unnamed French outlet)',
        cites: 'New York Times',
      },
      { article: 'article-004', publisher: 'Digital Information World', cites: 'Financial Times' },
    ]);
  });

  it('the articles’ own judgements are comment Claims CLAIMED_BY their article', async () => {
    const rows = await q(`
      MATCH (c:Claim {kind: 'comment'})-[:CLAIMED_BY]->(a:Article)
      RETURN a.id AS article, count(c) AS comments ORDER BY article`);
    expect(rows).toEqual([
      { article: 'article-000', comments: 1 },
      { article: 'article-004', comments: 5 },
    ]);
  });

  it('unnamed people are nodes with what the text says of them', async () => {
    const rows = await q(`
      MATCH (p:Person) WHERE p.named = false
      RETURN p.id AS id, p.count AS count, p.countText AS countText ORDER BY id`);
    expect(rows.map((r) => r['id'])).toEqual([
      'audit-workers',
      'buzzfeed-ft-journalists',
      'firms-ceo-004',
      'forbes-editors',
      'ft-reporter',
      'head-of-audit',
      'involved-employees',
      'resigned-worker',
      'suspected-leakers',
      'three-fired-workers',
      'three-other-employees',
      'tracked-journalists',
    ]);
  });

  describe('disagreements', () => {
    const disagreementsQuery = `
      MATCH (d:Disagreement)-[:BETWEEN]->(c:Claim)-[:CLAIMED_BY]->(a:Article)
      WITH d, c, a ORDER BY a.id
      WITH d, collect({article: a.id, claim: c.id, value: c.value, sources: c.sources, quotes: c.quotes}) AS accounts
      RETURN d.id AS id, d.question AS question, d.sources AS sources, accounts ORDER BY id`;

    it('the disagreements query returns each disagreement with an account from each article', async () => {
      const rows = await q(disagreementsQuery);
      expect(rows.map((r) => r['id'])).toEqual([
        'disagreement-company-comment',
        'disagreement-dismissals',
        'disagreement-motive',
        'disagreement-story-source',
      ]);
      for (const row of rows) {
        expect(row['sources'], String(row['id'])).toEqual(['article-000', 'article-004']);
        const accounts = row['accounts'] as Array<Record<string, unknown>>;
        expect(accounts.map((a) => a['article'])).toEqual(['article-000', 'article-004']);
        for (const a of accounts) {
          expect((a['sources'] as string[]).every((s) => s === a['article'])).toBe(true);
          expect((a['quotes'] as string[]).length).toBeGreaterThan(0);
        }
      }
    });

    it('who was fired or resigned: 000 says four fired, 004 says one resigned and three fired', async () => {
      const rows = await q(`
        MATCH (:Disagreement {id: 'disagreement-dismissals'})-[:BETWEEN]->(c:Claim)-[:CLAIMED_BY]->(a:Article)
        RETURN a.id AS article, c.firedCount AS fired, c.resignedCount AS resigned ORDER BY article`);
      expect(rows).toEqual([
        { article: 'article-000', fired: 4, resigned: null },
        { article: 'article-004', fired: 3, resigned: 1 },
      ]);
    });

    it('whether the company commented: 000 yes (statement to AFP), 004 no (refused to comment)', async () => {
      const rows = await q(`
        MATCH (:Disagreement {id: 'disagreement-company-comment'})-[:BETWEEN]->(c:Claim)-[:CLAIMED_BY]->(a:Article)
        MATCH (c)-[:ABOUT]->(x:Organization)
        RETURN a.id AS article, c.commented AS commented, x.id AS company ORDER BY article`);
      expect(rows).toEqual([
        { article: 'article-000', commented: true, company: 'bytedance' },
        { article: 'article-004', commented: false, company: 'tiktok' },
      ]);
    });

    it('which outlet broke the story: 000 the New York Times, 004 the Financial Times', async () => {
      const rows = await q(`
        MATCH (:Disagreement {id: 'disagreement-story-source'})-[:BETWEEN]->(c:Claim)-[:CLAIMED_BY]->(a:Article)
        MATCH (c)-[:ABOUT]->(o:Outlet)
        RETURN a.id AS article, o.name AS outlet ORDER BY article`);
      expect(rows).toEqual([
        { article: 'article-000', outlet: 'New York Times' },
        { article: 'article-004', outlet: 'Financial Times' },
      ]);
    });

    it('why the data was taken: 000 to identify the leakers, 004 for personal gain', async () => {
      const rows = await q(`
        MATCH (:Disagreement {id: 'disagreement-motive'})-[:BETWEEN]->(c:Claim)-[:CLAIMED_BY]->(a:Article)
        RETURN a.id AS article, c.value AS why ORDER BY article`);
      expect(String(rows[0]?.['why'])).toContain('leaked to the press');
      expect(String(rows[1]?.['why'])).toContain('personal gains');
    });

    it('every disputed element names an existing disagreement, and every disagreement marks elements on both sides', async () => {
      const rows = await q(`
        CALL () {
          MATCH (n) WHERE n.disputed = true RETURN n.disagreement AS d, n.sources AS sources
          UNION ALL
          MATCH ()-[r]->() WHERE r.disputed = true RETURN r.disagreement AS d, r.sources AS sources
        }
        OPTIONAL MATCH (dis:Disagreement {id: d})
        UNWIND sources AS s
        RETURN d, dis IS NOT NULL AS exists, collect(DISTINCT s) AS articles ORDER BY d`);
      expect(rows.map((r) => r['d'])).toEqual([
        'disagreement-company-comment',
        'disagreement-dismissals',
        'disagreement-motive',
        'disagreement-story-source',
      ]);
      for (const r of rows) {
        expect(r['exists']).toBe(true);
        expect([...(r['articles'] as string[])].sort(), String(r['d'])).toEqual([
          'article-000',
          'article-004',
        ]);
      }
    });
  });
});
