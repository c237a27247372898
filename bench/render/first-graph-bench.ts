import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { firstPageSize, type FirstPageSize } from '../../scripts/first-page-size.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { importCsvDirectory } from '../../server/import/import-csv.js';
import { fromRoot } from '../../server/paths.js';
import { seedStory } from '../../server/seed/seed.js';
import { emptyDatabase, silent, startBenchNeo4j } from '../lib/bench-neo4j.js';
import { percentile, round } from '../lib/stats.js';

/**
 * Issue 16, item 5: from navigation to the first graph drawn, in Chromium, on the story and on
 * POLE. The explorer page (the built client, served by the real app in this process) against a
 * bare page that loads Cytoscape's bundle and draws the same elements at the same positions — what
 * any Cytoscape page pays before its first picture. Every run is a fresh browser context (empty
 * cache), so the whole first page is fetched and parsed each time.
 */

export interface FirstGraphRow {
  readonly dataset: 'story' | 'pole';
  readonly nodes: number;
  readonly edges: number;
  /** Navigation start → `body[data-ready=true]` (first screen fetched, laid out and drawn). */
  readonly explorerMs: readonly number[];
  readonly explorerP50Ms: number;
  /** Navigation start → the second animation frame after the bare page handed Cytoscape the elements. */
  readonly bareMs: readonly number[];
  readonly bareP50Ms: number;
  readonly ratio: number;
  /**
   * Where the explorer's time goes (p50 over the runs, from the page's resource timing): the
   * first page's scripts and styles fetched, and the last GraphQL answer before the first graph.
   */
  readonly breakdownP50: {
    readonly assetsLoadedMs: number;
    readonly lastGraphqlMs: number;
    readonly graphqlRequests: number;
  };
}

export interface FirstGraphResult {
  readonly runs: number;
  readonly firstPage: FirstPageSize;
  readonly rows: readonly FirstGraphRow[];
}

const RUNS = 5;
const TARGET_MS = 1500;

/** Records when the explorer says its first screen is drawn, before any of its scripts run. */
const READY_PROBE = `
  new MutationObserver(function (_, o) {
    if (document.body && document.body.dataset.ready) {
      window.__firstGraph = { ms: performance.now(), state: document.body.dataset.ready };
      o.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
`;

interface Drawn {
  readonly elements: unknown[];
  readonly nodes: number;
  readonly edges: number;
}

interface Timing {
  readonly assetsLoadedMs: number;
  readonly lastGraphqlMs: number;
  readonly graphqlRequests: number;
}

async function explorerOnce(
  browser: Browser,
  url: string,
): Promise<{ ms: number; drawn: Drawn; timing: Timing }> {
  // The app's content security policy forbids the string predicates below; nothing else changes.
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(READY_PROBE);
    await page.goto(url);
    await page.waitForFunction('window.__firstGraph', undefined, { timeout: 120_000 });
    const r = (await page.evaluate(`(() => {
      const cy = window.dossier.cy();
      const ready = window.__firstGraph.ms;
      const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ready);
      const assets = before.filter((e) => /[.](m?js|css)$/.test(e.name));
      const graphql = before.filter((e) => e.name.endsWith('/graphql'));
      return {
        timing: {
          assetsLoadedMs: Math.max(0, ...assets.map((e) => e.responseEnd)),
          lastGraphqlMs: Math.max(0, ...graphql.map((e) => e.responseEnd)),
          graphqlRequests: graphql.length,
        },
        first: window.__firstGraph,
        nodes: cy.nodes().length,
        edges: cy.edges().length,
        elements: cy.elements().map((e) => e.isNode()
          ? { group: 'nodes', data: { id: e.id(), caption: e.data('caption') }, position: e.position() }
          : { group: 'edges', data: { id: e.id(), source: e.data('source'), target: e.data('target') } }),
      };
    })()`)) as {
      first: { ms: number; state: string };
      timing: Timing;
      nodes: number;
      edges: number;
    } & Drawn;
    if (r.first.state !== 'true') throw new Error(`the explorer page ended in ${r.first.state}`);
    return { ms: r.first.ms, drawn: r, timing: r.timing };
  } finally {
    await context.close();
  }
}

/** The bare page: Cytoscape's bundle, then the elements inline, drawn with the preset layout. */
function barePage(elements: unknown[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare first graph</title>
<style>html,body,#cy{margin:0;width:100%;height:100%}</style>
<script src="/cytoscape.min.js"></script></head><body><div id="cy"></div>
<script type="application/json" id="elements">${JSON.stringify(elements).replace(/</g, '\\u003c')}</script>
<script>
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements: JSON.parse(document.getElementById('elements').textContent),
    layout: { name: 'preset', fit: true, padding: 40 },
    style: [
      { selector: 'node', style: { label: 'data(caption)', 'font-size': 10, width: 24, height: 24 } },
      { selector: 'edge', style: { width: 1, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
    ],
  });
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__drawn = performance.now(); }));
</script></body></html>`;
}

function bareServer(): Promise<{ server: Server; url: string; setElements(e: unknown[]): void }> {
  const cytoscapeJs = readFileSync(
    fromRoot('node_modules', 'cytoscape', 'dist', 'cytoscape.min.js'),
  );
  let html = barePage([]);
  const server = createServer((req, res) => {
    if (req.url === '/cytoscape.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(cytoscapeJs);
    } else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    else res.writeHead(404).end();
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ready({
        server,
        url: `http://127.0.0.1:${port}/`,
        setElements: (e) => void (html = barePage(e)),
      });
    }),
  );
}

