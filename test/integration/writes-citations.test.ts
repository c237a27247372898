import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/users-file.js';
import type { Database } from '../../server/db/database.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { startHttpApp, type RunningApp } from '../support/http-app.js';

interface Answer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}
interface Citation {
  source: string;
  quote: string;
  start: number | null;
  end: number | null;
}
interface Written {
  uid: string;
  elementId: string;
  version: number;
  citations: Citation[];
}
interface Write {
  outcome: string;
  element: Written;
  changes: { action: string; author: string; reason: string | null; citations: Citation[] }[];
}

const TEXT = `Staff notes

Rubo Liang ran the company's audit of the tracking in December 2022.
The audit named four employees.`;
const QUOTE = "Rubo Liang ran the company's audit of the tracking";

const FACT = `outcome element { uid elementId version citations { source quote start end } }
  changes { action author reason citations { source quote start end } }`;
const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { source { id } } }`;
const ADD_CITES = `mutation ($input: AddCitationsInput!) { addCitations(input: $input) { ${FACT} } }`;
const REMOVE = `mutation ($input: RemoveCitationInput!, $key: String) {
  removeCitation(input: $input, idempotencyKey: $key) { ${FACT} } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { action author reason } }`;

describe('removeCitation: one citation taken off a fact, the inverse of citing it', () => {
  let db: Database;
  let dir: string;
  let app: RunningApp;
  const tokens = { editor: '', reader: '' };
  let source = '';
  let rubo = '';

  const gql = async <T>(
    token: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer<T>> => {
    const res = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Answer<T>;
  };
  /** Rubo Liang's citation lists as stored: the four must stay aligned. */
  const stored = async (): Promise<Record<string, unknown>> => {
    const [row] = await db.read(
      `MATCH (p:Person {id: 'rubo-liang'})
RETURN p.sources AS sources, p.quotes AS quotes, p.dossierQuoteStarts AS starts,
       p.dossierQuoteEnds AS ends, p.dossierVersion AS version`,
    );
    return row ?? {};
  };

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    dir = mkdtempSync(join(tmpdir(), 'dossier-uncite-'));
    const usersFile = join(dir, 'users.json');
    tokens.editor = await addUser(usersFile, 'Ed Editor', 'editor');
    tokens.reader = await addUser(usersFile, 'Rita Reader', 'reader');
    app = await startHttpApp(db, { DOSSIER_USERS_FILE: usersFile });
    const added = await gql<{ addSource: { source: { id: string } } }>(tokens.editor, ADD_SOURCE, {
      input: { text: TEXT, title: 'Staff notes' },
    });
    source = added.data?.addSource.source.id ?? '';
    const [row] = await db.read(`MATCH (p:Person {id: 'rubo-liang'}) RETURN elementId(p) AS id`);
    rubo = String(row?.['id']);
  });
  afterAll(async () => {
    await app?.close();
    await resetDatabase(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes back exactly the citation added to a story entity: lists as before, history says uncite by whom', async () => {
    const before = await stored();
    const cited = await gql<{ addCitations: Write }>(tokens.editor, ADD_CITES, {
      input: { element: rubo, citations: [{ source, quote: QUOTE }] },
    });
    expect(cited.data?.addCitations.outcome).toBe('CITED');
    const added = cited.data?.addCitations.element.citations.at(-1);
    expect(added?.quote).toBe(QUOTE);

    const removed = await gql<{ removeCitation: Write }>(tokens.editor, REMOVE, {
      input: { element: rubo, source, quote: QUOTE, reason: 'Undo in the explorer' },
    });
    expect(removed.errors).toBeUndefined();
    const write = removed.data?.removeCitation;
    expect(write?.outcome).toBe('UNCITED');
    expect(write?.element.citations.some((c) => c.source === source)).toBe(false);
    expect(write?.changes).toEqual([
      {
        action: 'uncite',
        author: 'Ed Editor',
        reason: 'Undo in the explorer',
        citations: [added],
      },
    ]);
    const after = await stored();
    // Every story citation is still there, in order, with its padding; only the version moved on.
    expect(after['sources']).toEqual(before['sources']);
    expect(after['quotes']).toEqual(before['quotes']);
    const n = (before['sources'] as unknown[]).length;
    expect(after['starts']).toEqual(Array(n).fill(-1));
    expect(after['ends']).toEqual(Array(n).fill(-1));
    expect(after['version']).toBe(2);
    const history = await gql<{ history: { action: string }[] }>(tokens.editor, HISTORY, {
      id: rubo,
    });
    expect(history.data?.history.map((c) => c.action)).toEqual(['uncite', 'cite']);
  });

  it('removes one citation among several, keeping the others aligned with their offsets', async () => {
    const second = 'The audit named four employees.';
    await gql(tokens.editor, ADD_CITES, {
      input: {
        element: rubo,
        citations: [
          { source, quote: QUOTE },
          { source, quote: second },
        ],
      },
    });
    const removed = await gql<{ removeCitation: Write }>(tokens.editor, REMOVE, {
      // Whitespace may differ from the stored quote, as for every citation.
      input: {
        element: rubo,
        source,
        quote: `Rubo Liang ran the company's\n audit of the tracking`,
      },
    });
    const mine = removed.data?.removeCitation.element.citations.filter((c) => c.source === source);
    expect(mine).toEqual([
      {
        source,
        quote: second,
        start: TEXT.indexOf(second),
        end: TEXT.indexOf(second) + second.length,
      },
    ]);
  });

  it('refuses a citation the fact does not have, naming what it cites, and changes nothing', async () => {
    const before = await stored();
    const refused = await gql(tokens.editor, REMOVE, {
      input: { element: rubo, source, quote: 'Nobody said this' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('does not cite that passage');
    expect(refused.errors?.[0]?.message).toContain(source);
    expect(await stored()).toEqual(before);
    const missing = await gql(tokens.editor, REMOVE, {
      input: { element: 'no-such-fact', source, quote: QUOTE },
    });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a reader may not remove a citation (FORBIDDEN, nothing written)', async () => {
    const before = await stored();
    const refused = await gql(tokens.reader, REMOVE, {
      input: { element: rubo, source, quote: 'The audit named four employees.' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stored()).toEqual(before);
  });

  it('replays the first result for a repeated idempotency key and writes once', async () => {
    const second = 'The audit named four employees.';
    const vars = { input: { element: rubo, source, quote: second }, key: 'uncite-once' };
    const uncites = async (): Promise<number> =>
      (
        await gql<{ history: { action: string }[] }>(tokens.editor, HISTORY, { id: rubo })
      ).data?.history.filter((c) => c.action === 'uncite').length ?? -1;
    const before = await uncites();
    const first = await gql<{ removeCitation: Write }>(tokens.editor, REMOVE, vars);
    expect(first.errors).toBeUndefined();
    const again = await gql<{ removeCitation: Write }>(tokens.editor, REMOVE, vars);
    expect(again.data).toEqual(first.data);
    expect(await uncites()).toBe(before + 1);
  });
});
