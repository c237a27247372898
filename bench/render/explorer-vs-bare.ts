/**
 * The 10,000-node frame-time row on its own, repeated: the explorer (one or more builds of the
 * client) and the bare Cytoscape page, interleaved run by run in one browser without WebGL, so a
 * stylesheet change is measured against the build before it on the same machine load. The render
 * phase of `npm run bench` runs each page once; this says how far one run can be trusted.
 *
 *   tsx bench/render/explorer-vs-bare.ts [--client NAME=DIR ...] [--rounds 3] [--nodes 10000]
 *     [--frames 40] [--max-ms 60000] [--profile DIR [--unminified-bare]]
 *
 * --client defaults to `built=dist/client`; --profile writes a CPU profile of each page's
 * pan-and-zoom window (started from the page once the graph is drawn and fitted) (Chromium's .cpuprofile, open in DevTools) and prints its heaviest functions.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { fromRoot } from '../../server/paths.js';
import { startBenchNeo4j } from '../lib/bench-neo4j.js';
import { median, round } from '../lib/stats.js';
import {
  bareServer,
  launch,
  openBare,
  openExplorer,
  stats,
  TARGET_FRAMES,
  TARGET_MAX_RUN_MS,
  type FrameStats,
  type PageRun,
} from '../render-bench.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function of a CPU profile, heaviest first (ms, from the sample counts). */
function heaviest(profile: {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1)}%  ${k}`);
}

/**
 * One page's run; with a profile path, the pan-and-zoom frames alone are profiled (the page starts
 * the profiler through benchBeforeFrames once the graph is drawn and fitted). A page error is
 * printed: a renderer that threw would stop drawing and give cheap frames.
 */
async function run(page: Page, expression: string, profile: string | undefined): Promise<PageRun> {
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  try {
    if (!profile) return (await page.evaluate(expression)) as PageRun;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.exposeFunction('benchBeforeFrames', () => cdp.send('Profiler.start'));
    const r = (await page.evaluate(expression)) as PageRun;
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    writeFileSync(profile, JSON.stringify(p));
    console.log(`[profile] ${profile} (the frames of pan and zoom only)`);
    for (const line of heaviest(p)) console.log(`  ${line}`);
    return r;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      client: { type: 'string', multiple: true },
      rounds: { type: 'string', default: '3' },
      nodes: { type: 'string', default: '10000' },
      frames: { type: 'string', default: String(TARGET_FRAMES) },
      'max-ms': { type: 'string', default: String(TARGET_MAX_RUN_MS) },
      profile: { type: 'string' },
      'unminified-bare': { type: 'boolean', default: false },
    },
  });
  const clients = (values.client ?? [`built=${fromRoot('dist', 'client')}`]).map((c) => {
    const [name, dir] = c.split('=');
    if (!name || !dir) throw new Error(`--client NAME=DIR, not ${c}`);
    return { name, dir };
  });
  const rounds = Number(values.rounds);
  const n = Number(values.nodes);
  const frames = Number(values.frames);
  const maxMs = Number(values['max-ms']);
  if (values.profile) mkdirSync(values.profile, { recursive: true });

  const work = mkdtempSync(join(tmpdir(), 'dossier-explorer-vs-bare-'));
  const neo4j = await startBenchNeo4j(work);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    NEO4J_URI: neo4j.neo4j.uri,
  });
  const servers: { name: string; server: Server; url: string }[] = [];
  for (const { name, dir } of clients) {
    const app = createApp({
      config,
      db: neo4j.db,
      logger: pino({ level: 'silent' }),
      clientDir: dir,
    });
    const server = createServer(app.handle);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push({
      name,
      server,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    });
  }
  const bare = await bareServer(values['unminified-bare'] ? 'cytoscape.umd.js' : undefined);
  const browser = await launch(false);
  const results = new Map<string, FrameStats[]>();
  const ratios = new Map<string, number[]>();
  try {
    for (let k = 0; k < rounds; k++) {
      // Rotated each round, so no page always runs right after the same other.
      const pages = [...servers.map((s) => s.name), 'bare'];
      const order = pages.map((_, i) => pages[(i + k) % pages.length] ?? 'bare');
      const byName = new Map<string, FrameStats>();
      for (const name of order) {
        const load = loadavg()[0]?.toFixed(1);
        const profile = values.profile
          ? join(values.profile, `${name}-${k}.cpuprofile`)
          : undefined;
        const s = servers.find((x) => x.name === name);
        const r = s
          ? await run(
              await openExplorer(browser, s.url),
              `window.benchRender.explorerRun(${n}, ${frames}, ${maxMs})`,
              profile,
            )
          : await run(
              await openBare(browser, bare.url),
              `window.benchRender.bareRun(${n}, false, ${frames}, ${maxMs})`,
              profile,
            );
        const st = stats(r);
        byName.set(name, st);
        results.set(name, [...(results.get(name) ?? []), st]);
        console.log(
          `round ${k + 1} ${name.padEnd(8)} load ${load}: ${r.frameMs.length} frames (${r.frameMs.slice(1).filter((f) => f < 20).length} after the first under 20 ms: layered textures blitted), mean ${st.frameMeanMs} ms, p50 ${st.frameP50Ms}, max ${st.frameMaxMs}, first frame ${st.ttffMs} ms, ${st.nodes} nodes ${st.edges} edges; frames ${r.frameMs.map((f) => Math.round(f)).join(' ')}`,
        );
      }
      const b = byName.get('bare')?.frameMeanMs ?? NaN;
      for (const s of servers) {
        const ratio = round((byName.get(s.name)?.frameMeanMs ?? NaN) / b, 2);
        ratios.set(s.name, [...(ratios.get(s.name) ?? []), ratio]);
      }
    }
    for (const [name, list] of results) {
      const means = list.map((x) => x.frameMeanMs);
      const r = ratios.get(name);
      console.log(
        `${name}: mean frame ${means.join(', ')} ms (median ${median(means)})${r ? `; vs bare ${r.join(', ')} (median ${median(r)})` : ''}`,
      );
    }
  } finally {
    await browser.close();
    bare.server.close();
    for (const s of servers) {
      s.server.closeAllConnections();
      s.server.close();
    }
    await neo4j.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
