import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fromRoot } from '../server/paths.js';
import { percentile, round } from './lib/stats.js';

/**
 * Rendering in headless Chromium: the explorer page (the real client, served by the real server)
 * against a bare Cytoscape page drawing the same elements, canvas and WebGL; layout times; and the
 * longest main-thread task while the explorer expands a node into 500 neighbours.
 */

export interface FrameStats {
  /** From handing the elements over to the second animation frame after. */
  readonly ttffMs: number;
  readonly frameP50Ms: number;
  readonly frameP95Ms: number;
  readonly frameMaxMs: number;
  readonly frameMeanMs: number;
  readonly webgl: boolean;
  readonly nodes: number;
  readonly edges: number;
}

export interface RenderSize {
  readonly nodes: number;
  readonly explorer: FrameStats;
  readonly bareCanvas: FrameStats;
  readonly bareWebgl: FrameStats;
}

export interface RenderBenchResult {
  readonly browser: string;
  readonly webgl2: boolean;
  readonly framesPerRun: number;
  readonly sizes: readonly RenderSize[];
  readonly layouts: readonly { name: string; nodes: number; ms: number }[];
  readonly expand: {
    readonly ms: number;
    readonly longestTaskMs: number;
    readonly longTasks: number;
    readonly nodesAdded: number;
    readonly nodesOnScreen: number;
  };
  /** Explorer mean frame time / bare page mean frame time with the renderer the explorer chose, at the largest size. */
  readonly explorerVsBareLargest: number;
}

const CHROMIUM = '/usr/bin/chromium';
const SIZES = [1_000, 5_000, 10_000];
const FRAMES = 120;
const LAYOUTS: readonly (readonly [string, number])[] = [
  ['concentric', 1_000],
  ['concentric', 5_000],
  ['concentric', 10_000],
  ['fcose', 1_000],
  ['fcose', 5_000],
  ['cose', 1_000],
];

interface PageRun {
  ttffMs: number;
  frameMs: number[];
  webgl: boolean;
  nodes: number;
  edges: number;
}

function stats(run: PageRun): FrameStats {
  const sorted = [...run.frameMs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1);
  return {
    ttffMs: round(run.ttffMs, 1),
    frameP50Ms: round(percentile(sorted, 50), 1),
    frameP95Ms: round(percentile(sorted, 95), 1),
    frameMaxMs: round(sorted[sorted.length - 1] ?? Number.NaN, 1),
    frameMeanMs: round(mean, 1),
    webgl: run.webgl,
    nodes: run.nodes,
    edges: run.edges,
  };
}

/** Serves the bare page, Cytoscape's own bundle and the page-side benchmark script. */
function bareServer(): Promise<{ server: Server; url: string }> {
  const files: Record<string, [string, string]> = {
    '/bare.html': [fromRoot('bench', 'render', 'bare.html'), 'text/html'],
    '/cytoscape.min.js': [
      fromRoot('node_modules', 'cytoscape', 'dist', 'cytoscape.min.js'),
      'text/javascript',
    ],
  };
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '').split('?')[0] ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}

async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // No GPU here: WebGL runs on SwiftShader (on the CPU), which Chromium only allows when asked.
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

const PAGE_SCRIPT = fromRoot('bench', 'render', 'page-bench.js');

async function openExplorer(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction('window.dossier && window.dossier.explorer', undefined, {
    timeout: 60_000,
  });
  await page.addScriptTag({ path: PAGE_SCRIPT });
  return page;
}

async function openBare(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}/bare.html`, { waitUntil: 'load' });
  await page.addScriptTag({ path: PAGE_SCRIPT });
  return page;
}

export async function benchRendering(
  explorerUrl: string,
  expandNodeId: string,
  log: (m: string) => void,
): Promise<RenderBenchResult> {
  const browser = await launch();
  const bare = await bareServer();
  try {
    const sizes: RenderSize[] = [];
    let webgl2 = false;
    for (const n of SIZES) {
      const explorerPage = await openExplorer(browser, explorerUrl);
      webgl2 = (await explorerPage.evaluate('window.benchRender.webgl2()')) as boolean;
      const explorer = stats(
        (await explorerPage.evaluate(`window.benchRender.explorerRun(${n}, ${FRAMES})`)) as PageRun,
      );
      await explorerPage.close();
      const runBare = async (webgl: boolean): Promise<FrameStats> => {
        const page = await openBare(browser, bare.url);
        const r = stats(
          (await page.evaluate(`window.benchRender.bareRun(${n}, ${webgl}, ${FRAMES})`)) as PageRun,
        );
        await page.close();
        return r;
      };
      const bareCanvas = await runBare(false);
      const bareWebgl = webgl2 ? await runBare(true) : bareCanvas;
      log(
        `render: ${n} nodes: explorer (${explorer.webgl ? 'WebGL' : 'canvas'}) first frame ${explorer.ttffMs} ms, mean frame ${explorer.frameMeanMs} ms; bare canvas ${bareCanvas.ttffMs} / ${bareCanvas.frameMeanMs} ms; bare WebGL ${bareWebgl.ttffMs} / ${bareWebgl.frameMeanMs} ms`,
      );
      sizes.push({ nodes: n, explorer, bareCanvas, bareWebgl });
    }

    const layouts: { name: string; nodes: number; ms: number }[] = [];
    for (const [name, n] of LAYOUTS) {
      const page = await openExplorer(browser, explorerUrl);
      const r = (await page.evaluate(`window.benchRender.layoutRun(${n}, '${name}')`)) as {
        ms: number;
      };
      await page.close();
      layouts.push({ name, nodes: n, ms: Math.round(r.ms) });
      log(`render: layout ${name} on ${n} nodes: ${Math.round(r.ms)} ms`);
    }

    const page = await openExplorer(browser, explorerUrl);
    const expand = (await page.evaluate(
      `window.benchRender.expandRun(${JSON.stringify(expandNodeId)}, 500)`,
    )) as RenderBenchResult['expand'];
    await page.close();
    log(
      `render: expanding into ${expand.nodesAdded} nodes took ${Math.round(expand.ms)} ms; longest task ${Math.round(expand.longestTaskMs)} ms`,
    );

    const largest = sizes[sizes.length - 1];
    const baseline = largest?.explorer.webgl ? largest.bareWebgl : largest?.bareCanvas;
    return {
      browser: browser.version(),
      webgl2,
      framesPerRun: FRAMES,
      sizes,
      layouts,
      expand: {
        ...expand,
        ms: Math.round(expand.ms),
        longestTaskMs: Math.round(expand.longestTaskMs),
      },
      explorerVsBareLargest: round(
        (largest?.explorer.frameMeanMs ?? NaN) / (baseline?.frameMeanMs ?? NaN),
        2,
      ),
    };
  } finally {
    bare.server.close();
    await browser.close();
  }
}
