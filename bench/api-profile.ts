/**
 * A CPU profile of the API benchmark's server under load: loads the generated graph like
 * `npm run bench -- --only api`, starts bench/api/api-server.ts under `node --cpu-prof`, drives
 * Dossier's neighbourhood (hub and median node) and search with autocannon at concurrency 16, and
 * prints the functions with the most self time. Not part of `npm run bench`; run it by hand:
 *
 *   npx tsx bench/api-profile.ts [--size 100k] [--seconds 10] [--out /tmp/dossier-profile] [--floor]
 *
 * With --floor each query is also driven on the floor (the same statement, bare node:http) right
 * after Dossier, and each window is summarised on its own in CPU ms per request, so what Dossier
 * spends above the floor shows package by package.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { generateGraph, writeGraph } from '../scripts/generate-graph.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { Database, Params } from '../server/db/database.js';
import { fromRoot } from '../server/paths.js';
import { elementIdOf, prepareDataset } from './api-bench.js';
import { encodeParams } from './api/floor-endpoint.js';
import { silent, startBenchNeo4j } from './lib/bench-neo4j.js';
import { readyPort } from './lib/api-server-process.js';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000 };

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/**
 * Self time per function and per package, from a .cpuprofile, counting only samples taken at least
 * `skipMs` after the profile began (start-up and module loading are not what is measured) and
 * before `untilMs`; with `requests`, also as CPU milliseconds per request.
 */
