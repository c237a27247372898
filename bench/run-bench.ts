/**
 * `npm run bench [-- --sizes 10k,100k,1m --only import,api,render,first,cold --markdown FILE]`: measures Dossier
 * against what a user would pick instead, side by side in one run, and writes BENCHMARKS.md plus
 * the raw numbers in bench/results/<timestamp>.json. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateGraph, writeGraph, type GraphSummary } from '../scripts/generate-graph.js';
import { fromRoot } from '../server/paths.js';
import {
  benchApi,
  elementIdOf,
  prepareDataset,
  startApiServer,
  type ApiBenchResult,
} from './api-bench.js';
import { benchColdStart, type ColdStartResult } from './cold-start-bench.js';
import { benchImport, type ImportBenchResult } from './import-bench.js';
import { startBenchNeo4j } from './lib/bench-neo4j.js';
import { describeMachine, type Machine } from './lib/machine.js';
import { benchRendering, type RenderBenchResult } from './render-bench.js';
import { benchFirstGraph, type FirstGraphResult } from './render/first-graph-bench.js';
import { writeReport } from './report.js';

const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000 };
const PHASES = ['import', 'api', 'render', 'first', 'cold'] as const;
type Phase = (typeof PHASES)[number];

export interface BenchResults {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationS: number;
  readonly machine: Machine;
  readonly neo4jVersion: string;
  readonly sizes: readonly string[];
  readonly graphs: Readonly<Record<string, GraphSummary>>;
  readonly imports: readonly ImportBenchResult[];
  readonly api: ApiBenchResult | undefined;
  readonly render: RenderBenchResult | undefined;
  /** First-page bytes and navigation to first graph on the story and POLE (issue 16). */
  readonly firstGraph?: FirstGraphResult | undefined;
  readonly coldStart: ColdStartResult | undefined;
  readonly notes: readonly string[];
}

