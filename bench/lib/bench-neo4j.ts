import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { Database } from '../../server/db/database.js';
import { deleteEverything } from '../../server/db/delete-all.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/neo4j/local-neo4j.js';
import { fromRoot } from '../../server/paths.js';

export const silent = pino({ level: 'silent' });

export interface BenchNeo4j {
  readonly neo4j: LocalNeo4j;
  readonly db: Database;
  readonly dataDir: string;
  readonly startMs: number;
  stop(): Promise<void>;
}

/**
 * A local Neo4j for the benchmark only: its own temporary data directory, and, because LOAD CSV is
 * one of the things compared, file URLs allowed from importDir (and nowhere else). Every other
 * setting is Dossier's own neo4j.conf.
 */
export async function startBenchNeo4j(importDir: string, heap = '1g'): Promise<BenchNeo4j> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-neo4j-'));
  const extra = join(dataDir, 'bench-overrides.conf');
  writeFileSync(
    extra,
    [
      'dbms.security.allow_csv_import_from_file_urls=true',
      `server.directories.import=${importDir}`,
      '',
    ].join('\n'),
  );
  const started = Date.now();
  const neo4j = await startLocalNeo4j({
    dataDir,
    cacheDir: fromRoot('.cache'),
    port: 0,
    heap,
    progress: (m) => console.log(`  [neo4j] ${m}`),
    extraSettingsFile: extra,
  });
  const startMs = Date.now() - started;
  const db = Database.connect({
    uri: neo4j.uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    logger: silent,
    queryTimeoutMs: 600_000,
  });
  return {
    neo4j,
    db,
    dataDir,
    startMs,
    async stop() {
      await db.close();
      await neo4j.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Empties the database: nodes and relationships in batches, then constraints and indexes. */
export const emptyDatabase = deleteEverything;

/** Nodes and relationships in the database. */
export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return { nodes: Number(row?.['nodes'] ?? 0), relationships: Number(row?.['relationships'] ?? 0) };
}