export function summarizeProfile(
  file: string,
  skipMs = 0,
  top = 40,
  untilMs = Number.POSITIVE_INFINITY,
  requests?: number,
): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= skipMs * 1000 && at < untilMs * 1000) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const pkg = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const where = f.url.replace(/^file:\/\//, '').replace(fromRoot(), '');
    const name = `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
    fn.set(name, (fn.get(name) ?? 0) + us);
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
    const group = m
      ? m[1]
      : where.startsWith('/server/')
        ? where.split('/').slice(0, 3).join('/')
        : where === ''
          ? f.functionName || '(native)'
          : where.startsWith('node:')
            ? 'node:internal'
            : where;
    pkg.set(group ?? where, (pkg.get(group ?? where) ?? 0) + us);
  }
  const pct = (us: number): string =>
    `${((us / total) * 100).toFixed(1).padStart(5)} %` +
    (requests ? ` ${(us / 1000 / requests).toFixed(3).padStart(7)} ms/req` : '');
  const lines = [
    `total sampled ${(total / 1000).toFixed(0)} ms` +
      (requests ? `, ${requests} requests, ${(total / 1000 / requests).toFixed(2)} ms each` : ''),
    '',
    'self time by package:',
  ];
  for (const [k, us] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 25))
    lines.push(`${pct(us)}  ${k}`);
  lines.push('', 'self time by function:');
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`${pct(us)}  ${k}`);
  return lines.join('\n');
}

/** The statement Dossier sends for a request body, recorded from an app in this process. */
async function statementOf(
  db: Database,
  body: string,
): Promise<{ cypher: string; params: Params }> {
  const app = createApp({
    config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
    db,
    logger: silent,
  });
  const ask = (): Promise<Response> =>
    Promise.resolve(
      app.yoga.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
  await ask();
  const seen: { cypher: string; params: Params }[] = [];
  const off = db.onStatement((cypher, params) => seen.push({ cypher, params }));
  await ask();
  off();
  const last = seen[seen.length - 1];
  if (!last) throw new Error('Dossier sent no statement');
  return last;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '100k' },
      seconds: { type: 'string', default: '10' },
      out: { type: 'string', default: join(tmpdir(), 'dossier-profile') },
      floor: { type: 'boolean', default: false },
    },
  });
  const size = values.size;
  const work = mkdtempSync(join(tmpdir(), 'dossier-profile-'));
  const bench = await startBenchNeo4j(work);
  try {
    const graph = generateGraph({ relationships: SIZES[size] ?? 100_000, seed: 42 });
    writeGraph(graph, join(work, 'g'));
    const prepared = await prepareDataset(
      bench,
      join(work, 'g'),
      size,
      graph.summary,
      10_000,
      console.log,
    );
    const hub = await elementIdOf(bench, graph.summary.hubs[0]?.id ?? '');
    const median = await elementIdOf(bench, graph.summary.median?.id ?? '');
    const neighbourhood = (id: string): string =>
      JSON.stringify({
        query: `query Neighbourhood($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1, limit: 100) { nodes { id labels caption properties } edges { id type source target properties } expansions { id shown total } } }`,
        variables: { ids: [id] },
      });
    const bodies: [string, string][] = [
      ['hub', neighbourhood(hub)],
      ['median', neighbourhood(median)],
      [
        'search',
        JSON.stringify({
          query: `query Search($text: String!, $labels: [String!], $first: Int) { search(text: $text, labels: $labels, first: $first) { method hits { score node { id labels caption properties } snippet { property text } } } }`,
          variables: {
            text: (graph.summary.hubs[0]?.name ?? 'Daniel').split(' ')[0],
            labels: ['Person'],
            first: 10,
          },
        }),
      ],
    ];
    rmSync(values.out, { recursive: true, force: true });
    const spawnedAt = performance.now();
    mkdirSync(values.out, { recursive: true });
    const child = spawn(
      'taskset',
      [
        '-c',
        '1',
        process.execPath,
        '--cpu-prof',
        `--cpu-prof-dir=${values.out}`,
        '--import',
        'tsx',
        fromRoot('bench', 'api', 'api-server.ts'),
        bench.neo4j.uri,
        prepared.typeDefsFile,
      ],
      { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const port = await readyPort(child, 'api server');
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    // Warm-up (JIT, caches), not counted.
    for (const [, body] of bodies) {
      await autocannon({
        url: `http://127.0.0.1:${port}/graphql`,
        method: 'POST',
        connections: 4,
        amount: 200,
        headers: { 'content-type': 'application/json' },
        body,
      });
    }
    const targets: [string, string, string][] = [];
    for (const [name, body] of bodies) {
      targets.push([name, `http://127.0.0.1:${port}/graphql`, body]);
      if (!values.floor) continue;
      const st = await statementOf(bench.db, body);
      const res = await fetch(`http://127.0.0.1:${port}/floor/register`, {
        method: 'POST',
        body: JSON.stringify({ cypher: st.cypher }),
      });
      const { id } = (await res.json()) as { id: number };
      const floorBody = JSON.stringify({ params: encodeParams(st.params) });
      await autocannon({
        url: `http://127.0.0.1:${port}/floor/${id}`,
        method: 'POST',
        amount: 200,
        body: floorBody,
      });
      targets.push([`${name}, floor`, `http://127.0.0.1:${port}/floor/${id}`, floorBody]);
    }
    const loadFrom = performance.now() - spawnedAt;
    const windows: { name: string; from: number; to: number; requests: number }[] = [];
    for (const [name, url, body] of targets) {
      const from = performance.now() - spawnedAt;
      const r = await autocannon({
        url,
        method: 'POST',
        connections: 16,
        duration: Number(values.seconds),
        headers: { 'content-type': 'application/json' },
        body,
      });
      windows.push({ name, from, to: performance.now() - spawnedAt, requests: r.requests.total });
      console.log(
        `${name}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, errors ${r.errors + r.non2xx}`,
      );
    }
    child.kill('SIGTERM');
    await exited;
    // The main thread's profile is the first (a loader worker may write another).
    const [file] = readdirSync(values.out)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort();
    if (file && !values.floor) console.log(summarizeProfile(join(values.out, file), loadFrom));
    for (const w of values.floor && file ? windows : []) {
      console.log(`\n== ${w.name}`);
      console.log(summarizeProfile(join(values.out, file ?? ''), w.from, 25, w.to, w.requests));
    }
  } finally {
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

// Run as a script; importing it (for summarizeProfile on a saved profile) starts nothing.
if (process.argv[1]?.endsWith('api-profile.ts')) await main();
