import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { startSeededApp, type RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';
import { openFromSearch } from './support/explorer-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e');

/** The time window of the View. */
const timeWindow = (page: Page) => page.evaluate(() => window.dossier.store.view.time);

/** Story ids of the events drawn and not filtered out. */
const visibleEvents = (page: Page) =>
  page.evaluate(() =>
    window.dossier
      .displayed()
      .nodes()
      .filter((n) => (n.data('labels') as string[]).includes('Event'))
      .map((n) => String(window.dossier.cache.node(n.id())?.properties['id']))
      .sort(),
  );

describe('the timeline on the story: precision, disagreements, brushing', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startSeededApp();
    ({ browser, page } = await openBrowser({ errors }));
    await openApp(page, app.url);
    // The facts the must-show is about: the summer surveillance, the October investigation, the
    // dismissals (disputed) and the disagreement over them.
    await openFromSearch(
      page,
      'Tracking of journalists',
      'Tracking of journalists to find leakers',
    );
    await openFromSearch(page, 'internal investigation', 'ByteDance’s internal investigation');
    await openFromSearch(page, 'Dismissals', 'Dismissals of the employees involved');
    await openFromSearch(page, 'Who was fired', 'Who was fired or resigned, and how many');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('loads lazily under the canvas and draws "During the summer" (2022) as an inferred band, a month as a band', async () => {
    const summer = page.locator('.tl-mark[data-precision="season"]');
    await summer.waitFor({ timeout: 30_000 });
    expect(await summer.getAttribute('data-start')).toBe('2022-06-01');
    expect(await summer.getAttribute('data-end')).toBe('2022-08-31');
    expect(await summer.getAttribute('data-inferred')).toBe('true');
    expect(await summer.getAttribute('aria-label')).toMatch(
      /During the summer.*inferred from context/,
    );
    // A band, not a point: its bar spans the three months, wider than October's month band.
    // The drawn width in pixels (the SVG has no viewBox, so its units are the page's pixels).
    const width = async (loc: ReturnType<Page['locator']>) =>
      Number(await loc.locator('rect').first().getAttribute('width'));
    const october = page
      .locator('.tl-mark[data-precision="month"][data-start="2022-10-01"]')
      .first();
    await october.waitFor();
    expect(await october.locator('path').count()).toBe(0);
    const [ws, wo] = [await width(summer), await width(october)];
    expect(wo).toBeGreaterThan(10);
    expect(ws).toBeGreaterThan(2.5 * wo);
    // Inferred marks are hatched (by the timeline's stylesheet, a lazy chunk of its own that can
    // arrive a moment after its script: CI once read the style before it applied).
    await expect
      .poll(() => summer.locator('rect').evaluate((r) => getComputedStyle(r).fill), {
        timeout: 15_000,
      })
      .toContain('tl-hatch');
    // The timeline sits under the canvas, which it shrinks.
    const [cy, tl] = await Promise.all([
      page.locator('#cy').boundingBox(),
      page.locator('#timeline').boundingBox(),
    ]);
    expect((cy?.y ?? 0) + (cy?.height ?? 0)).toBeLessThanOrEqual((tl?.y ?? 0) + 1);
    // Lazily loaded: the first page's script does not carry the timeline's code.
    const inMain = await page.evaluate(async () => {
      const src = document.querySelector('script[type="module"]')?.getAttribute('src') ?? '';
      return (await (await fetch(src)).text()).includes('tl-dispute-link');
    });
    expect(inMain).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-timeline.png') });
  });

  it('shows the dismissal accounts of 000 and 004 as a disagreement, each with its (absent) date', async () => {
    const dispute = page.locator('.tl-dispute[data-disagreement="disagreement-dismissals"]');
    await dispute.waitFor({ timeout: 30_000 });
    const accounts = dispute.locator('.tl-account');
    expect(await accounts.count()).toBe(2);
    expect(
      await accounts.evaluateAll((as) => as.map((a) => a.getAttribute('data-sources'))),
    ).toEqual(['article-000', 'article-004']);
    expect(await dispute.getAttribute('data-dates')).toBe('undated');
    expect(await accounts.first().getAttribute('aria-label')).toMatch(
      /000: four fired.*no date given.*Disagreement: Who was fired/,
    );
    // Linked as one disagreement.
    expect(await dispute.locator('.tl-dispute-link').count()).toBe(1);
    expect(await dispute.locator('.tl-dispute-link title').first().textContent()).toMatch(
      /\(article-000 vs article-004\); none of the accounts dates it/,
    );
  });

  it('brushing a range filters the graph; undo restores it', async () => {
    expect(await visibleEvents(page)).toEqual(
      expect.arrayContaining(['journalist-surveillance', 'internal-investigation']),
    );
    // The timeline draws again after each command (and on a resize), replacing its marks, and
    // boundingBox() answers null for a mark being replaced, even after waiting for it to be
    // visible: read the band until two reads in a row give the same box.
    const band = page.locator('.tl-mark[data-precision="season"] rect');
    let box: Awaited<ReturnType<typeof band.boundingBox>> = null;
    await expect
      .poll(
        async () => {
          const next = await band.boundingBox();
          const same = !!next && !!box && next.x === box.x && next.width === box.width;
          box = next;
          return same;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const summer = box!;
    // Drag on empty timeline space from just before the summer to just after it.
    const y = summer.y + summer.height / 2;
    await page.mouse.move(summer.x - 4, y + 40);
    await page.mouse.down();
    await page.mouse.move(summer.x + summer.width / 2, y + 40, { steps: 4 });
    await page.mouse.move(summer.x + summer.width + 4, y + 40, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).not.toBeNull();
    const time = await timeWindow(page);
    const { from, to } = time ?? { from: '', to: '' };
    expect(from <= '2022-06-01' && to >= '2022-08-31' && to < '2022-10-01').toBe(true);
    await expect
      .poll(() => visibleEvents(page), { timeout: 30_000 })
      .not.toContain('internal-investigation');
    const events = await visibleEvents(page);
    expect(events).toContain('journalist-surveillance');
    // Undated facts always stay (the dismissals are not dated).
    expect(events).toContain('dismissals');
    // Marks outside the range stay on the timeline, faint, so the range can be widened.
    expect(await page.locator('.tl-mark.tl-out[data-start="2022-10-01"]').count()).toBeGreaterThan(
      0,
    );

    await page.locator('#btn-undo').click();
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).toBeNull();
    await expect
      .poll(() => visibleEvents(page), { timeout: 30_000 })
      .toContain('internal-investigation');
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).toEqual(time);
    await page.getByRole('button', { name: 'Clear range' }).click();
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).toBeNull();
  });

  it('sets the range with the keyboard: arrows on the focused brush, Escape clears', async () => {
    await page.getByTestId('timeline-brush').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).not.toBeNull();
    const first = await timeWindow(page);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await timeWindow(page))?.from, { timeout: 30_000 })
      .not.toBe(first?.from);
    await page.keyboard.press('Shift+ArrowRight');
    await expect
      .poll(async () => (await timeWindow(page))?.to, { timeout: 30_000 })
      .not.toBe(first?.to);
    await page.keyboard.press('Escape');
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).toBeNull();
  });

  it('clicking or pressing Enter on a mark selects its element; filtered elements lose their marks', async () => {
    const mark = page.locator('.tl-mark[data-precision="season"]');
    const id = await mark.getAttribute('data-id');
    await mark.click();
    await expect
      .poll(() => page.evaluate(() => window.dossier.store.view.selected), { timeout: 30_000 })
      .toEqual([id]);
    const october = page.locator('.tl-mark[data-start="2022-10-01"]').first();
    await october.focus();
    await page.keyboard.press('Enter');
    const oid = await october.getAttribute('data-id');
    await expect
      .poll(() => page.evaluate(() => window.dossier.store.view.selected), { timeout: 30_000 })
      .toEqual([oid]);

    await page.evaluate(() =>
      window.dossier.store.dispatch(window.dossier.commands.filterLabel, {
        label: 'Event',
        visible: false,
      }),
    );
    await expect
      .poll(() => page.locator('.tl-mark[data-precision="season"]').count(), { timeout: 30_000 })
      .toBe(0);
    await page.locator('#btn-undo').click();
    await expect
      .poll(() => page.locator('.tl-mark[data-precision="season"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(errors).toEqual([]);
  });

  it('reads in the dark theme: marks, ticks and disagreement links take the dark palette', async () => {
    const colours = () =>
      page.evaluate(() => {
        const css = (sel: string, prop: 'fill' | 'stroke' | 'backgroundColor') =>
          getComputedStyle(document.querySelector(sel) as Element)[prop];
        return {
          panel: css('#timeline', 'backgroundColor'),
          tick: css('.tl-tick', 'fill'),
          link: css('.tl-dispute-link', 'stroke'),
        };
      });
    const light = await colours();
    await page.locator('#btn-theme').click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['theme']), {
        timeout: 30_000,
      })
      .toBe('dark');
    const dark = await colours();
    expect(dark.panel).not.toBe(light.panel);
    expect(dark.tick).not.toBe(dark.panel);
    expect(dark.link).not.toBe(light.link);
    await page.screenshot({ path: join(ARTIFACTS, 'analysis-timeline-dark.png') });
    await page.locator('#btn-theme').click();
  });
});
