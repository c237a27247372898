/**
 * Before/after for the write row (addRelationship), side by side in one run: one bench write
 * server (bench/write-server.ts) per variant, all pinned to core 1, and the raw driver replaying
 * the statements Dossier sent (bench/write-bench.ts) from this process, pinned to core 0; requests
 * at concurrency 1 interleaved request by request in rotating order; with --floor also the write
 * floor of the first variant's server (bare node:http replaying the same statements, see
 * write-server.ts). Reports per variant the p50,
 * the p50 against the raw replay's, and the CPU time per write of the server's main thread (from /proc/PID/schedstat). With
 * --phases the first variant's server stamps each phase of a write (median ms from arrival); with
 * --profile DIR it runs under `node --cpu-prof` and its self time per package and function is
 * printed for the measured rounds.
 * Not part of `npm run bench`; run it by hand:
 *
 *   npx tsx bench/write-compare.ts --variants before=/tmp/base,after=. [--rounds 2] [--requests 200]
 *
 * A variant DIR is a copy of another commit (`git archive HEAD | tar -x -C DIR`, node_modules and
 * .cache linked, server/graphql/generated copied) holding this file's write-server.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { generateGraph, writeGraph } from '../scripts/generate-graph.js';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { prepareDataset } from './api-bench.js';
import { encodeParams } from './api/floor-endpoint.js';
import { summarizeProfile } from './api-profile.js';
import { postJson, readyPort } from './lib/api-server-process.js';
import { silent, startBenchNeo4j } from './lib/bench-neo4j.js';
import { elapsedMs, median, round } from './lib/stats.js';
import { prepareWriteRow } from './write-bench.js';

/**
 * CPU time of a server's main thread (where its JavaScript runs) in ms, from schedstat: in
 * nanoseconds, where /proc/PID/stat counts 10 ms ticks, too coarse for a few ms per write.
 */
