import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import type { RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';
import {
  graphql,
  openCite,
  pickNode,
  saveCite,
  serveClientCopy,
} from './support/authoring-page.js';

/*
 * A small Movies-shaped graph, written for this test (no data set is copied): Movie {title,
 * released}, Person {name, born}, ACTED_IN {roles}, DIRECTED — the shape of Neo4j's Movies
 * example, with none of the story's labels, sources or full-text index. Hugo Weaving's part in
 * Cloud Atlas is left out, for the source to support.
 */
const MOVIES = `
CREATE (matrix:Movie {title: 'The Matrix', released: 1999}),
       (reloaded:Movie {title: 'The Matrix Reloaded', released: 2003}),
       (atlas:Movie {title: 'Cloud Atlas', released: 2012}),
       (vendetta:Movie {title: 'V for Vendetta', released: 2005}),
       (keanu:Person {name: 'Keanu Reeves', born: 1964}),
       (carrie:Person {name: 'Carrie-Anne Moss', born: 1967}),
       (hugo:Person {name: 'Hugo Weaving', born: 1960}),
       (lana:Person {name: 'Lana Wachowski', born: 1965}),
       (lilly:Person {name: 'Lilly Wachowski', born: 1967}),
       (tom:Person {name: 'Tom Hanks', born: 1956}),
       (halle:Person {name: 'Halle Berry', born: 1966}),
       (natalie:Person {name: 'Natalie Portman', born: 1981}),
       (keanu)-[:ACTED_IN {roles: ['Neo']}]->(matrix),
       (keanu)-[:ACTED_IN {roles: ['Neo']}]->(reloaded),
       (carrie)-[:ACTED_IN {roles: ['Trinity']}]->(matrix),
       (hugo)-[:ACTED_IN {roles: ['Agent Smith']}]->(matrix),
       (hugo)-[:ACTED_IN {roles: ['V']}]->(vendetta),
       (natalie)-[:ACTED_IN {roles: ['Evey Hammond']}]->(vendetta),
       (tom)-[:ACTED_IN {roles: ['Zachry']}]->(atlas),
       (halle)-[:ACTED_IN {roles: ['Luisa Rey']}]->(atlas),
       (lana)-[:DIRECTED]->(matrix),
       (lilly)-[:DIRECTED]->(matrix),
       (lana)-[:DIRECTED]->(atlas)`;

const TITLE = 'Cloud Atlas and the makers of The Matrix';
const RELATION =
  'Hugo Weaving, who played Agent Smith in The Matrix, took six roles in Cloud Atlas, among them Bill Smoke.';
const PROPERTY = 'Tom Hanks and Halle Berry led the cast of Cloud Atlas.';
const TEXT = `${TITLE}\n\nCloud Atlas reunited Lana Wachowski with actors of The Matrix. ${RELATION}\n\n${PROPERTY}`;

describe(
  'authoring on a Movies-shaped graph (no story labels, no full-text index), in Chromium',
  { timeout: 300_000 },
  () => {
    let app: RunningApp;
    let browser: Browser;
    let page: Page;
    let sourceId = '';
    const errors: string[] = [];

    beforeAll(async () => {
      const db = connectTestDatabase();
      await resetDatabase(db);
      await db.write(MOVIES);
      app = await serveClientCopy(db);
      ({ browser, page } = await openBrowser({ errors }));
      // Waits are for the server's answers: on a machine shared with other runs they take a while.
      page.setDefaultTimeout(120_000);
      await openApp(page, app.url, { timeout: 240_000, editor: true });
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    it('adds a source; the people and films it names are underlined (found by label, with no index)', async () => {
      await page.click('#btn-add-source');
      await page.waitForSelector('#intake-dialog[open]');
      await page.fill('#intake-text', TEXT);
      await page.fill('#intake-title', TITLE);
      await page.click('[data-testid="intake-save"]');
      const reader = page.locator('.reader-text[data-article-id]');
      await reader.waitFor();
      sourceId = (await reader.getAttribute('data-article-id')) ?? '';
      await page.locator('.reader-text .mention').first().waitFor();
      const underlined = new Set(await page.locator('.reader-text .mention').allTextContents());
      for (const name of [
        'Cloud Atlas',
        'The Matrix',
        'Hugo Weaving',
        'Tom Hanks',
        'Halle Berry',
      ]) {
        expect(underlined).toContain(name);
      }
      const { mentions } = await graphql<{ mentions: { method: string } }>(
        app.url,
        'query($id: ID!) { mentions(sourceId: $id) { method } }',
        { id: sourceId },
      );
      expect(mentions.method).toBe('LABEL_SCAN');
    });

    it('cites a sentence as ACTED_IN between two existing nodes (existing type offered): on the graph, selected', async () => {
      await openCite(page, sourceId, RELATION, 'relationship');
      await page.fill('[data-testid="cite-from"]', 'Hugo Weaving');
      await pickNode(page, 'cite-from', 'Hugo Weaving :Person', { click: true });
      // The graph's own relationship types are offered for the type.
      const offered = (): Promise<string[]> =>
        page.$eval('[data-testid="cite-type"]', (el) =>
          [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value),
        );
      await expect
        .poll(offered, { timeout: 60_000 })
        .toEqual(expect.arrayContaining(['ACTED_IN', 'DIRECTED']));
      await page.fill('[data-testid="cite-type"]', 'ACTED_IN');
      await page.fill('[data-testid="cite-to"]', 'Cloud Atlas');
      await pickNode(page, 'cite-to', 'Cloud Atlas :Movie', { click: true });
      await saveCite(page);
      await page.locator('[data-testid="details-title"]', { hasText: 'ACTED_IN' }).waitFor();
      const edge = await page.evaluate(() => {
        const id = window.dossier.store.view.selected[0] ?? '';
        const e = window.dossier.cy().getElementById(id);
        return [e.source().data('caption'), e.data('type'), e.target().data('caption')];
      });
      expect(edge).toEqual(['Hugo Weaving', 'ACTED_IN', 'Cloud Atlas']);
      const [row] = await app.db.read(
        `MATCH (:Person {name: 'Hugo Weaving'})-[r:ACTED_IN]->(:Movie {title: 'Cloud Atlas'})
       RETURN r.quotes AS quotes, r.sources AS sources`,
      );
      expect(row).toEqual({ quotes: [RELATION], sources: [sourceId] });
    });

    it('cites a sentence as a property value of a film', async () => {
      await openCite(page, sourceId, PROPERTY, 'property');
      await page.fill('[data-testid="cite-of"]', 'Cloud Atlas');
      await pickNode(page, 'cite-of', 'Cloud Atlas :Movie', { click: true });
      await page.fill('[data-testid="cite-key"]', 'leads');
      await page.fill('[data-testid="cite-value"]', 'Tom Hanks, Halle Berry');
      await saveCite(page);
      await page.locator('[data-testid="details-title"]', { hasText: 'Cloud Atlas' }).waitFor();
      await page.locator('#inspector', { hasText: 'leads' }).waitFor();
      const [row] = await app.db.read(
        "MATCH (m:Movie {title: 'Cloud Atlas'}) RETURN m.leads AS leads, m.quotes AS quotes",
      );
      expect(row).toEqual({ leads: 'Tom Hanks, Halle Berry', quotes: [PROPERTY] });
      expect(errors).toEqual([]);
    });
  },
);
