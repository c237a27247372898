/**
 * Before/after for one lever of the importer's speed, measured side by side: two importer modules
 * (each exporting importCsvDirectory, e.g. the committed one copied out of git and the working
 * one) and LOAD CSV load the same data set into the same Neo4j in turn, rounds in rotating order.
 * Besides wall time it reads the CPU time the Neo4j JVM and this process used during each run
 * from /proc: on a shared 2-core machine wall time swings with other work, CPU time much less.
 * Not part of `npm run bench`; run it by hand:
 *
 *   git show HEAD:server/import/import-csv.ts > /tmp/base/import-csv.ts   # fix its imports
 *   npx tsx bench/import/compare-importers.ts --a /tmp/base/import-csv.ts \
 *     --b server/import/import-csv.ts --dir ../shared/datasets/pole [--rounds 4]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../server/db/database.js';
import {
  emptyDatabase,
  graphCounts,
  startBenchNeo4j,
  type BenchNeo4j,
} from '../lib/bench-neo4j.js';
import { median, round } from '../lib/stats.js';
import { buildLoadCsvPlan, runLoadCsvPlan } from './load-csv-plan.js';

type Importer = (
  db: Database,
  dir: string,
  options: { batchSize: number },
) => Promise<{ nodes: number; relationships: number }>;

/** User + system CPU of a process in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | 'self'): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Run {
  readonly name: string;
  readonly ms: number;
  readonly jvmCpuMs: number;
  readonly nodeCpuMs: number;
  readonly load: number;
  readonly nodes: number;
  readonly relationships: number;
}

async function measure(bench: BenchNeo4j, name: string, work: () => Promise<void>): Promise<Run> {
  await emptyDatabase(bench.db);
  const load = loadavg()[0] ?? 0;
  const jvm0 = cpuMs(bench.neo4j.pid);
  const self0 = cpuMs('self');
  const t0 = process.hrtime.bigint();
  await work();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const run = {
    name,
    ms: round(ms, 0),
    jvmCpuMs: cpuMs(bench.neo4j.pid) - jvm0,
    nodeCpuMs: cpuMs('self') - self0,
    load: round(load, 1),
    ...(await graphCounts(bench.db)),
  };
  console.log(JSON.stringify(run));
  return run;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string' },
      dir: { type: 'string', default: '../shared/datasets/pole' },
      rounds: { type: 'string', default: '4' },
      'batch-size': { type: 'string', default: '10000' },
      'no-load-csv': { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.dir);
  const batchSize = Number(values['batch-size']);
  const variants: [string, Importer][] = [];
  for (const key of ['a', 'b'] as const) {
    const file = values[key];
    if (file === undefined) continue;
    const mod = (await import(resolve(file))) as { importCsvDirectory: Importer };
    variants.push([key, mod.importCsvDirectory]);
  }
  const bench = await startBenchNeo4j(dirname(dir));
  try {
    const plan = await buildLoadCsvPlan(dir, basename(dir), batchSize);
    const loadCsv = (): Promise<void> => runLoadCsvPlan(bench.db, plan);
    const contenders: [string, () => Promise<void>][] = [
      ...variants.map(([name, run]): [string, () => Promise<void>] => [
        name,
        async () => void (await run(bench.db, dir, { batchSize })),
      ]),
      ...(values['no-load-csv'] ? [] : [['load-csv', loadCsv] as [string, () => Promise<void>]]),
    ];
    console.log('warm-up …');
    for (const [name, work] of contenders) await measure(bench, `warm-${name}`, work);
    const runs: Run[] = [];
    const rounds = Number(values.rounds);
    for (let i = 0; i < rounds; i++) {
      // Rotate the order so no contender always follows the same one.
      const order = contenders.map((_, j) => contenders[(i + j) % contenders.length]!);
      for (const [name, work] of order) runs.push(await measure(bench, name, work));
    }
    const rows = plan.rows;
    console.log(`\n${rows} rows, ${rounds} rounds`);
    for (const [name] of contenders) {
      const mine = runs.filter((r) => r.name === name);
      const ms = mine.map((r) => r.ms);
      console.log(
        `${name.padEnd(9)} wall median ${median(ms)} ms (min ${Math.min(...ms)}), rows/s ${Math.round(rows / (median(ms) / 1000))}; JVM CPU median ${median(mine.map((r) => r.jvmCpuMs))} ms; node CPU median ${median(mine.map((r) => r.nodeCpuMs))} ms; load ${mine.map((r) => r.load).join(' ')}`,
      );
    }
  } finally {
    await bench.stop();
  }
}

await main();
