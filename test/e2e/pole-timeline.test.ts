import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { pole } from '../support/load-pole.js';
import { startPoleApp, type RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';
import { crimesOnGrid } from './support/explorer-page.js';

const ARTIFACTS = fromRoot('test-results', 'e2e');
const CRIMES = 1000;

/** The Crime nodes drawn and not filtered out, as ISO days (POLE dates are day-first). */
function shownCrimeDays(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { displayed, cache } = window.dossier;
    return displayed()
      .nodes()
      .filter((n) => (n.data('labels') as string[]).includes('Crime'))
      .map((n) => {
        const [d, m, y] = String(cache.node(n.id())?.properties['date']).split('/');
        // Day-first, and a quarter of POLE's days have one digit (4/08/2017).
        return `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
      });
  });
}

const timeWindow = (page: Page) => page.evaluate(() => window.dossier.store.view.time);

describe.skipIf(!pole.present)('the timeline on POLE crimes by date, in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startPoleApp();
    ({ browser, page } = await openBrowser({ errors }));
    await openApp(page, app.url);
    // A thousand crimes on screen, read through the API as the explorer reads nodes, on a grid.
    const added = await crimesOnGrid(page, CRIMES, { columns: 40, spacing: 50 });
    expect(added).toBe(CRIMES);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('chooses `date` and counts the crimes into daily bins instead of a thousand marks', async () => {
    const chooser = page.getByTestId('time-property');
    await expect
      .poll(() => chooser.locator('option[value="date"]').count(), { timeout: 90_000 })
      .toBe(1);
    await chooser.selectOption('date');
    await expect
      .poll(() => page.evaluate(() => window.dossier.store.view.timeProperty), { timeout: 30_000 })
      .toBe('date');
    const layer = page.locator('.tl-marks');
    await expect.poll(() => layer.getAttribute('data-mode'), { timeout: 30_000 }).toBe('bins');
    expect(await layer.getAttribute('data-unit')).toBe('day');
    expect(await page.locator('.tl-mark').count()).toBe(0);
    const counts = await page
      .locator('.tl-bin')
      .evaluateAll((bs) => bs.map((b) => Number(b.getAttribute('data-count'))));
    // Every crime of POLE is in August 2017: at most a bar per day of the shown span.
    expect(counts.length).toBeGreaterThanOrEqual(28);
    expect(counts.length).toBeLessThanOrEqual(62);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(CRIMES);
    await expect
      .poll(() => page.locator('.tl-summary').textContent(), { timeout: 30_000 })
      .toMatch(/^1,000 dated facts in daily bins/);
    await page.screenshot({ path: join(ARTIFACTS, 'pole-timeline-bins.png') });
  });

  it('brushing across the bins filters the crimes to the range; undo brings them back', async () => {
    const box = await page.locator('.tl-overlay').boundingBox();
    if (!box) throw new Error('no timeline overlay');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 3 });
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 3 });
    await page.mouse.up();
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).not.toBeNull();
    const time = await timeWindow(page);
    const { from, to } = time ?? { from: '', to: '' };
    await expect
      .poll(async () => (await shownCrimeDays(page)).length, { timeout: 30_000 })
      .toBeLessThan(CRIMES);
    const days = await shownCrimeDays(page);
    expect(days.length).toBeGreaterThan(0);
    expect(days.every((d) => d >= from && d <= to)).toBe(true);
    // The bins stay (faint marks would be thousands): the brush still sits over them.
    expect(await page.locator('.tl-bin').count()).toBeGreaterThan(0);

    await page.locator('#btn-undo').click();
    await expect.poll(() => timeWindow(page), { timeout: 30_000 }).toBeNull();
    await expect
      .poll(async () => (await shownCrimeDays(page)).length, { timeout: 30_000 })
      .toBe(CRIMES);
  });

  it('Enter on a focused bin brushes its day: exactly that bin’s crimes stay', async () => {
    const bin = page.locator('.tl-bin[tabindex="0"]').nth(3);
    const [start, count] = await Promise.all([
      bin.getAttribute('data-start'),
      bin.getAttribute('data-count'),
    ]);
    await bin.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => timeWindow(page), { timeout: 30_000 })
      .toEqual({ from: start, to: start });
    await expect
      .poll(async () => (await shownCrimeDays(page)).length, { timeout: 30_000 })
      .toBe(Number(count));
    expect(new Set(await shownCrimeDays(page))).toEqual(new Set([start]));
    await page.getByTestId('timeline-brush').focus();
    await page.keyboard.press('Escape');
    await expect
      .poll(async () => (await shownCrimeDays(page)).length, { timeout: 30_000 })
      .toBe(CRIMES);
    expect(errors).toEqual([]);
  });
});
