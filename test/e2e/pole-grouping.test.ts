import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromRoot } from '../../server/paths.js';
import { pole } from '../support/load-pole.js';
import { startPoleApp, type RunningApp } from './support/app-server.js';
import { DESKTOP, openApp, openBrowser } from './support/browser-page.js';

/**
 * Grouping and the coordinates layout on POLE, in a real Chromium: 300 nodes collapse by label
 * into group nodes with their counts and back; POLE's Locations placed by latitude/longitude.
 */

/**
 * In the page: puts on screen the first `counts[label]` nodes of each label with every
 * relationship among them (the GraphQL API, then the store like any addition), laid out.
 * Resolves to the number of relationships whose ends have different labels.
 */
function showPole(page: Page, counts: Record<string, number>, around?: number): Promise<number> {
  return page.evaluate(
    async ({ counts, around }) => {
      const gql = async (query: string, variables: Record<string, unknown>) => {
        const r = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return ((await r.json()) as { data: Record<string, any> }).data; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      const ids: string[] = [];
      for (const [label, first] of Object.entries(counts)) {
        const d = await gql('query($l:String,$f:Int){nodes(label:$l,first:$f){nodes{id}}}', {
          l: label,
          f: first,
        });
        ids.push(...d['nodes'].nodes.map((n: { id: string }) => n.id));
      }
      if (around) {
        // A few neighbours of the first nodes: nodes without coordinates, laid out around them.
        const d = await gql('query($i:[ID!]!,$n:Int){neighbourhood(ids:$i,limit:$n){nodes{id}}}', {
          i: ids.slice(0, around),
          n: 3,
        });
        ids.push(...d['neighbourhood'].nodes.map((n: { id: string }) => n.id));
      }
      const d = await gql(
        'query($i:[ID!]!){subgraph(ids:$i){nodes{id labels caption properties degree stableKey} edges{id type source target properties}}}',
        { i: [...new Set(ids)] },
      );
      const sub = d['subgraph'];
      window.dossier.explorer.clear();
      await window.dossier.explorer.add(sub, { kind: 'layout' });
      const label = new Map<string, string>(
        sub.nodes.map((n: { id: string; labels: string[] }) => [n.id, n.labels[0]]),
      );
      return sub.edges.filter(
        (e: { source: string; target: string }) => label.get(e.source) !== label.get(e.target),
      ).length;
    },
    { counts, around },
  );
}

/** What the canvas shows: group nodes' captions, plain nodes, and the counts on group edges. */
function onScreen(page: Page) {
  return page.evaluate(() => {
    const cy = window.dossier.cy();
    return {
      groups: cy
        .nodes('.group')
        .map((n) => String(n.data('caption')))
        .sort(),
      plain: cy.nodes().not('.group').length,
      counted: cy.edges('.group-edge').reduce((s, e) => s + Number(e.data('count')), 0),
      grouping: window.dossier.store.view.analysis.grouping,
    };
  });
}

describe.skipIf(!pole.present)('grouping and the coordinates layout on POLE', () => {
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

  it('groups 300 nodes by label into group nodes with their counts, through a re-layout, and back', async () => {
    const between = await showPole(page, { Person: 150, Crime: 100, Location: 50 });
    const before = await page.evaluate(() => window.dossier.store.view.nodes);
    expect(Object.keys(before)).toHaveLength(300);

    await page.getByRole('button', { name: 'Group', exact: true }).click();
    await page.getByLabel('Group nodes by').selectOption('label');
    await expect
      .poll(() => onScreen(page).then((s) => s.groups.length), { timeout: 30_000 })
      .toBe(3);
    let s = await onScreen(page);
    expect(s.groups).toEqual(['Crime (100)', 'Location (50)', 'Person (150)']);
    expect(s.plain).toBe(0);
    // Every relationship between two labels is counted once on a group edge; none inside a group.
    expect(s.counted).toBe(between);
    // The layout that placed the groups wrote their positions into the View.
    await expect
      .poll(() => onScreen(page).then((x) => Object.keys(x.grouping?.positions ?? {}).length), {
        timeout: 30_000,
      })
      .toBe(3);

    // A different layout moves the groups, which stay groups, their places kept in the View.
    await page.locator('#layout-select').selectOption('grid');
    await expect
      .poll(
        async () => {
          const x = await onScreen(page);
          const at = await page.evaluate(() => window.dossier.explorer.positions());
          return (
            Object.entries(x.grouping?.positions ?? {}).every(
              ([k, p]) => at[`group:${k}`]?.x === p.x && at[`group:${k}`]?.y === p.y,
            ) && x.groups.length === 3
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    s = await onScreen(page);
    expect(s.groups).toEqual(['Crime (100)', 'Location (50)', 'Person (150)']);
    expect(s.plain).toBe(0);

    // One group expanded from the keyboard-usable list, then collapsed again.
    await page.getByRole('button', { name: 'Expand Location (50)' }).click();
    await expect.poll(() => onScreen(page).then((x) => x.plain), { timeout: 30_000 }).toBe(50);
    expect((await onScreen(page)).groups).toEqual(['Crime (100)', 'Person (150)']);
    await page.getByRole('button', { name: 'Collapse Location (50)' }).click();
    await expect.poll(() => onScreen(page).then((x) => x.plain), { timeout: 30_000 }).toBe(0);

    // A group node selected: it is not in the database, so the inspector has nothing to fetch.
    await page.evaluate(() => window.dossier.cy().nodes('.group').first().select());
    await expect
      .poll(() => page.evaluate(() => window.dossier.store.view.selected.join()))
      .toMatch(/^group:/);
    await page.evaluate(() => window.dossier.explorer.idle());
    expect(await page.getByText('Select a node or relationship').isVisible()).toBe(true);

    // Undo back to before grouping: all 300 nodes again, where they stood.
    for (let i = 0; i < 10 && (await onScreen(page)).grouping; i++) {
      await page.getByRole('button', { name: 'Undo' }).click();
    }
    await expect.poll(() => onScreen(page).then((x) => x.plain), { timeout: 30_000 }).toBe(300);
    s = await onScreen(page);
    expect(s.groups).toEqual([]);
    expect(s.grouping).toBeNull();
    expect(await page.evaluate(() => window.dossier.store.view.nodes)).toEqual(before);
    // The control closes from the keyboard.
    await page.getByLabel('Group nodes by').press('Escape');
    await expect.poll(() => page.locator('#group-panel').isHidden()).toBe(true);
  });

  it('places POLE locations by latitude and longitude, the crimes around them', async () => {
    await showPole(page, { Location: 40 }, 8);
    await page.locator('#layout-select').selectOption('coordinates');
    const placed = () =>
      page.evaluate(() => {
        const { store, cache } = window.dossier;
        return Object.entries(store.view.nodes).flatMap(([id, p]) => {
          const props = cache.node(id)?.properties ?? {};
          const lat = props['latitude'];
          const lon = props['longitude'];
          return typeof lat === 'number' && typeof lon === 'number' ? [{ lat, lon, ...p }] : [];
        });
      });
    /**
     * Pairs of places in another order on screen than on the map (east right, north up). Places
     * closer than 0.003° (a few pixels; the View keeps whole pixels) may tie.
     */
    const outOfOrder = (ps: { lat: number; lon: number; x: number; y: number }[]): number =>
      ps.flatMap((a) =>
        ps.filter(
          (b) => (a.lon - b.lon > 0.003 && a.x <= b.x) || (a.lat - b.lat > 0.003 && a.y >= b.y),
        ),
      ).length;
    await expect.poll(async () => outOfOrder(await placed()), { timeout: 60_000 }).toBe(0);
    const places = await placed();
    expect(places.length).toBeGreaterThanOrEqual(40);
    const others = await page.evaluate(() => Object.keys(window.dossier.store.view.nodes).length);
    expect(others).toBeGreaterThan(places.length);
    await page.evaluate(() => window.dossier.explorer.idle());
    // The picture in the README is refreshed on request only: a test run must leave the tree clean.
    if (process.env['DOSSIER_UPDATE_DOCS'] === '1') {
      await page.screenshot({ path: fromRoot('docs', 'coordinates-layout.png') });
    }
    expect(errors).toEqual([]);
  });
});
