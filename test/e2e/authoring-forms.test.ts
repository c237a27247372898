import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { seedStory } from '../../server/seed/seed.js';
import { makeArticleDocx } from '../fixtures/sources/make-docx.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import {
  contrastReport,
  graphql,
  lightBackgrounds,
  openCite,
  pickNode,
  selectInSource,
  serveClientCopy,
  tabTo,
  unnamedControls,
} from './support/authoring-page.js';
import type { RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e-authoring-forms');

/** A fourth source, written for this test: sentences for each kind of fact the cite dialog makes. */
const TITLE = 'ByteDance staff fired over the tracking of reporters';
const SENTENCES = {
  cite: 'ByteDance said the employees had left the company by the end of December.',
  property: 'The company said four employees were dismissed.',
  claim: 'Forbes reported that the employees had also tried to track its reporters in Virginia.',
  other: 'A spokesperson later said that only three employees had been dismissed.',
};
const TEXT = [
  TITLE,
  `${SENTENCES.cite} ${SENTENCES.property}`,
  `${SENTENCES.claim} ${SENTENCES.other}`,
].join('\n\n');

/** The same kind of article as a Word file, made here (no binary is committed). */
const DOCX = {
  title: 'TikTok data and the Virginia office',
  author: 'Mara Quill',
  published: new Date(Date.UTC(2023, 0, 9, 10)),
  paragraphs: [
    'TikTok data and the Virginia office',
    'Investigators at TikTok looked at the location data of two reporters who had visited the Virginia office.',
  ],
};

/** The seeded story app, serving a copy of the built client. */
async function startStory(): Promise<RunningApp> {
  const db = connectTestDatabase();
  await resetDatabase(db);
  await seedStory(db);
  return serveClientCopy(db);
}

const active = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a ? `${a.tagName.toLowerCase()}#${a.id}.${[...a.classList].join('.')}` : '';
  });