function options(argv: string[]): {
  sizes: string[];
  phases: Set<Phase>;
  batchSize: number;
  report: string | undefined;
  markdown: string;
} {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '10k,100k,1m' },
      only: { type: 'string', default: PHASES.join(',') },
      'batch-size': { type: 'string', default: '10000' },
      // Rewrite BENCHMARKS.md from a saved results file (e.g. after editing bench/notes.md).
      report: { type: 'string' },
      // Where the report goes: a partial run (--only api) should not replace the full one.
      markdown: { type: 'string', default: fromRoot('BENCHMARKS.md') },
    },
    strict: true,
  });
  const sizes = values.sizes.split(',').map((s) => s.trim().toLowerCase());
  for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s} (10k, 100k, 1m)`);
  const phases = new Set(values.only.split(',').map((p) => p.trim()) as Phase[]);
  for (const p of phases) if (!PHASES.includes(p)) throw new Error(`unknown phase ${p}`);
  return {
    sizes,
    phases,
    batchSize: Number(values['batch-size']),
    report: values.report,
    markdown: values.markdown,
  };
}

const log = (message: string): void => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const { sizes, phases, batchSize, report, markdown } = options(process.argv.slice(2));
  if (report !== undefined) {
    await writeReport(JSON.parse(readFileSync(report, 'utf8')) as BenchResults, markdown);
    log(`${markdown} rewritten from ${report}`);
    return;
  }
  const started = new Date();
  const machine = describeMachine();
  log(
    `${machine.cpuModel} · ${machine.nproc} cores · ${machine.memoryGiB} GiB · load ${machine.loadAverageAtStart}`,
  );
  const notes: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
  /** One failed phase is noted in the report; the others still run. */
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      log(`${name} failed: ${message}`);
      notes.push(`The ${name} phase failed in this run: ${message}`);
      return undefined;
    }
  };
  const graphs: Record<string, GraphSummary> = {};
  const imports: ImportBenchResult[] = [];
  let api: ApiBenchResult | undefined;
  let render: RenderBenchResult | undefined;
  let coldStart: ColdStartResult | undefined;
  let firstGraph: FirstGraphResult | undefined;
  let neo4jVersion = 'unknown';

  try {
    // Data: POLE as shipped, plus the generated graphs (deterministic, seed 42).
    cpSync(fromRoot('..', 'shared', 'datasets', 'pole'), join(work, 'pole'), { recursive: true });
    for (const size of sizes) {
      const t = Date.now();
      const graph = generateGraph({ relationships: SIZES[size] ?? 0, seed: 42 });
      writeGraph(graph, join(work, `g${size}`));
      graphs[size] = graph.summary;
      log(`generated ${size} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }

    if (phases.has('render') || phases.has('first') || phases.has('cold')) {
      // The explorer page is the built client; cold start runs the built server.
      log('building (npm run build) …');
      const build = spawnSync('npm', ['run', 'build', '--silent'], {
        cwd: fromRoot(),
        stdio: 'inherit',
      });
      if (build.status !== 0) {
        notes.push('npm run build failed, so rendering and cold start were not measured.');
        phases.delete('render');
        phases.delete('first');
        phases.delete('cold');
      }
    }
    if (phases.has('import') || phases.has('api') || phases.has('render')) {
      const bench = await startBenchNeo4j(work);
      try {
        const [v] = await bench.db.read(
          "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] + ' ' + edition AS v",
        );
        neo4jVersion = String(v?.['v'] ?? 'unknown');
        if (phases.has('import')) {
          // Warm-up, discarded: the first statements on a fresh JVM pay for JIT compilation.
          const warm = sizes.includes('10k') ? '10k' : sizes[0];
          log(`import: warm-up on ${warm} …`);
          await benchImport(bench, 'warm-up', join(work, `g${warm}`), `g${warm}`, batchSize, false);
          const datasets = [
            ['pole', join(work, 'pole')],
            ...sizes.map((s) => [`generated ${s}`, join(work, `g${s}`)]),
          ] as const;
          for (const [i, [name, dir]] of datasets.entries()) {
            log(`import: ${name} …`);
            const r = await benchImport(
              bench,
              name,
              dir,
              dir.slice(work.length + 1),
              batchSize,
              i % 2 === 1,
              // Two rounds (A B B A) on the real data set; one on the generated ones, for time.
              name === 'pole' ? 2 : 1,
            );
            log(
              `import: ${name}: Dossier ${r.dossier.rowsPerSecond} rows/s, LOAD CSV ${r.loadCsv.rowsPerSecond} rows/s, ratio ${r.ratio} (all runs: ${r.allRuns.dossier.join(', ')} vs ${r.allRuns.loadCsv.join(', ')}), same counts ${r.sameCounts}`,
            );
            imports.push(r);
          }
        }
        if (phases.has('api') || phases.has('render')) {
          const size = sizes[sizes.length - 1] ?? '10k';
          const prepared = await prepareDataset(
            bench,
            join(work, `g${size}`),
            size,
            graphs[size],
            batchSize,
            log,
          );
          if (phases.has('api')) {
            api = await phase('api', () => benchApi(bench, prepared, log));
          }
          if (phases.has('render')) {
            // The real server (unpinned) serves the built explorer, on the same graph.
            const server = await startApiServer(bench.neo4j.uri, prepared.typeDefsFile, false);
            try {
              const hub = await elementIdOf(bench, prepared.summary.hubs[0]?.id ?? '');
              render = await phase('render', () =>
                benchRendering(`http://127.0.0.1:${server.port}/`, hub, log),
              );
            } finally {
              server.child.kill('SIGTERM');
            }
          }
        }
      } finally {
        await bench.stop();
      }
    }
    // Its own Neo4j with the story, then POLE: the first page as a reader meets it.
    if (phases.has('first')) firstGraph = await phase('first graph', () => benchFirstGraph(log));
    if (phases.has('cold')) coldStart = await phase('cold start', () => benchColdStart(log));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const finished = new Date();
  const results: BenchResults = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationS: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine,
    neo4jVersion,
    sizes,
    graphs,
    imports,
    api,
    render,
    firstGraph,
    coldStart,
    notes,
  };
  mkdirSync(fromRoot('bench', 'results'), { recursive: true });
  const file = fromRoot('bench', 'results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  await writeReport(results, markdown);
  log(`done in ${results.durationS} s: ${file} and ${markdown}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
