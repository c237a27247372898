import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
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
   * Where the explorer's time goes (p50 over the runs, from the page's resource and navigation
   * timing and its own events): the first page's scripts and styles fetched, and the last GraphQL
   * answer before the first graph.
   */
  readonly breakdownP50: {
    readonly assetsLoadedMs: number;
    readonly lastGraphqlMs: number;
    readonly graphqlRequests: number;
  } & Partial<Breakdown>;
  /** Other builds of the client measured in the same interleaved runs (`--vs DIR`). */
  readonly variants?: readonly {
    readonly clientDir: string;
    readonly explorerMs: readonly number[];
    readonly explorerP50Ms: number;
    readonly ratio: number;
    readonly breakdownP50: Breakdown;
  }[];
}

/** The critical path of one explorer load, in ms since navigation start (p50s in a row). */
export interface Breakdown {
  /** The HTML received. */
  readonly htmlMs: number;
  readonly assetsLoadedMs: number;
  /** DOMContentLoaded: the page's module script (the entry) has run. */
  readonly evaluatedMs: number;
  /** The explorer's code has run (it put its handle on `window.dossier`). */
  readonly explorerMs: number;
  /** Each GraphQL operation before the first graph, when it was sent and answered. */
  readonly requests: readonly { op: string; sentMs: number; answeredMs: number }[];
  readonly lastGraphqlMs: number;
  readonly graphqlRequests: number;
  /** The first layout's start and stop (Cytoscape events), and the first frame drawn after it. */
  readonly layoutStartMs: number;
  readonly layoutStopMs: number;
  readonly drawnMs: number;
  readonly readyMs: number;
}

export interface FirstGraphResult {
  readonly runs: number;
  readonly firstPage: FirstPageSize;
  readonly rows: readonly FirstGraphRow[];
}

const RUNS = 5;
const TARGET_MS = 1500;

/**
 * Records when the explorer says its first screen is drawn, before any of its scripts run; and,
 * for the breakdown, when each GraphQL request went out and came back (by operation name), and
 * the first layout and frame of the Cytoscape instance the dev handle exposes.
 */
const READY_PROBE = `
  window.__probe = { requests: [], explorerMs: 0, layoutStart: 0, layoutStop: 0, drawn: 0 };
  new MutationObserver(function (_, o) {
    if (document.body && document.body.dataset.ready) {
      window.__firstGraph = { ms: performance.now(), state: document.body.dataset.ready };
      o.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  const opOf = (input, init) => {
    const url = String(input && input.url ? input.url : input);
    let text = '';
    try { text = init && typeof init.body === 'string' ? JSON.parse(init.body).query : ''; } catch (e) {}
    if (!text && url.includes('query=')) text = new URL(url, location.href).searchParams.get('query') || '';
    const m = /(query|mutation)\\s+(\\w+)/.exec(text || '');
    return m ? m[2] : url;
  };
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const r = { op: opOf(input, init), sentMs: performance.now(), answeredMs: 0 };
    window.__probe.requests.push(r);
    const p = realFetch.apply(this, arguments);
    p.then((res) => res.clone().text()).then(() => { r.answeredMs = performance.now(); }, () => {});
    return p;
  };
  let handle;
  Object.defineProperty(window, 'dossier', {
    configurable: true,
    get() { return handle; },
    set(v) {
      handle = v;
      window.__probe.explorerMs = performance.now();
      const cy = v.cy();
      // The layout starts when its run() is called: fCoSE computes inside run() and only then
      // emits layoutstart, so the event would miss the work.
      const proto = Object.getPrototypeOf(cy.collection());
      const makeLayout = proto.layout;
      proto.layout = function () {
        const layout = makeLayout.apply(this, arguments);
        const run = layout.run;
        layout.run = function () {
          if (!window.__probe.layoutStart) window.__probe.layoutStart = performance.now();
          return run.apply(this, arguments);
        };
        return layout;
      };
      cy.one('layoutstop', () => {
        window.__probe.layoutStop = performance.now();
        cy.one('render', () => { window.__probe.drawn = performance.now(); });
      });
    },
  });
`;

interface Drawn {
  readonly elements: unknown[];
  readonly nodes: number;
  readonly edges: number;
}

type Timing = Breakdown;

