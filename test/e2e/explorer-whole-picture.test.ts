import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/chromium.js';
import { fromRoot } from '../../server/paths.js';
import { startSeededApp, type RunningApp } from './support/app-server.js';

const ARTIFACTS = fromRoot('test-results', 'e2e');
/** Nodes of the synthetic picture: with its chain of relationships, 2,399 elements. */
const NODES = 1200;

/**
 * A simplified picture (issue 16 item 6) seen whole by the panels, in a real Chromium: the
 * level-of-detail threshold is lowered to 1,000 elements through the explorer's localStorage
 * switch, so a picture of 2,399 dated elements is drawn as its middle and aggregates, and the
 * timeline, the data exports and the aggregates' counts must still cover every element the
 * filters keep, not only the drawn ones.
 */
describe('panels of a simplified picture see the whole picture', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startSeededApp();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.addInitScript(() => localStorage.setItem('dossier.levelOfDetail', '1000'));
    await page.goto(app.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    // A chain of NODES dated nodes (Person and Bench in turn), each link dated too, spread over
    // 12,000 × 9,600 model units and seen at zoom 1: only the part near the middle is drawn.
    await page.evaluate(async (n) => {
      const { explorer } = window.dossier;
      explorer.clear();
      const day = (i: number): string =>
        new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      const graph = {
        nodes: Array.from({ length: n }, (_, i) => ({
          id: `w-${i}`,
          labels: [i % 2 ? 'Person' : 'Bench'],
          caption: `W ${i}`,
          properties: { name: `W ${i}`, date: day(i) },
          degree: 2,
        })),
        edges: Array.from({ length: n - 1 }, (_, i) => ({
          id: `w-e${i}`,
          type: 'NEXT',
          source: `w-${i}`,
          target: `w-${i + 1}`,
          properties: { date: day(i) },
        })),
      };
      const positions = new Map(
        graph.nodes.map((x, i) => [x.id, { x: (i % 40) * 300, y: Math.floor(i / 40) * 320 }]),
      );
      await explorer.add(graph, { kind: 'positions', positions });
      window.dossier.cy().viewport({ zoom: 1, pan: { x: -5000, y: -4400 } });
    }, NODES);
    // The re-plan after the viewport rests draws the middle in detail.
    await page.waitForFunction(() => window.dossier.cy().nodes('.lod').length > 0, undefined, {
      timeout: 30_000,
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const drawnReal = (): Promise<{ nodes: number; edges: number; aggregated: number }> =>
    page.evaluate(() => {
      const cy = window.dossier.cy();
      return {
        nodes: cy.nodes().not('.lod').length,
        edges: cy.edges().not('.lod-link').length,
        aggregated: cy
          .nodes('.lod')
          .map((n) => Number(n.data('count')))
          .reduce((a, b) => a + b, 0),
      };
    });

  const exportFile = async (kind: string): Promise<string> => {
    await page.getByRole('button', { name: /Export/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`[data-export="${kind}"]`).click(),
    ]);
    const path = join(ARTIFACTS, `whole-picture-${download.suggestedFilename()}`);
    await download.saveAs(path);
    return readFileSync(path, 'utf8');
  };

  it('marks every dated element on the timeline and exports every element, though Cytoscape holds only part of them', async () => {
    const drawn = await drawnReal();
    expect(await page.evaluate(() => window.dossier.explorer.simplified)).not.toBeNull();
    expect(drawn.nodes).toBeGreaterThan(0);
    expect(drawn.nodes).toBeLessThan(NODES / 2);
    expect(drawn.nodes + drawn.aggregated).toBe(NODES);

    const timeline = page.locator('#timeline');
    await expect
      .poll(() => timeline.getAttribute('data-marks'), { timeout: 30_000 })
      .toBe(String(2 * NODES - 1));

    const csv = await exportFile('csv-nodes');
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(NODES);
    expect(rows.some((r) => r.startsWith('lod:'))).toBe(false);
    const json = JSON.parse(await exportFile('json')) as {
      elements: { group: string; data: { id: string } }[];
    };
    expect(json.elements.filter((e) => e.group === 'nodes')).toHaveLength(NODES);
    expect(json.elements.filter((e) => e.group === 'edges')).toHaveLength(NODES - 1);
  });

  it('follows a label filter in the timeline, the exports and the aggregates, which no longer count the hidden nodes', async () => {
    await page.evaluate(() => {
      const { store, commands } = window.dossier;
      store.dispatch(commands.filterLabel, { label: 'Bench', visible: false });
    });
    // Every relationship of the chain touches a Bench node: only the Person nodes stay.
    const timeline = page.locator('#timeline');
    await expect
      .poll(() => timeline.getAttribute('data-marks'), { timeout: 30_000 })
      .toBe(String(NODES / 2));
    await expect
      .poll(async () => {
        const d = await drawnReal();
        return d.nodes + d.aggregated;
      })
      .toBe(NODES / 2);
    const csv = await exportFile('csv-nodes');
    const rows = csv.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(NODES / 2);
    expect(rows.every((r) => r.split(',')[1] === 'Person')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'whole-picture-filtered.png') });
  });
});
