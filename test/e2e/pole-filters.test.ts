import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { pole } from '../support/load-pole.js';
import { startPoleApp, type RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';
import { crimesOnGrid } from './support/explorer-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e');
const CRIMES = 300;

/** The Crime nodes drawn and not filtered out: stable key → date and type. */
function shownCrimes(page: Page): Promise<Record<string, { date: string; type: string }>> {
  return page.evaluate(() => {
    const { displayed, cache } = window.dossier;
    return Object.fromEntries(
      displayed()
        .nodes()
        .filter((n) => (n.data('labels') as string[]).includes('Crime'))
        .map((n) => {
          const p = cache.node(n.id())?.properties ?? {};
          return [cache.keyOf(n.id()), { date: String(p['date']), type: String(p['type']) }];
        }),
    );
  });
}

/** Day of month of POLE's day-first dates (every crime is in August 2017). */
const dayOfMonth = (d: string): number => Number(d.split('/')[0]);

describe.skipIf(!pole.present)('filters by property on POLE crimes, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startPoleApp();
    ({ browser, context, page } = await openBrowser({ errors }));
    await openApp(page, app.url);
    // A few hundred crimes on screen, read through the API as the explorer reads nodes, placed on
    // a grid (no layout run: the test is about filtering, not placing).
    const added = await crimesOnGrid(page, CRIMES, { columns: 20, spacing: 60 });
    expect(added).toBe(CRIMES);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the Crime date histogram: 31 bars, one per day of August 2017, from the server', async () => {
    const toggle = page.getByRole('button', { name: 'Filter by property…' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const label = page.getByLabel('Label', { exact: true });
    await expect.poll(() => label.inputValue()).toBe('Crime');
    await page.getByLabel('Property', { exact: true }).selectOption('date');
    const bars = page.locator('.pf-hist .pf-bar');
    await expect.poll(() => bars.count()).toBe(31);
    expect(await page.locator('.pf-summary').textContent()).toContain(
      '28,762 Crime in the database',
    );
    expect(
      await page.getByRole('group', { name: /Histogram of date/ }).getAttribute('aria-label'),
    ).toContain('from 2017-08-01 to 2017-08-31');
    expect(errors).toEqual([]);
  });

  it('drags across the first ten days: only crimes of 1–10 August stay drawn', async () => {
    const all = await shownCrimes(page);
    expect(Object.keys(all)).toHaveLength(CRIMES);
    await page.locator('.pf-hist').scrollIntoViewIfNeeded();
    const first = await page.locator('.pf-hist .pf-bar').nth(0).boundingBox();
    const tenth = await page.locator('.pf-hist .pf-bar').nth(9).boundingBox();
    await page.mouse.move(first!.x + first!.width / 2, first!.y + first!.height - 4);
    await page.mouse.down();
    await page.mouse.move(tenth!.x + tenth!.width / 2, tenth!.y + tenth!.height - 4, { steps: 5 });
    await page.mouse.up();

    const expected = Object.keys(all).filter((k) => dayOfMonth(all[k]!.date) <= 10);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(CRIMES);
    await expect
      .poll(async () => Object.keys(await shownCrimes(page)).sort())
      .toEqual(expected.sort());
    expect(await page.evaluate(() => window.dossier.store.view.analysis.propertyFilters)).toEqual([
      { kind: 'range', label: 'Crime', property: 'date', min: '2017-08-01', max: '2017-08-10' },
    ]);
    expect(await page.locator('#status').textContent()).toContain(`${expected.length} nodes`);
    expect(await page.locator('#pf-from').inputValue()).toBe('2017-08-01');
  });

  it('ticks a `type` value with the keyboard: only those crimes within the dates stay', async () => {
    await page.getByLabel('Property', { exact: true }).selectOption('type');
    const burglary = page.getByRole('checkbox', { name: /^Burglary/ });
    await burglary.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => burglary.isChecked()).toBe(true);
    const all = await page.evaluate(() => {
      const { cy, cache } = window.dossier;
      return cy()
        .nodes()
        .map((n) => cache.node(n.id())?.properties ?? {});
    });
    const expected = all.filter(
      (p) => p['type'] === 'Burglary' && dayOfMonth(String(p['date'])) <= 10,
    ).length;
    await expect.poll(async () => Object.keys(await shownCrimes(page)).length).toBe(expected);
    const shown = Object.values(await shownCrimes(page));
    expect(shown.every((c) => c.type === 'Burglary' && dayOfMonth(c.date) <= 10)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'pole-filters-crime-date-type.png') });
  });

  it('undo takes the filters back one at a time; redo brings them again', async () => {
    const both = Object.keys(await shownCrimes(page)).length;
    await page.keyboard.press('Escape');
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => Object.keys(await shownCrimes(page)).length)
      .toBeGreaterThan(both);
    expect(
      await page.evaluate(() =>
        window.dossier.store.view.analysis.propertyFilters.map((f) => f.property),
      ),
    ).toEqual(['date']);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Object.keys(await shownCrimes(page)).length).toBe(CRIMES);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => Object.keys(await shownCrimes(page)).length).toBe(both);
  });

  it('takes typed bounds from the keyboard, and reads in the dark theme', async () => {
    await page.getByRole('button', { name: 'Toggle dark theme' }).click();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset['theme']))
      .toBe('dark');
    await page.getByLabel('Property', { exact: true }).selectOption('date');
    // Date inputs take their value segment by segment; fill sets it as a typed date would.
    await page.getByLabel('From', { exact: true }).fill('2017-08-03');
    const to = page.getByLabel('To', { exact: true });
    await to.fill('2017-08-05');
    await to.press('Enter');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window.dossier.store.view.analysis.propertyFilters.find((f) => f.property === 'date'),
        ),
      )
      .toEqual({
        kind: 'range',
        label: 'Crime',
        property: 'date',
        min: '2017-08-03',
        max: '2017-08-05',
      });
    await expect
      .poll(async () =>
        Object.values(await shownCrimes(page)).every(
          (c) => c.type === 'Burglary' && dayOfMonth(c.date) >= 3 && dayOfMonth(c.date) <= 5,
        ),
      )
      .toBe(true);
    expect(await page.locator('.pf-bar.pf-in').count()).toBe(3);
    await page.screenshot({ path: join(ARTIFACTS, 'pole-filters-dark.png') });
    // Back to 1–10 August for the link below (undo of the typed range), then the light theme.
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window.dossier.store.view.analysis.propertyFilters
            .map((f) => (f.kind === 'range' ? f.max : null))
            .find((max) => max !== null),
        ),
      )
      .toBe('2017-08-10');
    await page.getByRole('button', { name: 'Toggle dark theme' }).click();
  });

  it('keeps a range of bars with the keyboard: arrows, Shift to widen, Enter; Space again on it clears', async () => {
    const dateFilter = (): Promise<unknown> =>
      page.evaluate(() =>
        window.dossier.store.view.analysis.propertyFilters.find((f) => f.property === 'date'),
      );
    const focusedBar = (): Promise<string | null | undefined> =>
      page.evaluate(() => document.activeElement?.closest('.pf-bar')?.getAttribute('aria-label'));
    await page.getByRole('button', { name: /^2017-08-01: / }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(dateFilter).toMatchObject({ min: '2017-08-02', max: '2017-08-04' });
    await expect
      .poll(() =>
        page.getByRole('button', { name: /^2017-08-03: \d+ Crime$/ }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    await expect.poll(focusedBar).toMatch(/^2017-08-04: /);
    await page.keyboard.press('Space');
    await expect.poll(dateFilter).toMatchObject({ min: '2017-08-04', max: '2017-08-04' });
    await page.keyboard.press('Space');
    await expect.poll(dateFilter).toBeUndefined();
    // Back to 1–10 August for the link below: the three steps undone.
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    await expect.poll(dateFilter).toMatchObject({ min: '2017-08-01', max: '2017-08-10' });
  });

  it('the filters survive a share link: a new page shows the same crimes', async () => {
    const before = Object.keys(await shownCrimes(page)).sort();
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => page.url()).toContain('#view=');
    const second = await context.newPage();
    second.on('pageerror', (e) => errors.push(e.message));
    await openApp(second, page.url());
    await expect.poll(async () => Object.keys(await shownCrimes(second)).sort()).toEqual(before);
    expect(
      await second.evaluate(() => window.dossier.store.view.analysis.propertyFilters.length),
    ).toBe(2);
    // The section tells a reader of the link that property filters are at work.
    expect(await second.locator('#pf-count').textContent()).toBe('2 in force');
    await second.close();
    expect(errors).toEqual([]);
  });
});