async function explorerOnce(
  browser: Browser,
  url: string,
  namedAssets: readonly string[] = [],
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
      const nav = performance.getEntriesByType('navigation')[0];
      const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= ready);
      // The scripts and styles index.html names (not the lazy chunks loaded on the way).
      const named = ${JSON.stringify(namedAssets)};
      const assets = before.filter((e) => named.some((a) => e.name.endsWith(a)));
      const probe = window.__probe;
      // Answered: the response's last byte, from the resource timing entry the fetch made (its
      // startTime is when fetch was called), else when the page had read the body.
      const fetches = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch');
      const requests = probe.requests
        .filter((q) => q.sentMs <= ready)
        .map((q) => {
          const e = fetches.find((f) => Math.abs(f.startTime - q.sentMs) < 2);
          const answered = e ? e.responseEnd : q.answeredMs;
          return { op: q.op, sentMs: Math.round(q.sentMs), answeredMs: Math.round(answered) };
        });
      return {
        timing: {
          htmlMs: Math.round(nav.responseEnd),
          assetsLoadedMs: Math.round(Math.max(0, ...assets.map((e) => e.responseEnd))),
          evaluatedMs: Math.round(nav.domContentLoadedEventStart),
          explorerMs: Math.round(probe.explorerMs),
          requests,
          lastGraphqlMs: Math.max(0, ...requests.filter((q) => q.answeredMs <= ready).map((q) => q.answeredMs)),
          graphqlRequests: requests.length,
          layoutStartMs: Math.round(probe.layoutStart),
          layoutStopMs: Math.round(probe.layoutStop),
          drawnMs: Math.round(probe.drawn),
          readyMs: Math.round(ready),
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

const p50 = (xs: readonly number[]): number =>
  round(
    percentile(
      [...xs].sort((a, b) => a - b),
      50,
    ),
    0,
  );

/** The p50 of every field over the runs; each request by operation name, in the order sent. */
function breakdownP50(runs: readonly Timing[]): Breakdown {
  const field = (f: (t: Timing) => number): number => p50(runs.map(f));
  const ops = [...new Set(runs.flatMap((t) => t.requests.map((q) => q.op)))];
  return {
    htmlMs: field((t) => t.htmlMs),
    assetsLoadedMs: field((t) => t.assetsLoadedMs),
    evaluatedMs: field((t) => t.evaluatedMs),
    explorerMs: field((t) => t.explorerMs),
    requests: ops
      .map((op) => {
        const seen = runs.flatMap((t) => t.requests.filter((q) => q.op === op).slice(0, 1));
        return {
          op,
          sentMs: p50(seen.map((q) => q.sentMs)),
          answeredMs: p50(seen.map((q) => q.answeredMs)),
        };
      })
      .sort((x, y) => x.sentMs - y.sentMs),
    lastGraphqlMs: field((t) => t.lastGraphqlMs),
    graphqlRequests: runs[0]?.graphqlRequests ?? 0,
    layoutStartMs: field((t) => t.layoutStartMs),
    layoutStopMs: field((t) => t.layoutStopMs),
    drawnMs: field((t) => t.drawnMs),
    readyMs: field((t) => t.readyMs),
  };
}

/** One line: where the p50 run's time went. */
function describeBreakdown(b: Breakdown): string {
  const reqs = b.requests.map((q) => `${q.op} ${q.sentMs}→${q.answeredMs}`).join(', ');
  return `HTML ${b.htmlMs}, scripts fetched ${b.assetsLoadedMs}, entry run ${b.evaluatedMs}, explorer run ${b.explorerMs}; GraphQL ${reqs}; layout ${b.layoutStartMs}→${b.layoutStopMs}, drawn ${b.drawnMs}, ready ${b.readyMs}`;
}

interface App {
  readonly url: string;
  readonly clientDir: string;
  /** The scripts and stylesheets its index.html names. */
  readonly assets: readonly string[];
}

/** The /assets/ files an index.html names (script src, stylesheet and modulepreload href). */
function namedAssets(clientDir: string): string[] {
  const html = readFileSync(join(clientDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
}

async function measure(
  dataset: FirstGraphRow['dataset'],
  browser: Browser,
  apps: readonly App[],
  bare: Awaited<ReturnType<typeof bareServer>>,
  log: (m: string) => void,
): Promise<FirstGraphRow> {
  // One discarded run each: the server's first requests plan their Cypher on a cold database.
  const warm = await explorerOnce(browser, apps[0]!.url);
  for (const app of apps.slice(1)) await explorerOnce(browser, app.url);
  bare.setElements(warm.drawn.elements);
  await bareOnce(browser, bare.url);
  const explorerMs = apps.map((): number[] => []);
  const timings = apps.map((): Timing[] => []);
  const bareMs: number[] = [];
  // Interleaved, so a burst of load from elsewhere on the machine hits every page alike.
  for (let i = 0; i < RUNS; i++) {
    for (const [k, app] of apps.entries()) {
      const run = await explorerOnce(browser, app.url, app.assets);
      explorerMs[k]!.push(round(run.ms, 0));
      timings[k]!.push(run.timing);
    }
    bareMs.push(round(await bareOnce(browser, bare.url), 0));
  }
  const bareP50 = p50(bareMs);
  const [main, ...others] = apps.map((app, k) => ({
    clientDir: app.clientDir,
    explorerMs: explorerMs[k]!,
    explorerP50Ms: p50(explorerMs[k]!),
    ratio: round(p50(explorerMs[k]!) / bareP50, 2),
    breakdownP50: breakdownP50(timings[k]!),
  }));
  const row: FirstGraphRow = {
    dataset,
    nodes: warm.drawn.nodes,
    edges: warm.drawn.edges,
    explorerMs: main!.explorerMs,
    explorerP50Ms: main!.explorerP50Ms,
    bareMs,
    bareP50Ms: bareP50,
    ratio: main!.ratio,
    breakdownP50: main!.breakdownP50,
    ...(others.length ? { variants: others } : {}),
  };
  log(
    `first graph: ${dataset} (${row.nodes} nodes, ${row.edges} edges): explorer p50 ${row.explorerP50Ms} ms (${row.explorerMs.join(', ')}), bare Cytoscape p50 ${row.bareP50Ms} ms (${bareMs.join(', ')}), ratio ${row.ratio}; target ≤ ${TARGET_MS} ms ${row.explorerP50Ms <= TARGET_MS ? 'met' : 'not met'}`,
  );
  log(`first graph: ${dataset} p50 breakdown: ${describeBreakdown(main!.breakdownP50)}`);
  for (const v of others) {
    log(
      `first graph: ${dataset} vs ${v.clientDir}: explorer p50 ${v.explorerP50Ms} ms (${v.explorerMs.join(', ')}), ratio ${v.ratio}; ${describeBreakdown(v.breakdownP50)}`,
    );
  }
  return row;
}

/**
 * Starts its own Neo4j, loads the story, measures; then loads POLE (when ../shared/datasets/pole
 * is there) and measures again. Needs the built client (dist/client); `compareWith` are other
 * builds of it (e.g. before and after a change), served side by side and measured interleaved.
 */
export async function benchFirstGraph(
  log: (m: string) => void,
  clientDir = fromRoot('dist', 'client'),
  compareWith: readonly string[] = [],
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
  const dirs = [clientDir, ...compareWith];
  const measureAll = async (dataset: FirstGraphRow['dataset']): Promise<void> => {
    const apps = await Promise.all(dirs.map((d) => serveApp(neo4j.db, d)));
    try {
      rows.push(
        await measure(
          dataset,
          browser,
          apps.map((a, k) => ({ url: a.url, clientDir: dirs[k]!, assets: namedAssets(dirs[k]!) })),
          bare,
          log,
        ),
      );
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  };
  try {
    await seedStory(neo4j.db);
    await measureAll('story');
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
    await measureAll('pole');
    return { runs: RUNS, firstPage, rows };
  } finally {
    await browser.close();
    bare.server.close();
    await neo4j.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// `npx tsx bench/render/first-graph-bench.ts [clientDir] [--vs otherDir]…`: this part alone,
// printed as JSON; each `--vs` build is measured in the same interleaved runs.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    options: { vs: { type: 'string', multiple: true, default: [] } },
    allowPositionals: true,
  });
  benchFirstGraph((m) => console.log(`[bench] ${m}`), positionals[0], values.vs).then(
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
