import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../server/auth/users-file.js';
import { fromRoot } from '../../server/paths.js';
import { seedStory } from '../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { testConfig } from '../support/test-config.js';
import { serveApp, type RunningApp } from './support/app-server.js';
import { openCite, saveCite, selectInSource } from './support/authoring-page.js';
import { openBrowser } from './support/browser-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e');

/** The third source, as plain text (the reader's Add source is engineer E's; here it is added through the API). */
const THIRD = {
  title: 'ByteDance fires four employees who tracked reporters through TikTok',
  publisher: 'The Ledger Review',
  text: [
    'ByteDance has fired four employees who used TikTok data to follow journalists, the company said on Thursday. An internal investigation found that the employees had taken the IP addresses of reporters at BuzzFeed, the Financial Times and Forbes while looking for the staff who had talked to them.',
    "Among those tracked was Emily Baker-White, a reporter at Forbes who had written about ByteDance's plans for the data of American users. Forbes said in October that the company had planned to follow her, a claim ByteDance denied at the time.",
  ].join('\n\n'),
};
const PERSON_QUOTE =
  "Among those tracked was Emily Baker-White, a reporter at Forbes who had written about ByteDance's plans for the data of American users.";
const RELATION_QUOTE =
  'An internal investigation found that the employees had taken the IP addresses of reporters at BuzzFeed, the Financial Times and Forbes while looking for the staff who had talked to them.';

