import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetLiveSchema } from '../../server/graph/live-schema.js';
import { pole } from '../support/load-pole.js';
import { startPoleApp, type RunningApp } from './support/app-server.js';
import { openApp, openBrowser } from './support/browser-page.js';
import { graphql, openCite, pickNode, saveCite } from './support/authoring-page.js';

/*
 * Authoring on POLE (61k nodes, none of the story's labels): a source naming a person and an
 * address of the data set. Arthur (surname Willis) is POLE's only Person named Arthur and
 * 12 Chapel Street one of its Location addresses; the text is written for this test.
 */
const TITLE = 'Burglary on Chapel Street';
const ADDRESS =
  'Police said Arthur Willis had lived at 12 Chapel Street since the spring, and that the door had been forced.';
const ALIAS = 'Neighbours knew Arthur Willis as Art.';
const TEXT = `${TITLE}\n\n${ADDRESS} ${ALIAS}`;

/** A full-text index on POLE's caption properties, as a newsroom would add for its data. */
const CAPTION_INDEX = `CREATE FULLTEXT INDEX pole_captions IF NOT EXISTS
FOR (n:Person|Location|Officer|Area|PostCode|Vehicle|Object|Crime)
ON EACH [n.name, n.surname, n.address, n.code, n.reg]`;

describe.skipIf(!pole.present)(
  'authoring on POLE: a source, its mentions through a caption index, two cited facts (Chromium)',
  { timeout: 600_000 },
  () => {
    let app: RunningApp;
    let browser: Browser;
    let page: Page;
    let sourceId = '';
    const errors: string[] = [];

    beforeAll(async () => {
      app = await startPoleApp();
      await app.db.write(CAPTION_INDEX);
      await app.db.write('CALL db.awaitIndexes(300)');
      forgetLiveSchema(app.db);
      ({ browser, page } = await openBrowser({ errors }));
      page.setDefaultTimeout(180_000);
      await openApp(page, app.url, { timeout: 180_000, editor: true });
    });

    afterAll(async () => {
      await browser?.close();
      if (app) {
        // Leave POLE as it was loaded (counts and labels), so the next pole-* file reuses it:
        // what this file wrote goes — the source, Dossier's records, the new relationship and
        // the properties the writes set. The index goes with usePole's clean-up.
        await app.db.write(`MATCH (n) WHERE n:Article OR n:DossierChange OR n:DossierIdempotencyKey
          OR n:DossierLock OR n:DossierCase DETACH DELETE n`);
        await app.db.write(
          'MATCH ()-[r]->() WHERE r.dossierUid IS NOT NULL AND r.id IS NOT NULL DELETE r',
        );
        await app.db.write(`MATCH (n) WHERE n.dossierUid IS NOT NULL
          REMOVE n.sources, n.quotes, n.alias, n.dossierUid, n.dossierVersion,
                 n.dossierQuoteStarts, n.dossierQuoteEnds`);
        await app.close();
      }
    });

    it('adds a source; the person and the address it names are underlined, found through the caption index', async () => {
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
      expect(underlined).toContain('Arthur');
      expect(underlined).toContain('12 Chapel Street');
      const { mentions } = await graphql<{
        mentions: { method: string; mentions: { text: string; node: { labels: string[] } }[] };
      }>(
        app.url,
        'query($id: ID!) { mentions(sourceId: $id) { method mentions { text node { labels } } } }',
        { id: sourceId },
      );
      expect(mentions.method).toBe('FULLTEXT_INDEX');
      expect(mentions.mentions.find((m) => m.text === '12 Chapel Street')?.node.labels).toEqual([
        'Location',
      ]);
    });

    it('cites a sentence as a relationship between a Person and a Location of POLE', async () => {
      await openCite(page, sourceId, ADDRESS, 'relationship');
      await page.fill('[data-testid="cite-from"]', 'Arthur Willis');
      await pickNode(page, 'cite-from', 'Arthur :Person', { click: true });
      await page.fill('[data-testid="cite-type"]', 'LIVED_AT');
      await page.fill('[data-testid="cite-to"]', '12 Chapel Street');
      await pickNode(page, 'cite-to', '12 Chapel Street :Location', { click: true });
      await saveCite(page);
      await page.locator('[data-testid="details-title"]', { hasText: 'LIVED_AT' }).waitFor();
      const [row] = await app.db.read(
        `MATCH (p:Person {name: 'Arthur', surname: 'Willis'})-[r:LIVED_AT]->(l:Location {address: '12 Chapel Street'})
         RETURN r.quotes AS quotes, r.sources AS sources`,
      );
      expect(row).toEqual({ quotes: [ADDRESS], sources: [sourceId] });
    });

    it('cites a sentence as a property value of the POLE person', async () => {
      await openCite(page, sourceId, ALIAS, 'property');
      await page.fill('[data-testid="cite-of"]', 'Arthur Willis');
      await pickNode(page, 'cite-of', 'Arthur :Person', { click: true });
      await page.fill('[data-testid="cite-key"]', 'alias');
      await page.fill('[data-testid="cite-value"]', 'Art');
      await saveCite(page);
      await page.locator('#inspector', { hasText: 'alias' }).waitFor();
      const [row] = await app.db.read(
        "MATCH (p:Person {name: 'Arthur', surname: 'Willis'}) RETURN p.alias AS alias, p.quotes AS quotes",
      );
      expect(row).toEqual({ alias: 'Art', quotes: [ALIAS] });
      expect(errors).toEqual([]);
    });
  },
);
