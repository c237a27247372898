/**
 * Centrality and communities on 10,000 on-screen elements, in the explorer in headless Chromium:
 * the time from opening the structure panel (colour by community, size by betweenness) until
 * every measure is back and styled, and the longest main-thread task meanwhile (the work itself
 * runs in the structure worker). Part of the render phase of `npm run bench`; on its own:
 * `tsx bench/render/structure-bench.ts` (an empty Neo4j and the built client in dist/client).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { launchChromium } from '../../scripts/chromium.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { fromRoot } from '../../server/paths.js';
import { startBenchNeo4j } from '../lib/bench-neo4j.js';

export interface StructureRun {
  readonly nodes: number;
  readonly edges: number;
  /** From the click until communities and PageRank are back (betweenness still running). */
  readonly firstColoursMs: number;
  /** From the click until betweenness is back and styled (two frames after). */
  readonly ms: number;
  readonly betweennessMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
  /** Runs whose results came back from the worker: 1 when the work left the main thread. */
  readonly workerRuns: number;
  readonly communityClasses: number;
  readonly sized: number;
  /** The longest of each main-thread part of the panel (structure:* performance measures). */
  readonly parts: Readonly<Record<string, number>>;
  /** For comparison: the longest task while the same picture switches theme and back. */
  readonly themeSwitchLongestTaskMs: number;
  /** How the run ended: `done`, or `error` / `cancelled`. */
  readonly status: string;
}

/** Pictures measured: 10,000 elements (4,000 nodes and 6,000 relationships), and 10,000 nodes. */
const PICTURES: readonly (readonly [number, number])[] = [
  [4_000, 6_000],
  [10_000, 15_000],
];
const PAGE_SCRIPT = fromRoot('bench', 'render', 'structure-page.js');

export async function benchStructure(
  browser: Browser,
  explorerUrl: string,
  log: (m: string) => void,
  pictures = PICTURES,
): Promise<StructureRun[]> {
  const out: StructureRun[] = [];
  for (const [n, m] of pictures) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    try {
      page.on('pageerror', (e) => log(`structure: page error: ${e.message}`));
      await page.goto(explorerUrl, { waitUntil: 'load' });
      await page.waitForFunction(
        'window.dossier && window.dossier.explorer && document.body.dataset.ready !== undefined',
        undefined,
        { timeout: 180_000 },
      );
      await page.addScriptTag({ path: PAGE_SCRIPT });
      const r = (await page.evaluate(`window.benchStructure.run(${n}, ${m})`)) as StructureRun;
      const run = {
        ...r,
        firstColoursMs: Math.round(r.firstColoursMs),
        ms: Math.round(r.ms),
        betweennessMs: Math.round(r.betweennessMs),
        longestTaskMs: Math.round(r.longestTaskMs),
      };
      log(
        `structure: ${run.nodes} nodes + ${run.edges} relationships: communities in ${run.firstColoursMs} ms, all measures in ${run.ms} ms; longest main-thread task ${run.longestTaskMs} ms (theme switch on the same picture: ${run.themeSwitchLongestTaskMs} ms) (${run.longTasks} over 50 ms); ended ${run.status}; worker runs ${run.workerRuns}; ${run.communityClasses} community colours; longest parts ${JSON.stringify(run.parts)}`,
      );
      out.push(run);
    } finally {
      await page.close();
    }
  }
  return out;
}

/** Pictures from the command line (`4000:6000 …`), else the usual ones. */
function pictures(args: readonly string[]): (readonly [number, number])[] {
  const asked = args.map((a) => a.split(':').map(Number) as [number, number]);
  return asked.length && asked.every(([n, m]) => n > 0 && m >= 0) ? asked : [...PICTURES];
}

/** On its own: an empty Neo4j, the app serving dist/client, a Chromium without WebGL. */
async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-structure-bench-'));
  const bench = await startBenchNeo4j(work);
  const logger = pino({ level: 'silent' });
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    NEO4J_URI: bench.neo4j.uri,
  });
  const app = createApp({ config, db: bench.db, logger, clientDir: fromRoot('dist', 'client') });
  const server = createServer(app.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const browser = await launchChromium(['--disable-3d-apis']);
  try {
    const runs = await benchStructure(
      browser,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      (m) => console.log(`[bench] ${m}`),
      pictures(process.argv.slice(2)),
    );
    console.log(JSON.stringify({ browser: browser.version(), runs }, null, 2));
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
