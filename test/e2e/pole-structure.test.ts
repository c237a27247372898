import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pole } from '../support/load-pole.js';
import { startPoleApp, type RunningApp } from './support/app-server.js';
import { DESKTOP, openApp, openBrowser } from './support/browser-page.js';

/**
 * Structure on a POLE neighbourhood, in a real Chromium: a few Areas expanded into a few hundred
 * elements, coloured by community (computed in the structure worker), listed in the table,
 * sorted by PageRank, and a row that selects its node, with the mouse and with the keyboard.
 */

/** In the page: expands the first `areas` Areas into `limit` neighbours each, as one addition. */
function expandAreas(page: Page, areas: number, limit: number): Promise<number> {
  return page.evaluate(
    async ({ areas, limit }) => {
      const gql = async (query: string, variables: Record<string, unknown>) => {
        const r = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return ((await r.json()) as { data: Record<string, any> }).data; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      const d = await gql('query($f:Int){nodes(label:"Area",first:$f){nodes{id}}}', { f: areas });
      const ids = d['nodes'].nodes.map((n: { id: string }) => n.id);
      const sub = (
        await gql(
          'query($i:[ID!]!,$n:Int){neighbourhood(ids:$i,limit:$n){nodes{id labels caption properties degree stableKey} edges{id type source target properties}}}',
          { i: ids, n: limit },
        )
      )['neighbourhood'];
      window.dossier.explorer.clear();
      await window.dossier.explorer.add(sub, { kind: 'layout' });
      return window.dossier.cy().elements().length;
    },
    { areas, limit },
  );
}

/** The canvas's community classes and colours, and the panel's state. */
function canvas(page: Page) {
  return page.evaluate(() => {
    const cy = window.dossier.cy();
    const classes = new Set<string>();
    const colours = new Set<string>();
    cy.nodes().forEach((n) => {
      for (const c of n.classes()) if (/^st-c(\d|x)$/.test(c)) classes.add(c);
      if (n.classes().some((c) => c.startsWith('st-c'))) colours.add(n.style('background-color'));
    });
    const panel = document.getElementById('structure-panel');
    return {
      communityClasses: [...classes],
      colours: [...colours],
      sized: cy.nodes('.st-sized').length,
      status: panel?.dataset['status'],
      workerRuns: Number(panel?.dataset['workerRuns'] ?? 0),
    };
  });
}

/** The table's rows as shown: node id, PageRank text and community number. */
function tableRows(page: Page) {
  return page.locator('.structure-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = [...tr.children].map((c) => c.textContent ?? '');
      return {
        id: (tr as HTMLElement).dataset['id'] ?? '',
        pagerank: Number(cells[4]),
        community: cells[5] ?? '',
      };
    }),
  );
}

describe.skipIf(!pole.present)('structure (centrality and communities) on POLE', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startPoleApp();
    ({ browser, page } = await openBrowser({ viewport: DESKTOP, errors }));
    await openApp(page, app.url);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('colours a neighbourhood by community from the worker, lists it, sorts by PageRank and selects a row’s node', async () => {
    const elements = await expandAreas(page, 3, 90);
    expect(elements).toBeGreaterThan(200);
    // Nothing is styled by structure before it is asked for.
    expect((await canvas(page)).communityClasses).toEqual([]);

    await page.getByRole('button', { name: 'Structure', exact: true }).click();
    await page.getByLabel('Colour by community').check();
    await expect
      .poll(() => canvas(page).then((c) => c.communityClasses.length), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);
    const c = await canvas(page);
    expect(c.colours.length).toBeGreaterThanOrEqual(2);
    // The results came back from a worker scope, not from the main thread.
    expect(c.workerRuns).toBeGreaterThanOrEqual(1);
    await expect.poll(() => canvas(page).then((x) => x.status), { timeout: 60_000 }).toBe('done');
    expect(
      await page.evaluate(() => window.dossier.store.view.analysis.structure.colourByCommunity),
    ).toBe(true);

    // The table lists the nodes on screen, with their communities.
    const nodes = await page.evaluate(() => window.dossier.cy().nodes().length);
    let rows = await tableRows(page);
    expect(rows.length).toBe(Math.min(nodes, 200));
    expect(new Set(rows.map((r) => r.community)).size).toBeGreaterThanOrEqual(2);

    // Sorting by PageRank (a header button, so the keyboard reaches it): the highest first.
    const pagerankHeader = page.locator('.structure-table th', { hasText: 'PageRank' });
    await page.getByRole('button', { name: 'PageRank', exact: true }).click();
    expect(await pagerankHeader.getAttribute('aria-sort')).toBe('descending');
    rows = await tableRows(page);
    const ranks = rows.map((r) => r.pagerank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBeGreaterThan(ranks[ranks.length - 1] ?? 0);
    // Each Area is the hub of its star: the top rows are Areas.
    const topLabel = await page.locator('.structure-table tbody tr').first().locator('td').first();
    expect(await topLabel.textContent()).toBe('Area');

    // A click on a row selects that node (the select command: the View and the canvas agree).
    const first = rows[0]?.id ?? '';
    await page.locator('.structure-table tbody tr').first().click();
    expect(await page.evaluate(() => window.dossier.store.view.selected)).toEqual([first]);
    expect(
      await page.evaluate((id) => window.dossier.cy().getElementById(id).selected(), first),
    ).toBe(true);

    // From the keyboard: down to the next row, Enter selects it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.dossier.store.view.selected)).toEqual([rows[1]?.id]);

    // Header sort from the keyboard: Tab into the headers is plain buttons; Enter on one sorts.
    await page.locator('.structure-table thead button[data-sort="pagerank"]').focus();
    await page.keyboard.press('Enter');
    expect(await pagerankHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(errors).toEqual([]);
  });

  it('sizes nodes by PageRank, and undo takes the styling away', async () => {
    await page.getByLabel('Size by').selectOption('pagerank');
    await expect
      .poll(() => canvas(page).then((c) => c.sized), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const sizes = await page.evaluate(() =>
      window.dossier
        .cy()
        .nodes('.st-sized')
        .map((n) => Number(n.data('stSize'))),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(Math.min(...sizes));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => canvas(page).then((c) => c.sized)).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => canvas(page).then((c) => c.communityClasses.length)).toBe(0);
    expect(errors).toEqual([]);
  });
});
