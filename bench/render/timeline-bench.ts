/**
 * The timeline (issue 15) with 20,000 dated marks on screen, in the explorer in headless Chromium:
 * the time to render it (the timeline's own work, and until two frames after) and the longest
 * main-thread task meanwhile. Part of the render phase of `npm run bench`; on its own:
 * `tsx bench/render/timeline-bench.ts` (an empty Neo4j and the built client in dist/client).
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

export interface TimelineRun {
  /** Dated elements on screen (all drawn as marks or counted in bins). */
  readonly marks: number;
  /** 'bins' when the marks would overlap and were counted into calendar bins. */
  readonly mode: string;
  readonly unit: string | null;
  readonly bins: number;
  /** Median of three renders: the timeline's own work (collect, bin, build the SVG). */
  readonly renderMs: number;
  /** Median of three: from asking the timeline to draw again until two frames after its render. */
  readonly wallMs: number;
  readonly longestTaskMs: number;
  readonly longTasks: number;
}

const SIZES = [20_000];
const PAGE_SCRIPT = fromRoot('bench', 'render', 'timeline-page.js');

export async function benchTimeline(
  browser: Browser,
  explorerUrl: string,
  log: (m: string) => void,
): Promise<TimelineRun[]> {
  const out: TimelineRun[] = [];
  for (const n of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    try {
      await page.goto(explorerUrl, { waitUntil: 'load' });
      await page.waitForFunction(
        'window.dossier && window.dossier.explorer && document.body.dataset.ready !== undefined',
        undefined,
        { timeout: 180_000 },
      );
      await page.addScriptTag({ path: PAGE_SCRIPT });
      const r = (await page.evaluate(`window.benchTimeline.run(${n})`)) as TimelineRun;
      const run = {
        ...r,
        renderMs: Math.round(r.renderMs),
        wallMs: Math.round(r.wallMs),
        longestTaskMs: Math.round(r.longestTaskMs),
      };
      log(
        `timeline: ${run.marks} dated marks (${run.mode}${run.unit ? `, ${run.bins} ${run.unit} bins` : ''}): render ${run.renderMs} ms, until painted ${run.wallMs} ms; longest main-thread task ${run.longestTaskMs} ms`,
      );
      out.push(run);
    } finally {
      await page.close();
    }
  }
  return out;
}

/** On its own: an empty Neo4j, the app serving dist/client, a Chromium without WebGL. */
async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'dossier-timeline-bench-'));
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
    const runs = await benchTimeline(
      browser,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      (m) => console.log(`[bench] ${m}`),
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