function cpuMs(pid: number | undefined): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variants: { type: 'string', default: 'after=.' },
      rounds: { type: 'string', default: '2' },
      requests: { type: 'string', default: '200' },
      phases: { type: 'boolean', default: false },
      profile: { type: 'string' },
      floor: { type: 'boolean', default: false },
    },
  });
  const specs = values.variants.split(',').map((v) => {
    const [label = v, dir = '.'] = v.split('=');
    return { label, dir: resolve(dir) };
  });
  spawnSync('taskset', ['-cp', '0', String(process.pid)]);
  const work = mkdtempSync(join(tmpdir(), 'dossier-write-compare-'));
  const bench = await startBenchNeo4j(work);
  const servers: { label: string; child: ChildProcess; url: string }[] = [];
  const driver = neo4j.driver(bench.neo4j.uri, neo4j.auth.basic('neo4j', ''));
  try {
    const graph = generateGraph({ relationships: 10_000, seed: 42 });
    writeGraph(graph, join(work, 'g'));
    await prepareDataset(bench, join(work, 'g'), '10k', graph.summary, 10_000, console.log);
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      db: bench.db,
      logger: silent,
    });
    const row = await prepareWriteRow(bench.db, app, console.log);
    let startedAt = Date.now();
    for (const [i, s] of specs.entries()) {
      const args = ['--import', 'tsx', join(s.dir, 'bench', 'write-server.ts'), bench.neo4j.uri];
      if (values.phases && i === 0) args.push('phases');
      if (values.profile && i === 0) args.unshift('--cpu-prof', '--cpu-prof-dir', values.profile);
      const child = spawn('taskset', ['-c', '1', process.execPath, ...args], {
        cwd: s.dir,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      if (i === 0) startedAt = Date.now();
      const port = await readyPort(child, s.label);
      servers.push({ label: s.label, child, url: `http://127.0.0.1:${port}/graphql` });
    }
    const floorUrl = (servers[0]?.url ?? '').replace('/graphql', '/write-floor');
    if (values.floor)
      await postJson(`${floorUrl}/register`, JSON.stringify(encodeParams(row.recording)));
    const once = async (label: string): Promise<void> => {
      if (label === 'floor') {
        await postJson(floorUrl, row.nextFloorBody());
        return;
      }
      const server = servers.find((s) => s.label === label);
      if (!server) return row.rawOnce(driver);
      const json = (await postJson(
        server.url,
        JSON.stringify({ query: row.mutation, variables: row.next() }),
      )) as { data?: { addRelationship?: { outcome?: string } }; errors?: unknown };
      if (json.data?.addRelationship?.outcome !== 'CREATED')
        throw new Error(`${label}: ${JSON.stringify(json).slice(0, 300)}`);
    };
    const labels = [...servers.map((s) => s.label), ...(values.floor ? ['floor'] : []), 'raw'];
    for (let i = 0; i < 50; i++) for (const l of labels) await once(l);
    const first = servers[0];
    const cpuOf = [...servers, ...(values.floor && first ? [{ ...first, label: 'floor' }] : [])];
    if (values.phases && first) await postJson(first.url.replace('/graphql', '/phases'), '');
    const lat = new Map<string, number[]>(labels.map((l) => [l, []]));
    const cpu = new Map<string, number[]>(labels.map((l) => [l, []]));
    const load: number[] = [];
    const measuredFrom = Date.now();
    for (let r = 0; r < Number(values.rounds); r++) {
      load.push(loadavg()[0] ?? 0);
      const n = Number(values.requests);
      // CPU per label from the server it ran on, read around each of its requests (outside the
      // timed part): the floor shares the first variant's process.
      const used = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < labels.length; k++) {
          const l = labels[(i + k) % labels.length] ?? 'raw';
          const pid = cpuOf.find((s) => s.label === l)?.child.pid;
          const before = pid === undefined ? 0 : cpuMs(pid);
          const at = process.hrtime.bigint();
          await once(l);
          lat.get(l)?.push(elapsedMs(at));
          if (pid !== undefined) used.set(l, (used.get(l) ?? 0) + cpuMs(pid) - before);
        }
      }
      for (const s of cpuOf) cpu.get(s.label)?.push((used.get(s.label) ?? 0) / n);
      const p50 = (l: string): number => median(lat.get(l)?.slice(-n) ?? []);
      console.log(
        `round ${r + 1} (load ${load[r]?.toFixed(2)}): ${labels
          .map(
            (l) =>
              `${l} p50 ${round(p50(l), 2)} ms${l === 'raw' ? '' : ` (${round(p50(l) / p50('raw'), 2)}x raw, cpu ${round(cpu.get(l)?.at(-1) ?? 0, 2)} ms/write)`}`,
          )
          .join('; ')}`,
      );
    }
    load.push(loadavg()[0] ?? 0);
    const measuredTo = Date.now();
    const rawP50 = median(lat.get('raw') ?? []);
    console.log(
      `\naddRelationship, ${row.statements} statements in ${row.roundTrips} round trips; load ${load.map((l) => l.toFixed(2)).join(' ')}`,
    );
    for (const l of labels) {
      const p50 = median(lat.get(l) ?? []);
      console.log(
        `${l.padEnd(10)} p50 ${round(p50, 2).toString().padStart(6)} ms  ${round(p50 / rawP50, 3)}x raw${
          l === 'raw' ? '' : `  cpu ${round(median(cpu.get(l) ?? []), 2)} ms/write`
        }`,
      );
    }
    if (values.phases && first) {
      const phases = (await postJson(first.url.replace('/graphql', '/phases'), '')) as [
        string,
        number,
      ][];
      console.log(`\nphases of ${first.label} (median ms from arrival):`);
      let last = 0;
      for (const [name, ms] of phases) {
        console.log(`${name.padEnd(28)} ${ms.toFixed(3).padStart(8)}  +${(ms - last).toFixed(3)}`);
        last = ms;
      }
    }
    if (values.profile && first) {
      const exited = new Promise((r) => first.child.once('exit', r));
      first.child.kill('SIGTERM');
      await exited;
      // The main thread's profile is the largest (tsx's loader thread writes one too).
      const file = readdirSync(values.profile)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(values.profile ?? '', f))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0];
      if (file)
        console.log(
          `\n${summarizeProfile(
            file,
            measuredFrom - startedAt,
            45,
            measuredTo - startedAt,
            Number(values.rounds) * Number(values.requests),
          )}`,
        );
    }
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await driver.close();
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
