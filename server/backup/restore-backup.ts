import { access } from 'node:fs/promises';
import neo4j from 'neo4j-driver';
import type { Database, Tx } from '../db/database.js';
import { deleteEverything } from '../db/delete-all.js';
import { quoteName } from '../graph/cypher-names.js';
import {
  BackupFileError,
  parseLine,
  type BackupHeader,
  type BackupRecord,
  type BackupSchema,
  type NodeLine,
  type RelationshipLine,
} from './backup-format.js';
import type { BackupProgress } from './export-backup.js';
import { readGzipLines } from './read-lines.js';
import { CodecError } from './value-codec.js';

/**
 * While a restore runs, every node it created carries this label and its backup id, so
 * relationships find their ends through an index; both go when the restore completes. A database
 * still holding the label is a restore that did not finish.
 */
export const RESTORING_LABEL = 'DossierRestoring';
const RESTORE_ID = 'dossierRestoreId';
const RESTORE_CONSTRAINT = 'dossier_restore_id';

export interface RestoreOptions {
  /** Delete everything in the target first; without it a non-empty target is refused. */
  readonly replace?: boolean;
  /** Nodes or relationships per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (p: BackupProgress) => void;
  /** Told about each phase ("checking the file", "creating the schema", …). */
  readonly onPhase?: (message: string) => void;
}

export interface RestoreSummary {
  readonly nodes: number;
  readonly relationships: number;
  readonly constraints: number;
  readonly indexes: number;
  readonly elapsedMs: number;
}

/** The target holds data or schema and --replace was not given. */
export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
}

