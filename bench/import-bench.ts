import { importCsvDirectory } from '../server/import/import-csv.js';
import { buildLoadCsvPlan } from './import/load-csv-plan.js';
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
  const session = bench.db.session('WRITE');
  try {
    for (const c of plan.constraints) await session.run(c);
    await session.run('CALL db.awaitIndexes(300)');
    // CALL … IN TRANSACTIONS needs an auto-commit transaction.
    for (const s of plan.statements) await session.run(s.cypher);
  } finally {
    await session.close();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    rows: plan.rows,
    ms: round(ms, 0),
    rowsPerSecond: Math.round(plan.rows / (ms / 1000)),
    ...(await graphCounts(bench.db)),
  };
}

/**
 * Loads one data set into an empty database twice, with Dossier's importer and with LOAD CSV,
 * in the order given (alternated between data sets so neither always gets the warmer cache).
 */
export async function benchImport(
  bench: BenchNeo4j,
  dataset: string,
  dir: string,
  urlPath: string,
  batchSize: number,
  loadCsvFirst: boolean,
): Promise<ImportBenchResult> {
  let dossier: ImportRun;
  let loadCsv: ImportRun & { rows: number };
  if (loadCsvFirst) {
    loadCsv = await timeLoadCsv(bench, dir, urlPath, batchSize);
    dossier = await timeDossier(bench, dir, batchSize);
  } else {
    dossier = await timeDossier(bench, dir, batchSize);
    loadCsv = await timeLoadCsv(bench, dir, urlPath, batchSize);
  }
  const { rows, ...loadCsvRun } = loadCsv;
  return {
    dataset,
    rows,
    batchSize,
    dossier,
    loadCsv: loadCsvRun,
    ratio: round(dossier.rowsPerSecond / loadCsv.rowsPerSecond, 2),
    sameCounts: dossier.nodes === loadCsv.nodes && dossier.relationships === loadCsv.relationships,
  };
}