async function graphql(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] }> {
  const res = await fetch(`${url}graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as never;
}

/** Chooses a node in a cite-dialog picker: types its name and picks the option with its label. */
async function pick(page: Page, testId: string, name: string, label: string): Promise<void> {
  await page.fill(`[data-testid="${testId}"]`, name);
  await page
    .locator(`.picker:has([data-testid="${testId}"]) [role="option"]`)
    .filter({ hasText: `${name} :${label}` })
    .first()
    .click();
}

async function viewOf(page: Page): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate(() => ({
    nodes: window.dossier
      .cy()
      .nodes()
      .map((n) => n.id())
      .sort(),
    edges: window.dossier
      .cy()
      .edges()
      .map((e) => e.id())
      .sort(),
  }));
}

describe('authoring in the explorer: cite, retract, undo, history, saved cases, roles', () => {
  let app: RunningApp | undefined;
  let url: string;
  let dir: string;
  let browser: Browser;
  let editorContext: BrowserContext;
  let page: Page;
  const tokens = { editor: '', reader: '' };
  let source = { id: '', nodeId: '' };
  const errors: string[] = [];
  let journeyStart = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'dossier-authoring-'));
    const usersFile = join(dir, 'users.json');
    for (const [name, role] of [
      ['Ed Editor', 'editor'],
      ['Rita Reader', 'reader'],
    ] as const) {
      tokens[role] = await addUser(usersFile, name, role);
    }
    const db = connectTestDatabase();
    await resetDatabase(db);
    await seedStory(db);
    app = await serveApp(db, {
      config: testConfig({ DOSSIER_USERS_FILE: usersFile }),
      emptyOnClose: true,
    });
    url = app.url;
    const added = await graphql(
      url,
      tokens.editor,
      'mutation($input: AddSourceInput!) { addSource(input: $input) { source { id nodeId } } }',
      { input: THIRD },
    );
    source = (added.data?.addSource as { source: typeof source }).source;
    ({ browser, context: editorContext, page } = await openBrowser({ errors }));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an editor signs in with a token and sees their name and the editing controls', async () => {
    journeyStart = performance.now();
    await page.goto(`${url}?token=${tokens.editor}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('body[data-role="editor"]');
    expect(await page.textContent('[data-testid="signed-in"]')).toBe('Ed Editor · editor');
    await page.waitForSelector('[data-testid="btn-cases"]');
  });

  it('cites a sentence of the third source as a new person: on the graph, selected, with its source', async () => {
    await page.fill('#search-input', 'ByteDance fires four');
    await page.click(`#search-results li[data-node-id="${source.nodeId}"]`);
    await page.getByRole('button', { name: 'Read the article' }).click();
    await page.waitForSelector(`.article-text[data-article-id="${source.id}"]`);
    await openCite(page, source.id, PERSON_QUOTE);
    expect(await page.textContent('[data-testid="cite-quote"]')).toBe(PERSON_QUOTE);
    await page.fill('[data-testid="cite-label"]', 'Person');
    await page.fill('[data-testid="cite-name"]', 'Emily Baker-White');
    await page.screenshot({ path: join(ARTIFACTS, 'authoring-cite-dialog.png') });
    await saveCite(page);
    await page.locator('[data-testid="details-title"]', { hasText: 'Emily Baker-White' }).waitFor();
    const selected = await page.evaluate(() =>
      window.dossier.store.view.selected.map((id) =>
        window.dossier.cy().getElementById(id).data('caption'),
      ),
    );
    expect(selected).toEqual(['Emily Baker-White']);
    await page
      .locator('[data-testid="sources"] blockquote', { hasText: 'Emily Baker-White, a reporter' })
      .waitFor();
  });

  it('"Open source" on the new fact highlights its quote', async () => {
    await page.locator('#source-dialog button[aria-label="Close the source"]').click();
    await page
      .locator('[data-testid="sources"]')
      .getByRole('button', { name: 'Open source' })
      .click();
    const mark = page.locator(`.article-text[data-article-id="${source.id}"] mark#source-quote`);
    await mark.waitFor();
    expect(await mark.textContent()).toBe(PERSON_QUOTE);
  });

  it('cites another sentence as a relationship between two existing entities', async () => {
    await openCite(page, source.id, RELATION_QUOTE, 'relationship');
    await pick(page, 'cite-from', 'ByteDance', 'Organization');
    await page.fill('[data-testid="cite-type"]', 'TRACKED');
    await pick(page, 'cite-to', 'Forbes', 'Outlet');
    await saveCite(page);
    await page.locator('[data-testid="details-title"]', { hasText: 'TRACKED' }).waitFor();
    const edge = await page.evaluate(() => {
      const id = window.dossier.store.view.selected[0] ?? '';
      const e = window.dossier.cy().getElementById(id);
      return [e.source().data('caption'), e.data('type'), e.target().data('caption')];
    });
    expect(edge).toEqual(['ByteDance', 'TRACKED', 'Forbes']);
    await page.locator('#source-dialog button[aria-label="Close the source"]').click();
  });

  it('retracts the relationship, and undo restores it on the server; the history names each step', async () => {
    const edgeId = await page.evaluate(() => window.dossier.store.view.selected[0] ?? '');
    await page.click('[data-testid="retract"]');
    await page.fill('[data-testid="retract-reason"]', 'Testing the retraction');
    await page.click('[data-testid="retract-confirm"]');
    await page.waitForFunction((id) => window.dossier.cy().getElementById(id).empty(), edgeId);
    const retracted = await graphql(
      url,
      tokens.editor,
      'query($id: ID!) { history(id: $id, first: 1) { action } }',
      { id: edgeId },
    );
    expect(retracted.data?.history).toEqual([{ action: 'retract' }]);
    await page.click('#btn-undo');
    await page.waitForFunction((id) => !window.dossier.cy().getElementById(id).empty(), edgeId);
    await page.waitForSelector('body[data-pending-edits="0"]');
    const items = page.locator('[data-testid="history"] li');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="history"] li').length >= 3,
    );
    const actions = await items.evaluateAll((lis) =>
      lis.map((li) => li.getAttribute('data-action')),
    );
    expect(actions.slice(0, 3)).toEqual(['restore', 'retract', 'create']);
    const authors = await page.locator('[data-testid="history-author"]').allTextContents();
    expect(new Set(authors)).toEqual(new Set(['Ed Editor']));
    const history = await graphql(
      url,
      tokens.editor,
      'query($id: ID!) { history(id: $id) { action author } }',
      {
        id: edgeId,
      },
    );
    expect((history.data?.history as { action: string }[]).map((c) => c.action)).toEqual([
      'restore',
      'retract',
      'create',
    ]);
  });

  it('saves the case; its short link opens the same view in a new page', async () => {
    await page.click('[data-testid="btn-cases"]');
    await page.fill('[data-testid="case-name"]', 'Forbes tracking');
    await page.fill('[data-testid="case-description"]', 'Who tracked the Forbes reporter');
    await page.click('[data-testid="case-save"]');
    await page.waitForFunction(() => location.pathname.startsWith('/c/'));
    const path = await page.evaluate(() => location.pathname);
    expect(path).toBe('/c/forbes-tracking');
    await page.locator('[data-testid="case-link"]', { hasText: 'Forbes tracking' }).waitFor();
    await page.keyboard.press('Escape');
    const before = await viewOf(page);
    const other = await editorContext.newPage();
    await other.goto(`${url}c/forbes-tracking`);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await other.waitForFunction(
      (n) => window.dossier.cy().nodes().length === n,
      before.nodes.length,
    );
    expect(await viewOf(other)).toEqual(before);
    await other.close();
    const seconds = (performance.now() - journeyStart) / 1000;
    console.log(`The authoring journey took ${seconds.toFixed(1)} s`);
  });

  it('a reader sees no editing controls, and a mutation crafted from the page is FORBIDDEN', async () => {
    const readerContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const reader = await readerContext.newPage();
    await reader.goto(`${url}?token=${tokens.reader}`);
    await reader.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await reader.waitForSelector('body[data-role="reader"]');
    expect(await reader.textContent('[data-testid="signed-in"]')).toBe('Rita Reader · reader');
    // The saved case opens for a reader too; Emily Baker-White, cited above, is in it.
    await reader.goto(`${url}c/forbes-tracking`);
    await reader.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await reader.fill('#search-input', 'Emily Baker-White');
    await reader
      .locator('#search-results li[data-node-id]')
      .filter({ hasText: 'Emily Baker-White' })
      .first()
      .click();
    await reader.locator('[data-testid="history-section"] h2').first().waitFor();
    expect(await reader.locator('[data-testid="retract"]').count()).toBe(0);
    expect(await reader.locator('#btn-add-source').isVisible()).toBe(false);
    // The saved case is listed and opens, but there is no form to save one.
    await reader.click('[data-testid="btn-cases"]');
    await reader.locator('[data-testid="case-link"]', { hasText: 'Forbes tracking' }).waitFor();
    expect(await reader.locator('[data-testid="case-save"]').count()).toBe(0);
    await reader.locator('#cases-dialog').getByRole('button', { name: 'Close' }).click();
    // Selecting a passage offers no "Cite…".
    await reader.screenshot({ path: join(ARTIFACTS, 'authoring-reader-role.png') });
    await reader
      .locator('[data-testid="sources"]')
      .getByRole('button', { name: 'Open source' })
      .first()
      .click();
    await reader.waitForSelector('.article-text[data-article-id]');
    const id = await reader.getAttribute('.article-text[data-article-id]', 'data-article-id');
    const words = await reader.evaluate(
      () => document.querySelector('.article-text')?.textContent?.slice(0, 40) ?? '',
    );
    await selectInSource(reader, id ?? '', words);
    expect(await reader.locator('[data-testid="cite-selection"]').count()).toBe(0);
    const crafted = await reader.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query:
            'mutation { addEntity(input: { label: "Person", name: "Mallory", citations: [] }) { outcome } }',
        }),
      });
      return (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    });
    expect(crafted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await readerContext.close();
    expect(errors).toEqual([]);
  });
});