/** Reads every record of the file, checking each line; throws BackupFileError at the first bad one. */
async function* records(file: string): AsyncGenerator<[number, BackupRecord]> {
  let line = 0;
  try {
    for await (const [n, text] of readGzipLines(file)) {
      line = n;
      yield [n, parseLine(text)];
    }
  } catch (err) {
    if (err instanceof CodecError) throw new BackupFileError(file, line, err.message);
    if (err instanceof BackupFileError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (
      code.startsWith('Z_') ||
      code === 'ERR_INVALID_ARG_TYPE' ||
      /gzip|header|end of file/i.test((err as Error).message)
    ) {
      throw new BackupFileError(
        file,
        line + 1,
        `the compressed data is damaged or cut off (${(err as Error).message})`,
      );
    }
    throw err;
  }
}

interface Checked {
  readonly header: BackupHeader;
  readonly schema: BackupSchema;
}

/**
 * The first pass: the whole file is read and every line checked (order, shape, values, the
 * footer's counts) before anything is written, so a corrupt file changes nothing.
 */
async function checkFile(file: string): Promise<Checked> {
  let header: BackupHeader | undefined;
  let schema: BackupSchema | undefined;
  let nodes = 0;
  let relationships = 0;
  let ended = false;
  let lastLine = 0;
  for await (const [line, record] of records(file)) {
    lastLine = line;
    const fail = (problem: string): never => {
      throw new BackupFileError(file, line, problem);
    };
    if (ended) fail('a line after the footer');
    switch (record.kind) {
      case 'header':
        if (line !== 1) fail('a second header');
        header = record.header;
        break;
      case 'schema':
        if (line !== 2) fail('the schema must be the second line');
        schema = record.schema;
        break;
      case 'node':
        if (!schema) fail('a node before the header and schema');
        if (relationships > 0) fail('a node after the relationships');
        nodes++;
        break;
      case 'relationship':
        if (!schema) fail('a relationship before the header and schema');
        relationships++;
        break;
      case 'end':
        if (record.nodes !== nodes || record.relationships !== relationships) {
          fail(
            `the footer counts ${record.nodes} nodes and ${record.relationships} relationships, the file holds ${nodes} and ${relationships}`,
          );
        }
        ended = true;
        break;
    }
    if (line === 1 && record.kind !== 'header') fail('not a Dossier backup (no header)');
  }
  if (!header || !schema) throw new BackupFileError(file, lastLine || 1, 'not a Dossier backup');
  if (!ended) {
    throw new BackupFileError(file, lastLine, 'the file ends without its footer: it is cut off');
  }
  if (header.nodes !== nodes || header.relationships !== relationships) {
    throw new BackupFileError(
      file,
      1,
      `the header announces ${header.nodes} nodes and ${header.relationships} relationships, the file holds ${nodes} and ${relationships}`,
    );
  }
  return { header, schema };
}

/** True when the database holds no node and no constraint or index of its own. */
export async function isEmptyTarget(db: Database): Promise<boolean> {
  const [row] = await db.read(
    'CALL () { MATCH (n) RETURN count(n) > 0 AS hasNodes LIMIT 1 } RETURN hasNodes',
  );
  if (row?.['hasNodes'] === true) return false;
  const schema = await db.read(
    "SHOW INDEXES YIELD type WHERE type <> 'LOOKUP' RETURN count(*) AS n",
  );
  return Number(schema[0]?.['n'] ?? 0) === 0;
}

/** One statement per label set (labels cannot be parameters), all in the batch's transaction. */
async function writeNodes(tx: Tx, batch: readonly NodeLine[]): Promise<void> {
  const byLabels = new Map<string, NodeLine[]>();
  for (const node of batch) {
    const key = JSON.stringify(node.labels);
    const group = byLabels.get(key);
    if (group) group.push(node);
    else byLabels.set(key, [node]);
  }
  for (const [key, nodes] of byLabels) {
    const labels = [RESTORING_LABEL, ...(JSON.parse(key) as string[])].map(quoteName).join(':');
    await tx.run(
      `UNWIND $rows AS row CREATE (n:${labels} {${RESTORE_ID}: row.id}) SET n += row.props`,
      { rows: nodes.map((n) => ({ id: n.id, props: n.properties })) },
    );
  }
}

/** One statement per type; every relationship must find both ends. */
async function writeRelationships(
  tx: Tx,
  batch: readonly (RelationshipLine & { line: number })[],
  file: string,
): Promise<void> {
  const byType = new Map<string, (RelationshipLine & { line: number })[]>();
  for (const rel of batch) {
    const group = byType.get(rel.type);
    if (group) group.push(rel);
    else byType.set(rel.type, [rel]);
  }
  for (const [type, rels] of byType) {
    const rows = rels.map((r, i) => ({ i, s: r.start, e: r.end, props: r.properties }));
    const [created] = await tx.run(
      `UNWIND $rows AS row
       MATCH (a:${RESTORING_LABEL} {${RESTORE_ID}: row.s})
       MATCH (b:${RESTORING_LABEL} {${RESTORE_ID}: row.e})
       CREATE (a)-[r:${quoteName(type)}]->(b) SET r += row.props
       RETURN count(r) AS n`,
      { rows },
    );
    if (Number(created?.['n']) !== rels.length) {
      // Only on failure: which one lacks an end (the transaction is rolled back anyway).
      const [missing] = await tx.run(
        `UNWIND $rows AS row
         WITH row WHERE NOT EXISTS { (:${RESTORING_LABEL} {${RESTORE_ID}: row.s}) }
           OR NOT EXISTS { (:${RESTORING_LABEL} {${RESTORE_ID}: row.e}) }
         RETURN row.i AS i LIMIT 1`,
        { rows: rows.map(({ i, s, e }) => ({ i, s, e })) },
      );
      throw new BackupFileError(
        file,
        rels[Number(missing?.['i'] ?? 0)]?.line,
        `a ${type} relationship whose start or end node is not in the file`,
      );
    }
  }
}

/**
 * Restores a backup written by exportBackup into `db`: the file is checked whole first; then the
 * schema is created, nodes and relationships are written in batched UNWIND transactions, and the
 * restore's own marks are removed. Refuses a target that is not empty unless `replace`. If it
 * fails part-way it throws, and the target keeps the RESTORING_LABEL marks of an unfinished
 * restore (run again with replace).
 */
export async function restoreBackup(
  db: Database,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 5_000;
  const phase = options.onPhase ?? (() => undefined);
  await access(file).catch(() => {
    throw new BackupFileError(file, undefined, 'no such file');
  });
  phase('Checking the file …');
  const { header, schema } = await checkFile(file);

  if (!(await isEmptyTarget(db))) {
    if (!options.replace) {
      throw new TargetNotEmptyError(
        'The target database is not empty. Restore into an empty database, or add --replace to delete everything in it first.',
      );
    }
    phase('Deleting everything in the target (--replace) …');
    await deleteEverything(db);
  }

  phase(`Creating ${schema.constraints.length} constraints and ${schema.indexes.length} indexes …`);
  await db.write(
    `CREATE CONSTRAINT ${RESTORE_CONSTRAINT} IF NOT EXISTS FOR (n:${RESTORING_LABEL}) REQUIRE n.${RESTORE_ID} IS UNIQUE`,
  );
  for (const statement of [...schema.constraints, ...schema.indexes]) await db.write(statement);

  let nodes = 0;
  let relationships = 0;
  const progress = (): void =>
    options.onProgress?.({
      nodes,
      relationships,
      totalNodes: header.nodes,
      totalRelationships: header.relationships,
      elapsedMs: Date.now() - started,
    });
  let nodeBatch: NodeLine[] = [];
  let relBatch: (RelationshipLine & { line: number })[] = [];
  const flushNodes = async (): Promise<void> => {
    if (nodeBatch.length === 0) return;
    const batch = nodeBatch;
    await db.writeTransaction((tx) => writeNodes(tx, batch));
    nodes += batch.length;
    nodeBatch = [];
    progress();
  };
  const flushRelationships = async (): Promise<void> => {
    if (relBatch.length === 0) return;
    const batch = relBatch;
    await db.writeTransaction((tx) => writeRelationships(tx, batch, file));
    relationships += batch.length;
    relBatch = [];
    progress();
  };
  for await (const [line, record] of records(file)) {
    if (record.kind === 'node') {
      nodeBatch.push(record.node);
      if (nodeBatch.length >= batchSize) await flushNodes();
    } else if (record.kind === 'relationship') {
      await flushNodes();
      relBatch.push({ ...record.relationship, line });
      if (relBatch.length >= batchSize) await flushRelationships();
    }
  }
  await flushNodes();
  await flushRelationships();

  phase('Removing the restore’s marks …');
  for (;;) {
    const [row] = await db.write(
      `MATCH (n:${RESTORING_LABEL}) WITH n LIMIT $limit REMOVE n:${RESTORING_LABEL} REMOVE n.${RESTORE_ID} RETURN count(n) AS n`,
      { limit: neo4j.int(batchSize * 2) },
    );
    if (Number(row?.['n'] ?? 0) === 0) break;
  }
  await db.write(`DROP CONSTRAINT ${RESTORE_CONSTRAINT} IF EXISTS`);
  await db.write('CALL db.awaitIndexes(300)');
  return {
    nodes,
    relationships,
    constraints: schema.constraints.length,
    indexes: schema.indexes.length,
    elapsedMs: Date.now() - started,
  };
}
