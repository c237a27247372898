import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { makeArticlePdf } from '../fixtures/sources/make-pdf.js';
import { startSeededApp, type RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e-sources');
const HTML_PATH = fromRoot('test', 'fixtures', 'sources', 'third-article.html');
const html = readFileSync(HTML_PATH, 'utf8');

/** The fixture article's paragraphs, as the PDF the test makes carries them. */
function paragraphs(): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('article h1, article p:not(.byline)')].map((p) =>
    (p.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

async function articleCount(app: RunningApp): Promise<number> {
  const [row] = await app.db.read('MATCH (a:Article) RETURN count(a) AS n');
  return Number(row?.['n']);
}

describe('Add source and the reader, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  let started = 0;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startSeededApp();
    ({ browser, page } = await openBrowser({ errors }));
    await openApp(page, app.url, { timeout: 60_000 });
    started = Date.now();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('adds the third article from its HTML file: meta prefilled, mentions underlined, a new person suggested', async () => {
    const add = page.getByRole('button', { name: 'Add source' });
    await add.waitFor({ state: 'visible' });
    await add.click();
    await page.locator('#intake-file').setInputFiles(HTML_PATH);
    await expect
      .poll(() => page.locator('input#intake-title').inputValue(), { timeout: 20_000 })
      .toBe('ByteDance fires four employees who tracked reporters through TikTok');
    expect(await page.locator('input#intake-publisher').inputValue()).toBe('The Ledger Review');
    expect(await page.locator('input#intake-author').inputValue()).toBe('Dana Whitfield');
    expect(await page.locator('input#intake-published').inputValue()).toBe('2022-12-23');
    expect(await page.locator('input#intake-url').inputValue()).toBe(
      'https://ledger-review.example/2022/12/bytedance-fires-four',
    );
    const text = await page.locator('#intake-text').inputValue();
    expect(text).toContain('Among those tracked was Emily Baker-White');
    expect(text).not.toContain('Subscribe for 1 euro');
    await page.screenshot({ path: join(ARTIFACTS, '40-add-source.png') });
    await page.getByTestId('intake-save').click();

    const reader = page.locator('#source-dialog.reader-panel[open]');
    await reader.waitFor();
    await expect
      .poll(() => reader.locator('.reader-text .mention').count(), { timeout: 60_000 })
      .toBeGreaterThan(5);
    const underlined = await reader.locator('.reader-text .mention').allTextContents();
    for (const name of [
      'ByteDance',
      'TikTok',
      'Forbes',
      'BuzzFeed',
      'Financial Times',
      'Rubo Liang',
    ]) {
      expect(underlined).toContain(name);
    }
    const suggested = reader.locator('[data-suggestion="Emily Baker-White"]');
    await suggested.waitFor({ timeout: 60_000 });
    expect(await suggested.textContent()).toContain('Person');
    // A name the graph holds is never suggested.
    expect(await reader.locator('[data-suggestion="Forbes"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, '41-reader-mentions.png') });
  });

  it('a click on a mention adds its entity to the view, selected', async () => {
    const reader = page.locator('#source-dialog');
    const lepitakFree = reader.locator('.reader-text .mention', { hasText: 'Rubo Liang' }).first();
    await lepitakFree.click();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const { store, cache } = window.dossier;
          return store.view.selected.map((id) => cache.captionOf(id));
        }),
      )
      .toEqual(['Rubo Liang']);
    expect(await reader.locator('.reader-facts h4').textContent()).toBe('Rubo Liang');
  });

  it('creates the suggested person citing the sentence that names them; the reader then underlines and highlights it', async () => {
    const reader = page.locator('#source-dialog');
    await reader
      .locator('[data-suggestion="Emily Baker-White"]')
      .getByRole('button', { name: /^Create/ })
      .click();
    const cite = page.locator('#cite-dialog[open]');
    await cite.waitFor();
    expect(await cite.getByTestId('cite-quote').textContent()).toBe(
      "Among those tracked was Emily Baker-White, a reporter at Forbes who had written about ByteDance's plans for the data of American users.",
    );
    expect(await cite.getByTestId('cite-name').inputValue()).toBe('Emily Baker-White');
    expect(await cite.getByTestId('cite-label').inputValue()).toBe('Person');
    await page.screenshot({ path: join(ARTIFACTS, '42-cite-suggested.png') });
    await cite.getByTestId('cite-save').click();
    // Saved: the dialog closes (else its error says why).
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const d = document.getElementById('cite-dialog') as HTMLDialogElement | null;
            if (!d?.open) return 'closed';
            return d.querySelector('[data-testid="cite-error"]')?.textContent ?? 'open';
          }),
        { timeout: 40_000 },
      )
      .toBe('closed');
    await expect
      .poll(
        () => reader.locator('.reader-text .mention', { hasText: 'Emily Baker-White' }).count(),
        {
          timeout: 40_000,
        },
      )
      .toBe(1);
    const passage = reader.locator('.reader-text mark.cited', { hasText: 'Among those tracked' });
    await passage.first().waitFor();
    expect(await reader.locator('[data-suggestion="Emily Baker-White"]').count()).toBe(0);

    // The highlighted passage lists its fact and selects it on the graph.
    await page.evaluate(() => window.dossier.cy().$(':selected').unselect());
    await passage.first().click({ position: { x: 4, y: 4 } });
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const { store, cache } = window.dossier;
            return store.view.selected.map((id) => cache.captionOf(id));
          }),
        // The default second was too short on a loaded CI machine (the click, the fact look-up
        // and the selection): the same bound as the other waits here.
        { timeout: 40_000 },
      )
      .toContain('Emily Baker-White');
    expect(await reader.locator('.reader-fact-list').textContent()).toContain('Emily Baker-White');
    await page.screenshot({ path: join(ARTIFACTS, '43-reader-cited.png') });
  }, 240_000);

  it('refuses the same article again, naming the source that holds it, and stores nothing', async () => {
    const before = await articleCount(app);
    await page.locator('#source-dialog').getByRole('button', { name: 'Close the source' }).click();
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.locator('#intake-file').setInputFiles(HTML_PATH);
    await expect
      .poll(() => page.locator('input#intake-title').inputValue(), { timeout: 30_000 })
      .not.toBe('');
    await page.getByTestId('intake-save').click();
    const error = page.getByTestId('intake-error');
    await expect
      .poll(() => error.textContent(), { timeout: 20_000 })
      .toMatch(/already stored as source "article-[0-9a-f]{16}"/);
    expect(await page.getByTestId('intake-open-existing').textContent()).toMatch(/^Open article-/);
    expect(await articleCount(app)).toBe(before);
  });

  it('reads the same article as a PDF made at test time: its info dictionary and text layer; a scan says it has no text', async () => {
    const pdf = await makeArticlePdf({
      title: 'ByteDance fires four employees who tracked reporters through TikTok',
      author: 'Dana Whitfield',
      published: new Date(Date.UTC(2022, 11, 23, 12)),
      paragraphs: paragraphs(),
    });
    await page.locator('#intake-file').setInputFiles({
      name: 'third-article.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdf),
    });
    await expect
      .poll(() => page.getByTestId('intake-status').textContent(), { timeout: 90_000 })
      .toMatch(/^Read third-article\.pdf/);
    expect(await page.locator('input#intake-author').inputValue()).toBe('Dana Whitfield');
    expect(await page.locator('input#intake-published').inputValue()).toBe('2022-12-23');
    const text = await page.locator('#intake-text').inputValue();
    expect(text).toContain(
      'Chris Lepitak, who led the internal audit team in Beijing, was among those dismissed.',
    );

    const scan = await makeArticlePdf({
      title: 'Scan',
      author: 'x',
      published: new Date(),
      paragraphs: [],
    });
    await page
      .locator('#intake-file')
      .setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(scan) });
    await expect
      .poll(() => page.getByTestId('intake-error').textContent(), { timeout: 30_000 })
      .toMatch(/no text layer/);
    await page.locator('#intake-dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(errors).toEqual([]);
    console.log(`authoring-sources journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 180_000);
});