async function bareOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction('window.__drawn', undefined, { timeout: 60_000 });
    return Number(await page.evaluate('window.__drawn'));
  } finally {
    await context.close();
  }
}

/** The app (real server, built client) on a free port, against db. */
async function serveApp(
  db: Database,
  clientDir: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const users = join(mkdtempSync(join(tmpdir(), 'dossier-bench-users-')), 'users.json');
  const app = createApp({
    config: loadConfig({ DOSSIER_USERS_FILE: users }),
    db,
    logger: silent,
    clientDir,
  });
  const server = createServer(app.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function measure(
  dataset: FirstGraphRow['dataset'],
  browser: Browser,
  appUrl: string,
  bare: Awaited<ReturnType<typeof bareServer>>,
  log: (m: string) => void,
): Promise<FirstGraphRow> {
  // One discarded run each: the server's first requests plan their Cypher on a cold database.
  const warm = await explorerOnce(browser, appUrl);
  bare.setElements(warm.drawn.elements);
  await bareOnce(browser, bare.url);
  const explorerMs: number[] = [];
  const bareMs: number[] = [];
  const timings: Timing[] = [];
  // Interleaved, so a burst of load from elsewhere on the machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    const run = await explorerOnce(browser, appUrl);
    explorerMs.push(round(run.ms, 0));
    timings.push(run.timing);
    bareMs.push(round(await bareOnce(browser, bare.url), 0));
  }
  const p50 = (xs: number[]): number =>
    round(
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      ),
      0,
    );
  const row: FirstGraphRow = {
    dataset,
    nodes: warm.drawn.nodes,
    edges: warm.drawn.edges,
    explorerMs,
    explorerP50Ms: p50(explorerMs),
    bareMs,
    bareP50Ms: p50(bareMs),
    ratio: round(p50(explorerMs) / p50(bareMs), 2),
    breakdownP50: {
      assetsLoadedMs: p50(timings.map((t) => t.assetsLoadedMs)),
      lastGraphqlMs: p50(timings.map((t) => t.lastGraphqlMs)),
      graphqlRequests: timings[0]?.graphqlRequests ?? 0,
    },
  };
  log(
    `first graph: ${dataset} (${row.nodes} nodes, ${row.edges} edges): explorer p50 ${row.explorerP50Ms} ms (${explorerMs.join(', ')}), bare Cytoscape p50 ${row.bareP50Ms} ms (${bareMs.join(', ')}), ratio ${row.ratio}; first page loaded at ${row.breakdownP50.assetsLoadedMs} ms, last of ${row.breakdownP50.graphqlRequests} GraphQL answers at ${row.breakdownP50.lastGraphqlMs} ms; target ≤ ${TARGET_MS} ms ${row.explorerP50Ms <= TARGET_MS ? 'met' : 'not met'}`,
  );
  return row;
}

/**
 * Starts its own Neo4j, loads the story, measures; then loads POLE (when ../shared/datasets/pole
 * is there) and measures again. Needs the built client (dist/client).
 */
export async function benchFirstGraph(
  log: (m: string) => void,
  clientDir = fromRoot('dist', 'client'),
): Promise<FirstGraphResult> {
  const firstPage = firstPageSize(clientDir);
  log(
    `first page: ${(firstPage.totalGzipBytes / 1000).toFixed(1)} kB gzip JS+CSS (${firstPage.files.map((f) => f.file).join(', ')}); budget 250 kB ${firstPage.withinBudget ? 'met' : 'not met'}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'dossier-first-graph-'));
  const neo4j = await startBenchNeo4j(work);
  const bare = await bareServer();
  const browser = await launchChromium();
  const rows: FirstGraphRow[] = [];
  try {
    await seedStory(neo4j.db);
    let app = await serveApp(neo4j.db, clientDir);
    try {
      rows.push(await measure('story', browser, app.url, bare, log));
    } finally {
      await app.close();
    }
    const poleDir = fromRoot('..', 'shared', 'datasets', 'pole');
    try {
      readFileSync(join(poleDir, 'README.md'));
    } catch {
      log('first graph: POLE is not in ../shared/datasets/pole; its row is left out');
      return { runs: RUNS, firstPage, rows };
    }
    await emptyDatabase(neo4j.db);
    log('first graph: importing POLE …');
    await importCsvDirectory(neo4j.db, poleDir, { batchSize: 10_000 });
    app = await serveApp(neo4j.db, clientDir);
    try {
      rows.push(await measure('pole', browser, app.url, bare, log));
    } finally {
      await app.close();
    }
    return { runs: RUNS, firstPage, rows };
  } finally {
    await browser.close();
    bare.server.close();
    await neo4j.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// `npx tsx bench/render/first-graph-bench.ts [clientDir]`: this part alone, printed as JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchFirstGraph((m) => console.log(`[bench] ${m}`), process.argv[2]).then(
    (r) => {
      console.log(JSON.stringify(r.rows, null, 2));
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
