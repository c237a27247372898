import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/users-file.js';
import type { Database } from '../../server/db/database.js';
import type { Role } from '../../server/graphql/context.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { startHttpApp, type RunningApp } from '../support/http-app.js';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(
  base: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

const SAVE = `mutation Save($name: String!, $description: String, $view: String!, $slug: String) {
  saveCase(name: $name, description: $description, view: $view, slug: $slug) {
    slug name description view version savedBy savedAt path
    versions { version name view savedBy }
  }
}`;
const CASE = `query One($slug: String!) { case(slug: $slug) { slug version view versions { version view } } }`;
const CASES = `{ cases { slug name version } }`;

interface Saved {
  slug: string;
  name: string;
  description: string | null;
  view: string;
  version: number;
  savedBy: string;
  savedAt: string;
  path: string;
  versions: { version: number; name: string; view: string; savedBy: string }[];
}

describe('saved cases: saveCase, cases, case(slug), versions, who may save', () => {
  let db: Database;
  let dir: string;
  let app: RunningApp;
  const tokens: Partial<Record<Role, string>> = {};

  const caseCount = async (): Promise<number> =>
    Number((await db.read('MATCH (c:DossierCase) RETURN count(c) AS n'))[0]?.n);

  const save = async (vars: Record<string, unknown>, who: Role = 'editor'): Promise<Answer> =>
    gql(app.base, tokens[who] ?? '', SAVE, vars);

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    dir = mkdtempSync(join(tmpdir(), 'dossier-cases-'));
    const usersFile = join(dir, 'users.json');
    tokens.reader = await addUser(usersFile, 'Rita Reader', 'reader');
    tokens.editor = await addUser(usersFile, 'Ed Editor', 'editor');
    app = await startHttpApp(db, { DOSSIER_USERS_FILE: usersFile });
  });
  afterAll(async () => {
    await app?.close();
    await resetDatabase(db);
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves a new case under a slug made from its name, by the signed-in person', async () => {
    const answer = await save({
      name: 'Forbes surveillance — “Project Raven”',
      description: 'Who tracked whom',
      view: 'N4Ig1',
    });
    expect(answer.errors).toBeUndefined();
    const c = answer.data?.saveCase as Saved;
    expect(c).toMatchObject({
      slug: 'forbes-surveillance-project-raven',
      name: 'Forbes surveillance — “Project Raven”',
      description: 'Who tracked whom',
      view: 'N4Ig1',
      version: 1,
      savedBy: 'Ed Editor',
      path: '/c/forbes-surveillance-project-raven',
    });
    expect(Number.isNaN(Date.parse(c.savedAt))).toBe(false);
    expect(c.versions).toEqual([{ version: 1, name: c.name, view: 'N4Ig1', savedBy: 'Ed Editor' }]);
  });

  it('saving again with the slug adds version 2 and keeps version 1 as it was', async () => {
    const slug = 'forbes-surveillance-project-raven';
    const answer = await save({ name: 'Forbes surveillance', view: 'N4Ig2', slug });
    const c = answer.data?.saveCase as Saved;
    expect(c.version).toBe(2);
    expect(c.view).toBe('N4Ig2');
    expect(c.versions.map((v) => [v.version, v.view])).toEqual([
      [2, 'N4Ig2'],
      [1, 'N4Ig1'],
    ]);
    const read = (await gql(app.base, tokens.editor ?? '', CASE, { slug })).data?.case;
    expect(read).toEqual({
      slug,
      version: 2,
      view: 'N4Ig2',
      versions: [
        { version: 2, view: 'N4Ig2' },
        { version: 1, view: 'N4Ig1' },
      ],
    });
  });

  it('a second case with a taken name gets the next free slug, not a version of the first', async () => {
    const a = (await save({ name: 'Leads', view: 'AAA' })).data?.saveCase as Saved;
    const b = (await save({ name: 'Leads', view: 'BBB' })).data?.saveCase as Saved;
    expect([a.slug, a.version, b.slug, b.version]).toEqual(['leads', 1, 'leads-2', 1]);
  });

  it('concurrent saves of one case get distinct consecutive versions', async () => {
    const slug = (await save({ name: 'Busy case', view: 'V0' })).data?.saveCase as Saved;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => save({ name: 'Busy case', view: `V${i}`, slug: slug.slug })),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const saved = answers.map((a) => a.data?.saveCase as Saved);
    expect(saved.map((c) => c.version).sort()).toEqual([2, 3, 4, 5, 6]);
    // Each answer is the version that request saved, even when a later save committed first.
    expect(saved.map((c) => c.view)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    for (const c of saved)
      expect(c.versions.find((v) => v.version === c.version)?.view).toBe(c.view);
    const stored = (await gql(app.base, tokens.editor ?? '', CASE, { slug: slug.slug })).data
      ?.case as { versions: { version: number }[] };
    expect(stored.versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('bad input is refused with a code and a sentence, and writes nothing', async () => {
    const before = await caseCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: '   ', view: 'AAA' }, 'BAD_USER_INPUT', /needs a name/],
      [{ name: 'x', view: '<script>' }, 'BAD_USER_INPUT', /encoded view/],
      [{ name: 'x', view: 'AAA', slug: 'Not A Slug' }, 'BAD_USER_INPUT', /not a case's slug/],
      [{ name: 'x', view: 'AAA', slug: 'no-such-case' }, 'NOT_FOUND', /No case has the slug/],
    ];
    for (const [vars, code, message] of cases) {
      const answer = await save(vars);
      expect(answer.errors?.[0]?.extensions?.code).toBe(code);
      expect(answer.errors?.[0]?.message).toMatch(message);
    }
    expect(await caseCount()).toBe(before);
  });

  it('a reader lists and opens cases but may not save one (FORBIDDEN, nothing written)', async () => {
    const before = await caseCount();
    const list = (await gql(app.base, tokens.reader ?? '', CASES)).data?.cases as Saved[];
    expect(list.map((c) => c.slug)).toContain('forbes-surveillance-project-raven');
    // Most recently saved first.
    expect(list[0]?.slug).toBe('busy-case');
    const one = await gql(app.base, tokens.reader ?? '', CASE, { slug: 'leads' });
    expect((one.data?.case as Saved).view).toBe('AAA');
    const none = await gql(app.base, tokens.reader ?? '', CASE, { slug: 'nothing-here' });
    expect(none.data?.case).toBeNull();
    const refused = await save({ name: 'Mine', view: 'AAA' }, 'reader');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await caseCount()).toBe(before);
  });

  it('cases are bookkeeping: not in the schema overview or search', async () => {
    const answer = await gql(
      app.base,
      tokens.reader ?? '',
      '{ schema { labels { name } } search(text: "Busy") { hits { node { labels } } } }',
    );
    const labels = (answer.data?.schema as { labels: { name: string }[] }).labels.map(
      (l) => l.name,
    );
    expect(labels).not.toContain('DossierCase');
    const hits = (answer.data?.search as { hits: { node: { labels: string[] } }[] }).hits;
    expect(hits.flatMap((h) => h.node.labels)).not.toContain('DossierCase');
  });
});
