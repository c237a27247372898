/**
 * Where the wall-clock time of one request goes, Dossier against the floor: the bench API server
 * with the timeline variant (bench/api/timeline.ts) pinned to core 1, requests at concurrency 1
 * interleaved request by request, then the median time from arrival to each stamp on each side,
 * beside the client's own p50. Not part of `npm run bench`; run it by hand:
 *
 *   npx tsx bench/api/request-timeline.ts [--size 10k] [--requests 300] [--queries hub,median,search]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGraph, writeGraph } from '../../scripts/generate-graph.js';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Params } from '../../server/db/database.js';
import { fromRoot } from '../../server/paths.js';
import { elementIdOf, prepareDataset } from '../api-bench.js';
import { silent, startBenchNeo4j } from '../lib/bench-neo4j.js';
import { elapsedMs, median, round } from '../lib/stats.js';
import { encodeParams } from './floor-endpoint.js';
import { postJson as post, readyPort } from '../lib/api-server-process.js';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000 };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10k' },
      requests: { type: 'string', default: '300' },
      queries: { type: 'string', default: 'hub,median,search' },
    },
  });
  const work = mkdtempSync(join(tmpdir(), 'dossier-timeline-'));
  const bench = await startBenchNeo4j(work);
  const children: ChildProcess[] = [];
  try {
    const graph = generateGraph({ relationships: SIZES[values.size] ?? 10_000, seed: 42 });
    writeGraph(graph, join(work, 'g'));
    const prepared = await prepareDataset(
      bench,
      join(work, 'g'),
      values.size,
      graph.summary,
      10_000,
      console.log,
    );
    const child = spawn(
      'taskset',
      [
        '-c',
        '1',
        process.execPath,
        '--import',
        'tsx',
        fromRoot('bench', 'api', 'api-server.ts'),
        bench.neo4j.uri,
        prepared.typeDefsFile,
        'timeline',
      ],
      { cwd: fromRoot(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    const port = await readyPort(child, 'api server');
    const hub = await elementIdOf(bench, graph.summary.hubs[0]?.id ?? '');
    const medianNode = await elementIdOf(bench, graph.summary.median?.id ?? '');
    const neighbourhood = (id: string): string =>
      JSON.stringify({
        query: `query Neighbourhood($ids: [ID!]!) { neighbourhood(ids: $ids, depth: 1, limit: 100) { nodes { id labels caption properties } edges { id type source target properties } expansions { id shown total } } }`,
        variables: { ids: [id] },
      });
    const all: Record<string, string> = {
      hub: neighbourhood(hub),
      median: neighbourhood(medianNode),
      search: JSON.stringify({
        query: `query Search($text: String!, $labels: [String!], $first: Int) { search(text: $text, labels: $labels, first: $first) { method hits { score node { id labels caption properties } snippet { property text } } } }`,
        variables: {
          text: (graph.summary.hubs[0]?.name ?? 'Daniel').split(' ')[0],
          labels: ['Person'],
          first: 10,
        },
      }),
    };
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      db: bench.db,
      logger: silent,
    });
    const statementOf = async (body: string): Promise<{ cypher: string; params: Params }> => {
      const seen: { cypher: string; params: Params }[] = [];
      const ask = async (): Promise<void> => {
        await app.yoga.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      };
      await ask();
      const off = bench.db.onStatement((cypher, params) => seen.push({ cypher, params }));
      await ask();
      off();
      const last = seen[seen.length - 1];
      if (!last) throw new Error('no statement');
      return last;
    };
    const base = `http://127.0.0.1:${port}`;
    for (const name of values.queries.split(',')) {
      const body = all[name] ?? '';
      const st = await statementOf(body);
      const { id } = (await post(
        `${base}/floor/register`,
        JSON.stringify({ cypher: st.cypher }),
      )) as { id: number };
      const floorBody = JSON.stringify({ params: encodeParams(st.params) });
      const targets = [
        { label: 'dossier', url: `${base}/graphql`, body },
        { label: 'floor', url: `${base}/floor/${id}`, body: floorBody },
      ];
      for (let i = 0; i < 200; i++) for (const t of targets) await post(t.url, t.body);
      await post(`${base}/timeline`, '');
      const load = [loadavg()[0] ?? 0];
      const lat = new Map<string, number[]>();
      for (let i = 0; i < Number(values.requests); i++) {
        for (let k = 0; k < targets.length; k++) {
          const t = targets[(i + k) % targets.length];
          if (!t) continue;
          const at = process.hrtime.bigint();
          await post(t.url, t.body);
          lat.set(t.label, [...(lat.get(t.label) ?? []), elapsedMs(at)]);
        }
      }
      load.push(loadavg()[0] ?? 0);
      const report = (await post(`${base}/timeline`, '')) as Record<
        string,
        { requests: number; stamps: [string, number][] }
      >;
      console.log(`\n${name} (${values.size}; load ${load.map((l) => l.toFixed(2)).join(' → ')})`);
      for (const t of targets) {
        const r = report[t.label];
        console.log(
          `  ${t.label}: client p50 ${round(median(lat.get(t.label) ?? []), 3)} ms, ${r?.requests ?? 0} requests; server, median ms since arrival:`,
        );
        for (const [stampName, ms] of r?.stamps ?? []) {
          console.log(`    ${stampName.padEnd(18)} ${ms.toFixed(3).padStart(8)}`);
        }
      }
    }
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
