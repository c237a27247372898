import { importCsvDirectory } from '../server/import/import-csv.js';
import { buildLoadCsvPlan, runLoadCsvPlan } from './import/load-csv-plan.js';
import { emptyDatabase, graphCounts, type BenchNeo4j } from './lib/bench-neo4j.js';
import { round } from './lib/stats.js';

export interface ImportRun {
  readonly ms: number;
  readonly rowsPerSecond: number;
  readonly nodes: number;
  readonly relationships: number;
}

export interface ImportBenchResult {
  readonly dataset: string;
  readonly rows: number;
  readonly batchSize: number;
  readonly dossier: ImportRun;
  readonly loadCsv: ImportRun;
  /** rows/s of every run, in the order run. */
  readonly allRuns: { readonly dossier: readonly number[]; readonly loadCsv: readonly number[] };
  /** Dossier's rows/s over LOAD CSV's (the target is ≥ 0.7). */
  readonly ratio: number;
  /** Both gave the same numbers of nodes and relationships. */
  readonly sameCounts: boolean;
}

async function timeDossier(bench: BenchNeo4j, dir: string, batchSize: number): Promise<ImportRun> {
  await emptyDatabase(bench.db);
  const started = process.hrtime.bigint();
  const summary = await importCsvDirectory(bench.db, dir, { batchSize });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rows = summary.nodes + summary.relationships;
  return {
    ms: round(ms, 0),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    ...(await graphCounts(bench.db)),
  };
}

async function timeLoadCsv(
  bench: BenchNeo4j,
  dir: string,
  urlPath: string,
  batchSize: number,
): Promise<ImportRun & { rows: number }> {
  // The script is built (its files scanned) before the clock starts: a LOAD CSV user writes it once.
  const plan = await buildLoadCsvPlan(dir, urlPath, batchSize);
  await emptyDatabase(bench.db);
  const started = process.hrtime.bigint();
  await runLoadCsvPlan(bench.db, plan);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    rows: plan.rows,
    ms: round(ms, 0),
    rowsPerSecond: Math.round(plan.rows / (ms / 1000)),
    ...(await graphCounts(bench.db)),
  };
}

/**
 * Loads one data set into an empty database with Dossier's importer and with LOAD CSV, `rounds`
 * times each in A B B A order (starting with LOAD CSV when loadCsvFirst), and keeps each one's
 * best run: on a shared machine the best of a few runs is the one least disturbed by other work.
 */
export async function benchImport(
  bench: BenchNeo4j,
  dataset: string,
  dir: string,
  urlPath: string,
  batchSize: number,
  loadCsvFirst: boolean,
  rounds = 1,
): Promise<ImportBenchResult> {
  const dossierRuns: ImportRun[] = [];
  const loadCsvRuns: (ImportRun & { rows: number })[] = [];
  for (let i = 0; i < rounds; i++) {
    const csvFirst = loadCsvFirst !== (i % 2 === 1);
    if (csvFirst) {
      loadCsvRuns.push(await timeLoadCsv(bench, dir, urlPath, batchSize));
      dossierRuns.push(await timeDossier(bench, dir, batchSize));
    } else {
      dossierRuns.push(await timeDossier(bench, dir, batchSize));
      loadCsvRuns.push(await timeLoadCsv(bench, dir, urlPath, batchSize));
    }
  }
  const best = <T extends ImportRun>(runs: T[]): T =>
    runs.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  const dossier = best(dossierRuns);
  const { rows, ...loadCsv } = best(loadCsvRuns);
  return {
    dataset,
    rows,
    batchSize,
    dossier,
    loadCsv,
    allRuns: {
      dossier: dossierRuns.map((r) => r.rowsPerSecond),
      loadCsv: loadCsvRuns.map((r) => r.rowsPerSecond),
    },
    ratio: round(dossier.rowsPerSecond / loadCsv.rowsPerSecond, 2),
    sameCounts: [...dossierRuns, ...loadCsvRuns].every(
      (r) => r.nodes === dossier.nodes && r.relationships === dossier.relationships,
    ),
  };
}
