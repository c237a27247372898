import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { toNumber } from '../db/convert.js';
import { version } from '../version.js';
import { FORMAT, FORMAT_VERSION, type BackupHeader, type BackupSchema } from './backup-format.js';
import { encodeProperties } from './value-codec.js';

export interface BackupProgress {
  readonly nodes: number;
  readonly relationships: number;
  readonly totalNodes: number;
  readonly totalRelationships: number;
  readonly elapsedMs: number;
}

export interface ExportOptions {
  /** Called every `progressEvery` elements and at the end. */
  readonly onProgress?: (p: BackupProgress) => void;
  readonly progressEvery?: number;
  /** The read transaction's time limit (the whole export is one snapshot). */
  readonly timeoutMs?: number;
}

export interface ExportSummary {
  readonly nodes: number;
  readonly relationships: number;
  readonly constraints: number;
  readonly indexes: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/**
 * The user's schema as Neo4j's own CREATE statements: every constraint, and every index that no
 * constraint owns except the built-in token lookup indexes (an empty database has those already).
 */
export async function readSchema(db: Database): Promise<BackupSchema> {
  const constraints = await db.read(
    'SHOW CONSTRAINTS YIELD name, createStatement RETURN createStatement ORDER BY name',
  );
  const indexes = await db.read(
    "SHOW INDEXES YIELD name, type, owningConstraint, createStatement WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN createStatement ORDER BY name",
  );
  return {
    constraints: constraints.map((r) => String(r['createStatement'])),
    indexes: indexes.map((r) => String(r['createStatement'])),
  };
}

/**
 * Writes the whole database to `file` (see backup-format.ts), streaming: records are read from
 * Neo4j and compressed as they come, in one read transaction so the backup is one consistent
 * snapshot. The file appears under its name only when complete; until then it is `file.partial`.
 */
export async function exportBackup(
  db: Database,
  file: string,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const started = Date.now();
  const every = options.progressEvery ?? 10_000;
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = pipeline(gzip, out);
  // A failed write must surface at once, not when the stream is ended.
  written.catch(() => undefined);
  const write = async (record: unknown): Promise<void> => {
    if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, 'drain');
  };

  const schema = await readSchema(db);
  const [about] = await db.read(
    'CALL dbms.components() YIELD versions RETURN versions[0] AS version',
  );
  const session = db.session('READ');
  try {
    const tx = session.beginTransaction({ timeout: options.timeoutMs ?? 6 * 3_600_000 });
    try {
      const counts = await tx.run(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      );
      const totalNodes = toNumber(counts.records[0]?.get('nodes'));
      const totalRelationships = toNumber(counts.records[0]?.get('relationships'));
      const header: BackupHeader = {
        format: FORMAT,
        version: FORMAT_VERSION,
        createdAt: new Date().toISOString(),
        dossierVersion: version,
        neo4jVersion: String(about?.['version'] ?? 'unknown'),
        database: db.name,
        nodes: totalNodes,
        relationships: totalRelationships,
      };
      await write(header);
      await write({ schema });

      let nodes = 0;
      let relationships = 0;
      const progress = (): void =>
        options.onProgress?.({
          nodes,
          relationships,
          totalNodes,
          totalRelationships,
          elapsedMs: Date.now() - started,
        });
      const stream = (cypher: string): AsyncIterable<Neo4jRecord> =>
        tx.run(cypher) as unknown as AsyncIterable<Neo4jRecord>;

      for await (const r of stream(
        'MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props',
      )) {
        await write({
          n: r.get('id') as string,
          l: r.get('labels') as string[],
          p: encodeProperties(r.get('props') as Record<string, unknown>),
        });
        if (++nodes % every === 0) progress();
      }
      for await (const r of stream(
        'MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS s, elementId(b) AS e, properties(r) AS props',
      )) {
        await write({
          r: r.get('type') as string,
          s: r.get('s') as string,
          e: r.get('e') as string,
          p: encodeProperties(r.get('props') as Record<string, unknown>),
        });
        if (++relationships % every === 0) progress();
      }
      await write({ end: { nodes, relationships } });
      progress();
      gzip.end();
      await written;
      await rename(partial, file);
      return {
        nodes,
        relationships,
        constraints: schema.constraints.length,
        indexes: schema.indexes.length,
        bytes: out.bytesWritten,
        elapsedMs: Date.now() - started,
      };
    } finally {
      // Read-only: nothing to commit; rolling back frees the snapshot.
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
    }
  } catch (err) {
    gzip.destroy();
    await rm(partial, { force: true });
    throw err;
  } finally {
    await session.close().catch(() => undefined);
  }
}
