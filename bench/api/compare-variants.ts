/**
 * Before/after for one lever of the API's speed, measured side by side: one bench API server per
 * variant (bench/api/api-server.ts with the variant's name), all pinned to the same core, driven in
 * turn on the generated graph — rounds of concurrency-16 windows (requests/s and the server's CPU
 * time per request, from /proc) and concurrency-1 requests interleaved request by request, with
 * the floor (bare node:http, same statement) of every server in both: each variant's p50 is divided
 * by its own process's floor, since the process that also serves a floor's requests was measured
 * 0.1-0.2 ms faster at p50 than another running the same code (its driver and HTTP code kept
 * warmer by twice the requests), which biased a comparison against the first server. Not part of
 * `npm run bench`; run it by hand:
 *
 *   npx tsx bench/api/compare-variants.ts --variants base,jit [--size 10k] [--rounds 3] [--seconds 3]
 *
 * A variant written `label=DIR` runs DIR's own bench/api/api-server.ts (a copy of another commit,
 * e.g. `git archive HEAD | tar -x -C DIR` with node_modules linked), so two versions of the code
 * are compared in one run: `--variants before=/tmp/base,after=.`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
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

function startServer(
  uri: string,
  typeDefsFile: string,
  spec: string,
): Promise<{ child: ChildProcess; port: number }> {
  const [variant = spec, root = fromRoot()] = spec.includes('=') ? spec.split('=') : [spec];
  const args = [
    '-c',
    '1',
    process.execPath,
    '--import',
    'tsx',
    join(resolve(root), 'bench', 'api', 'api-server.ts'),
    uri,
    typeDefsFile,
    variant,
  ];
  const child = spawn('taskset', args, {
    cwd: resolve(root),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return readyPort(child, `server ${variant}`).then((port) => ({ child, port }));
}

function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10k' },
      variants: { type: 'string', default: 'base' },
      rounds: { type: 'string', default: '3' },
      seconds: { type: 'string', default: '3' },
      requests: { type: 'string', default: '100' },
      queries: { type: 'string', default: 'hub,median,search' },
    },
  });
  const specs = values.variants.split(',');
  const variants = specs.map((v) => v.split('=')[0] ?? v);
  const rounds = Number(values.rounds);
  const seconds = Number(values.seconds);
  const work = mkdtempSync(join(tmpdir(), 'dossier-compare-'));
  const bench = await startBenchNeo4j(work);
  const servers: { child: ChildProcess; port: number }[] = [];
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
    const hub = await elementIdOf(bench, graph.summary.hubs[0]?.id ?? '');
    const medianNode = await elementIdOf(bench, graph.summary.median?.id ?? '');
    const neighbourhood = (id: string): string =>
      JSON.stringify({
        query: `query Neighbourhood($ids: [ID!]!) {
  neighbourhood(ids: $ids, depth: 1, limit: 100) {
    nodes { id labels caption properties }
    edges { id type source target properties }
    expansions { id shown total }
  }
}`,
        variables: { ids: [id] },
      });
    const all: Record<string, string> = {
      hub: neighbourhood(hub),
      median: neighbourhood(medianNode),
      search: JSON.stringify({
        query: `query Search($text: String!, $labels: [String!], $first: Int) {
  search(text: $text, labels: $labels, first: $first) {
    method
    hits { score node { id labels caption properties } snippet { property text } }
  }
}`,
        variables: {
          text: (graph.summary.hubs[0]?.name ?? 'Daniel').split(' ')[0],
          labels: ['Person'],
          first: 10,
        },
      }),
    };
    const queries = values.queries.split(',').map((q) => [q, all[q] ?? ''] as const);

    // The statement each query sends, recorded from an in-process app, for the floor.
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      db: bench.db,
      logger: silent,
    });
    const statementOf = async (body: string): Promise<{ cypher: string; params: Params }> => {
      const seen: { cypher: string; params: Params }[] = [];
      const ask = (): Promise<Response> =>
        Promise.resolve(
          app.yoga.fetch('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }),
        );
      await ask();
      const off = bench.db.onStatement((cypher, params) => seen.push({ cypher, params }));
      await ask();
      off();
      const last = seen[seen.length - 1];
      if (!last) throw new Error('no statement');
      return last;
    };

    for (const v of specs)
      servers.push(await startServer(bench.neo4j.uri, prepared.typeDefsFile, v));
    if (servers.length === 0) throw new Error('no variant');
    // Each query's statement, registered on every server: [floor id per server, floor body].
    const floorOf = new Map<string, [number[], string]>();
    for (const [name, body] of queries) {
      const st = await statementOf(body);
      const ids: number[] = [];
      for (const s of servers) {
        const { id } = (await post(
          `http://127.0.0.1:${s.port}/floor/register`,
          JSON.stringify({ cypher: st.cypher }),
        )) as { id: number };
        ids.push(id);
      }
      floorOf.set(name, [ids, JSON.stringify({ params: encodeParams(st.params) })]);
    }
    const floorLabel = (i: number): string => (i === 0 ? 'floor' : `floor@${variants[i] ?? i}`);
    const targets = (
      name: string,
    ): { label: string; url: string; body: string; pid?: number }[] => {
      const [ids = [], floorBody = ''] = floorOf.get(name) ?? [];
      return [
        ...servers.map((s, i) => ({
          label: variants[i] ?? '',
          url: `http://127.0.0.1:${s.port}/graphql`,
          body: all[name] ?? '',
          pid: s.child.pid,
        })),
        ...servers.map((s, i) => ({
          label: floorLabel(i),
          url: `http://127.0.0.1:${s.port}/floor/${ids[i] ?? 0}`,
          body: floorBody,
          pid: s.child.pid,
        })),
      ];
    };
    // Warm-up: JIT and caches of every server.
    for (const [name] of queries)
      for (const t of targets(name))
        await autocannon({
          url: t.url,
          method: 'POST',
          connections: 4,
          amount: 300,
          headers: { 'content-type': 'application/json' },
          body: t.body,
        });

    const load: number[] = [];
    for (const [name] of queries) {
      const ts = targets(name);
      const rps = new Map<string, number[]>();
      const cpu = new Map<string, number[]>();
      const lat = new Map<string, number[]>();
      for (let r = 0; r < rounds; r++) {
        load.push(loadavg()[0] ?? 0);
        for (let k = 0; k < ts.length; k++) {
          const t = ts[(r + k) % ts.length];
          if (!t) continue;
          const before = cpuMs(t.pid);
          const res = await autocannon({
            url: t.url,
            method: 'POST',
            connections: 16,
            duration: seconds,
            headers: { 'content-type': 'application/json' },
            body: t.body,
          });
          const used = cpuMs(t.pid) - before;
          if (res.non2xx + res.errors > 0)
            console.log(`${t.label}: ${res.non2xx + res.errors} errors`);
          rps.set(t.label, [...(rps.get(t.label) ?? []), res.requests.average]);
          cpu.set(t.label, [...(cpu.get(t.label) ?? []), used / Math.max(1, res.requests.total)]);
        }
        for (let i = 0; i < Number(values.requests); i++) {
          for (let k = 0; k < ts.length; k++) {
            const t = ts[(i + k) % ts.length];
            if (!t) continue;
            const at = process.hrtime.bigint();
            await post(t.url, t.body);
            lat.set(t.label, [...(lat.get(t.label) ?? []), elapsedMs(at)]);
          }
        }
      }
      // A variant against its own process's floor; a floor against the first server's.
      const floorP50 = (label: string): number => {
        const i = variants.indexOf(label);
        return median(lat.get(i < 0 ? 'floor' : floorLabel(i)) ?? []);
      };
      console.log(
        `\n${name} (${values.size}, ${rounds} rounds; load ${load.map((l) => l.toFixed(1)).join(' ')})`,
      );
      console.log('variant      req/s@16 (per round)         cpu ms/req   p50 ms  p50/own floor');
      for (const t of ts) {
        const p50 = median(lat.get(t.label) ?? []);
        console.log(
          `${t.label.padEnd(12)} ${(rps.get(t.label) ?? []).map((x) => Math.round(x).toString().padStart(5)).join(' ')}   ${round(
            median(cpu.get(t.label) ?? []),
            2,
          )
            .toString()
            .padStart(
              6,
            )}   ${round(p50, 2).toString().padStart(6)}  ${round(p50 / floorP50(t.label), 2)}`,
        );
      }
    }
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