describe(
  'authoring by keyboard, in the dark theme, and every kind of cited fact (story, Chromium)',
  { timeout: 300_000 },
  () => {
    let app: RunningApp;
    let browser: Browser;
    let page: Page;
    let sourceId = '';
    let bytedance = '';
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      app = await startStory();
      const [row] = await app.db.read(
        "MATCH (o:Organization {name: 'ByteDance'}) RETURN elementId(o) AS id",
      );
      bytedance = String(row?.['id']);
      ({ browser, page } = await openBrowser({ errors }));
      // Waits are for the server's answers: on a machine shared with other runs they take a while.
      page.setDefaultTimeout(120_000);
      await openApp(page, app.url, { timeout: 240_000, editor: true });
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('keyboard only: Tab reaches Add source, Esc gives focus back, the text is pasted and saved; the dialog keeps Tab inside', async () => {
      await tabTo(page, '#btn-add-source');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#intake-dialog[open]');
      expect(await active(page)).toBe('textarea#intake-text.');
      await page.keyboard.press('Escape');
      await page.waitForSelector('#intake-dialog[open]', { state: 'hidden' });
      expect(await active(page)).toMatch(/^button#btn-add-source/);

      await page.keyboard.press('Enter');
      await page.waitForSelector('#intake-dialog[open]');
      await page.keyboard.insertText(TEXT);
      // Tab goes round the dialog's controls and never leaves it.
      for (let i = 0; i < 16; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('#intake-dialog'))).toBe(
          true,
        );
      }
      expect(await unnamedControls(page.locator('#intake-dialog'))).toEqual([]);
      await tabTo(page, '#intake-title');
      await page.keyboard.insertText(TITLE);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#intake-dialog[open]', { state: 'hidden' });
      const reader = page.locator('.reader-text[data-article-id]');
      await reader.waitFor();
      sourceId = (await reader.getAttribute('data-article-id')) ?? '';
      expect(sourceId).toMatch(/^article-/);
      const [row] = await app.db.read('MATCH (a:Article {id: $id}) RETURN a.text AS text', {
        id: sourceId,
      });
      expect(row?.['text']).toBe(TEXT);
    });

    it('keyboard only: ↓ chooses a sentence, Enter opens Cite…, an existing entity is picked with arrows and Enter, saved; focus comes back to the text', async () => {
      await page.locator('[data-testid="reader-stats"]').filter({ hasText: 'mention' }).waitFor();
      expect(await unnamedControls(page.locator('#source-dialog'))).toEqual([]);
      await tabTo(page, '.reader-text');
      const cursor = page.locator('[data-testid="reader-cursor"]');
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('ArrowDown');
        if ((await cursor.textContent())?.includes(SENTENCES.cite)) break;
      }
      expect(await cursor.textContent()).toContain(SENTENCES.cite);
      expect(await page.evaluate(() => String(document.getSelection()))).toBe(SENTENCES.cite);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#cite-dialog[open]');
      expect(await page.textContent('[data-testid="cite-quote"]')).toBe(SENTENCES.cite);
      expect(await active(page)).toBe('select#cite-kind.');
      await page.keyboard.press('Tab'); // the "A new one" radio
      await page.keyboard.press('ArrowDown'); // "One already in the graph"
      await page.keyboard.press('Tab');
      expect(await page.getAttribute(':focus', 'data-testid')).toBe('cite-existing');
      await page.keyboard.type('ByteDance');
      await pickNode(page, 'cite-existing', 'ByteDance :Organization');
      expect(await page.inputValue('[data-testid="cite-existing"]')).toBe('ByteDance');
      expect(await unnamedControls(page.locator('#cite-dialog'))).toEqual([]);
      await tabTo(page, '[data-testid="cite-save"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#cite-dialog[open]', { state: 'hidden' });
      await page.waitForFunction(() => !!document.activeElement?.matches('.reader-text'));
      await page.locator('[data-testid="details-title"]', { hasText: 'ByteDance' }).waitFor();
      const cited = await graphql<{ history: { action: string; author: string }[] }>(
        app.url,
        'query($id: ID!) { history(id: $id, first: 1) { action author } }',
        { id: bytedance },
      );
      expect(cited.history).toEqual([{ action: 'cite', author: 'local' }]);
    });

    it('undo takes that one citation off ByteDance on the server (removeCitation); redo cites it again', async () => {
      const history = async (): Promise<string[]> =>
        (
          await graphql<{ history: { action: string }[] }>(
            app.url,
            'query($id: ID!) { history(id: $id, first: 3) { action } }',
            { id: bytedance },
          )
        ).history.map((c) => c.action);
      const citesSource = async (): Promise<boolean> => {
        const [row] = await app.db.read(
          'MATCH (o) WHERE elementId(o) = $id RETURN o.sources AS s',
          {
            id: bytedance,
          },
        );
        return ((row?.['s'] as string[] | null) ?? []).includes(sourceId);
      };
      expect(await citesSource()).toBe(true);
      await page.click('#btn-undo');
      await page.waitForFunction(() => document.body.dataset['pendingEdits'] === '0');
      await expect.poll(history, { timeout: 60_000 }).toEqual(['uncite', 'cite']);
      expect(await citesSource()).toBe(false);
      await page.click('#btn-redo');
      await page.waitForFunction(() => document.body.dataset['pendingEdits'] === '0');
      await expect.poll(history, { timeout: 60_000 }).toEqual(['cite', 'uncite', 'cite']);
      expect(await citesSource()).toBe(true);
    });

    it('the dark theme: text in the reader, the cite dialog and the intake reads at 4.5:1 or more, and nothing keeps a light background', async () => {
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
      await selectInSource(page, sourceId, SENTENCES.property);
      await page.waitForSelector('[data-testid="cite-selection"]:not([hidden])');
      const cite = await contrastReport(page, ['[data-testid="cite-selection"]']);
      await page.click('[data-testid="cite-selection"]');
      await page.waitForSelector('#cite-dialog[open]');
      await page.selectOption('[data-testid="cite-kind"]', 'relationship');
      await page.fill('[data-testid="cite-from"]', 'ByteDance');
      await page.locator('.picker [role="option"]').first().waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'cite-dialog-dark.png') });
      const selectors = [
        '#source-title',
        '.reader-text',
        '.reader-text mark.cited',
        '.reader-text .mention',
        '[data-testid="reader-stats"]',
        '.reader-side h4',
        '#cite-title',
        '[data-testid="cite-quote"]',
        '#cite-dialog label',
        '#cite-kind',
        '[data-testid="cite-from"]',
        '.picker [role="option"]',
        '[data-testid="cite-save"]',
        '#cite-dialog button:not(.primary)',
      ];
      const report = [...cite, ...(await contrastReport(page, selectors))];
      // Esc closes the picker's list first (it covers the buttons), then Cancel closes the dialog.
      await page.keyboard.press('Escape');
      if ((await page.locator('#cite-dialog[open]').count()) > 0) {
        await page.locator('#cite-dialog').getByRole('button', { name: 'Cancel' }).click();
      }
      await page.waitForSelector('#cite-dialog[open]', { state: 'hidden' });
      await page.click('#btn-add-source');
      await page.waitForSelector('#intake-dialog[open]');
      report.push(
        ...(await contrastReport(page, [
          '#intake-heading',
          '#intake-text',
          '#intake-dialog label',
          '#intake-title',
          '[data-testid="intake-save"]',
          '#intake-dialog .button-like',
          '#intake-dialog .muted',
        ])),
      );
      const light = [
        ...(await lightBackgrounds(page, '#intake-dialog')),
        ...(await lightBackgrounds(page, '#source-dialog')),
      ];
      await page.keyboard.press('Escape');
      console.log(
        'Dark-theme contrast (lowest first):',
        [...report]
          .sort((a, b) => a.ratio - b.ratio)
          .slice(0, 5)
          .map((r) => `${r.selector} ${r.ratio.toFixed(2)}:1`)
          .join(', '),
      );
      expect(report.filter((r) => r.ratio < 4.5)).toEqual([]);
      expect(report.length).toBeGreaterThanOrEqual(20);
      expect(light).toEqual([]);
      await page.evaluate(() => (document.documentElement.dataset['theme'] = 'light'));
    });

    it('a property value, a claim and one side of a disagreement: each saved, on the graph and in its details with its quote', async () => {
      const cite = (quote: string, kind: string): Promise<void> =>
        openCite(page, sourceId, quote, kind);
      const saved = async (title: string, quote: string): Promise<void> => {
        await page.click('[data-testid="cite-save"]');
        // Saved (the dialog closes) or refused (its error says why, and the test shows it).
        await page.waitForFunction(
          () =>
            !document.querySelector('#cite-dialog[open]') ||
            (document.querySelector('[data-testid="cite-error"]')?.textContent ?? '') !== '',
        );
        expect(
          await page.locator('#cite-dialog[open] [data-testid="cite-error"]').allTextContents(),
        ).toEqual([]);
        await page.locator('[data-testid="details-title"]', { hasText: title }).waitFor();
        await page.locator('[data-testid="sources"] blockquote', { hasText: quote }).waitFor();
      };

      // A property value of ByteDance.
      await cite(SENTENCES.property, 'property');
      await page.fill('[data-testid="cite-of"]', 'ByteDance');
      await pickNode(page, 'cite-of', 'ByteDance :Organization', { click: true });
      await page.fill('[data-testid="cite-key"]', 'employees_dismissed');
      await page.fill('[data-testid="cite-value"]', 'four');
      await saved('ByteDance', SENTENCES.property);
      await page.locator('#inspector', { hasText: 'employees_dismissed' }).waitFor();
      const [prop] = await app.db.read(
        'MATCH (o) WHERE elementId(o) = $id RETURN o.employees_dismissed AS v',
        { id: bytedance },
      );
      expect(prop?.['v']).toBe('four');

      // A claim about ByteDance.
      await cite(SENTENCES.claim, 'claim');
      await page.fill('[data-testid="cite-claim-name"]', 'Virginia tracking');
      await saved('Virginia tracking', SENTENCES.claim);
      const claimOnGraph = await page.evaluate(() =>
        window.dossier.store.view.selected.map((id) =>
          window.dossier.cy().getElementById(id).data('caption'),
        ),
      );
      expect(claimOnGraph).toEqual(['Virginia tracking']);

      // One side of a disagreement with that claim.
      await cite(SENTENCES.other, 'disagreement');
      await page.fill('[data-testid="cite-other"]', 'Virginia tracking');
      await pickNode(page, 'cite-other', 'Virginia tracking :Claim', { click: true });
      await page.getByLabel('This account’s caption').fill('Three dismissed');
      await page.getByLabel('The value it gives').fill('dismissed: 3');
      await page
        .getByLabel('The question they answer differently')
        .fill('How many were dismissed?');
      await saved('How many were dismissed?', SENTENCES.other);
      const [between] = await app.db.read(
        `MATCH (d:Disagreement {name: 'How many were dismissed?'})-[:BETWEEN]->(c:Claim)
       RETURN collect(c.name) AS claims, d.quotes AS quotes`,
      );
      expect([...(between?.['claims'] as string[])].sort()).toEqual([
        'Three dismissed',
        'Virginia tracking',
      ]);
      expect(between?.['quotes']).toEqual([SENTENCES.other]);
      expect(errors).toEqual([]);
    });

    it('a .docx dropped on Add source: title, author and date from its core properties, its text read and saved', async () => {
      const bytes = await makeArticleDocx(DOCX);
      await page.click('#btn-add-source');
      await page.waitForSelector('#intake-dialog[open]');
      const transfer = await page.evaluateHandle((b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([data], 'virginia-office.docx'));
        return dt;
      }, Buffer.from(bytes).toString('base64'));
      await page.dispatchEvent('[data-testid="intake-drop"]', 'drop', { dataTransfer: transfer });
      await page.waitForFunction(
        (title) => (document.getElementById('intake-title') as HTMLInputElement).value === title,
        DOCX.title,
      );
      expect(await page.inputValue('#intake-author')).toBe(DOCX.author);
      expect(await page.inputValue('#intake-published')).toBe('2023-01-09');
      expect((await page.inputValue('#intake-text')).split('\n\n')).toEqual(DOCX.paragraphs);
      await page.click('[data-testid="intake-save"]');
      await page.waitForSelector('#intake-dialog[open]', { state: 'hidden' });
      const reader = page.locator('.reader-text[data-article-id]', {
        hasText: 'Investigators at TikTok',
      });
      await reader.waitFor();
      const [row] = await app.db.read(
        'MATCH (a:Article {title: $title}) RETURN a.author AS author, a.published AS published',
        { title: DOCX.title },
      );
      expect(row).toEqual({ author: DOCX.author, published: '2023-01-09' });
      expect(errors).toEqual([]);
    });
  },
);
