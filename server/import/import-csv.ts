import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { CsvError, parse } from 'csv-parse';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import type { Column, Header, NodeHeader, RelationshipHeader } from './csv-header.js';
import { parseValue, ValueError, type PropertyValue } from './csv-values.js';
import { ImportError } from './import-error.js';
import { listImportFiles, type ImportFile } from './import-files.js';

/**
 * Loads a directory of neo4j-admin-style CSV files into a running Neo4j through the driver.
 *
 * Identity. Every imported node gets the property `importId` (its `:ID`, prefixed `group:` when the
 * file uses an ID group) and each node's first label gets a uniqueness constraint
 * `import_id_<Label>` on it, created before that label's first batch. Nodes are MERGEd on
 * (first label, importId), so the constraint's index makes both the MERGE and the endpoint MATCH of
 * every relationship an index seek. A per-label constraint was chosen over one shared marker label
 * (e.g. :ImportNode) so the graph holds only the labels of the data: the explorer lists labels,
 * and a marker on every node would show up everywhere. The cost is that relationship rows are
 * grouped by the first labels of their endpoints, which the importer knows from the node files.
 *
 * Relationships are MERGEd on (start, type, end). Parallel relationships (the same start, type and
 * end more than once in the files) are told apart by their ordinal: the second and later ones
 * carry `importSeq` = 1, 2, … and are MERGEd on it. The first one carries nothing extra, so a file
 * without duplicates (POLE) adds no property to any relationship.
 *
 * Idempotence. Every batch is one transaction and batches are written in file order by one
 * writer, so an import killed at any point has committed a prefix of the batches; running it
 * again MERGEs that prefix onto itself and writes the rest, giving the graph of a clean load.
 *
 * Fast path. A label (as first label) or relationship type with nothing in the database when the
 * import begins is written with CREATE instead of MERGE: every (label, :ID) and every (start,
 * type, end, ordinal) occurs once in the files, so CREATE gives exactly what MERGE would, for less
 * work. A re-run after an interruption finds them non-empty and MERGEs. This assumes nobody else
 * writes those labels or types while the import runs.
 * Node properties are SET on every run (so a corrected file updates its nodes); a relationship's
 * properties are written when it is created, because the first of a parallel group cannot be told
 * apart from the others once they exist.
 *
 * Validation. A batch is parsed and checked in full (column count, :ID, labels and types as
 * identifiers, every value against its declared type, every endpoint defined in a node file)
 * before it is sent, so a bad row stops the import with its file and line and nothing of its batch
 * is written.
 */

export interface ImportOptions {
  /** Rows per transaction (default 10,000). */
  readonly batchSize?: number;
  /** Field delimiter (default ","). */
  readonly delimiter?: string;
  /** Delimiter inside :LABEL and array fields (default ";"). */
  readonly arrayDelimiter?: string;
  /** Upper bound for one batch's transaction (default 120 s). */
  readonly batchTimeoutMs?: number;
  /** Called after every committed batch. */
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  /** The file the batch came from. */
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  /** Rows written so far, over all files. */
  readonly rows: number;
  readonly nodes: number;
  readonly relationships: number;
  /** Input bytes consumed so far and in all, for a percentage and an ETA. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly elapsedMs: number;
}

export interface ImportSummary {
  readonly files: number;
  /** Node rows and relationship rows read and written (MERGEd) from the files. */
  readonly nodes: number;
  readonly relationships: number;
  /** Of those, how many did not exist before this run. */
  readonly nodesCreated: number;
  readonly relationshipsCreated: number;
  /** Node rows per label (a node with two labels counts under both) and rows per type. */
  readonly labels: Readonly<Record<string, number>>;
  readonly types: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  readonly rowsPerSecond: number;
}

/** The property that holds a node's `:ID`. */
export const IMPORT_ID = 'importId';
/** The property that tells parallel relationships apart (only on the second and later ones). */
export const IMPORT_SEQ = 'importSeq';

/** Labels and types enter Cypher (they cannot be parameters): letters, digits and _ only. */
const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_]*$/u;

const quote = (identifier: string): string => `\`${identifier}\``;

/** The constraint that backs MERGE on (label, importId). */
export function importConstraintName(label: string): string {
  return `import_id_${label}`;
}

interface NodeRow {
  id: string;
  props: Record<string, PropertyValue>;
}
interface RelRow {
  s: string;
  e: string;
  props: Record<string, PropertyValue>;
  q?: number;
}

/** Rows of one batch that share a statement (same labels, or same type and endpoint labels). */
interface Group<R> {
  /** The statement, given whether its label or type was absent from the database at the start. */
  readonly cypher: (fresh: boolean) => string;
  /** The first label (nodes) or the type (relationships) that decides `fresh`. */
  readonly key: string;
  readonly rows: R[];
  /** For the per-label and per-type counts. */
  readonly names: readonly string[];
  /** Rows that are the second or later of a parallel group (MERGEd on importSeq). */
  readonly parallel: boolean;
}

interface Batch {
  readonly file: ImportFile;
  readonly firstLine: number;
  lastLine: number;
  readonly groups: Map<string, Group<NodeRow | RelRow>>;
  readonly newLabels: Set<string>;
  rows: number;
  bytesAtEnd: number;
}

/** What the importer remembers across files: every node's first label, and relationship triples. */
class ImportState {
  /** ID-space key → ordinal. */
  readonly ordinals = new Map<string, number>();
  /** ordinal → index in labelNames of the node's first label. */
  readonly firstLabel: number[] = [];
  readonly labelNames: string[] = [];
  private readonly labelIndex = new Map<string, number>();
  readonly constrained = new Set<string>();
  /** "start,type,end" (ordinals) → how many seen, for parallel relationships. */
  readonly triples = new Map<string, number>();
  readonly typeIndex = new Map<string, number>();

  label(name: string): number {
    let i = this.labelIndex.get(name);
    if (i === undefined) {
      i = this.labelNames.length;
      this.labelNames.push(name);
      this.labelIndex.set(name, i);
    }
    return i;
  }

  type(name: string): number {
    let i = this.typeIndex.get(name);
    if (i === undefined) {
      i = this.typeIndex.size;
      this.typeIndex.set(name, i);
    }
    return i;
  }
}

const spaceKey = (group: string | undefined, id: string): string =>
  group === undefined ? id : `${group}\u0000${id}`;
const storedId = (group: string | undefined, id: string): string =>
  group === undefined ? id : `${group}:${id}`;

/** fresh: no node of the first label existed when the import began, so CREATE gives what MERGE would. */
function nodeStatement(labels: readonly string[], fresh: boolean): string {
  const [first, ...rest] = labels;
  const extra = rest.length > 0 ? `, n:${rest.map(quote).join(':')}` : '';
  return [
    'UNWIND $rows AS row',
    `${fresh ? 'CREATE' : 'MERGE'} (n:${quote(first ?? '')} {${IMPORT_ID}: row.id})`,
    `SET n += row.props${extra}`,
    'RETURN count(*) AS written',
  ].join('\n');
}

/** fresh: no relationship of the type existed when the import began (see importCsvDirectory). */
function relationshipStatement(
  type: string,
  startLabel: string,
  endLabel: string,
  parallel: boolean,
  fresh: boolean,
): string {
  const pattern = parallel
    ? `(a)-[r:${quote(type)} {${IMPORT_SEQ}: row.q}]->(b)`
    : `(a)-[r:${quote(type)}]->(b)`;
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${quote(startLabel)} {${IMPORT_ID}: row.s})`,
    `MATCH (b:${quote(endLabel)} {${IMPORT_ID}: row.e})`,
    ...(fresh
      ? [`CREATE ${pattern}`, 'SET r += row.props', 'RETURN count(*) AS written']
      : [
          `MERGE ${pattern}`,
          'ON CREATE SET r += row.props',
          // MERGE returns every match, so a first-of-its-kind row that meets existing parallel
          // relationships comes back more than once; counting rows, not matches, checks the
          // endpoints.
          'RETURN count(DISTINCT row) AS written',
        ]),
  ].join('\n');
}

/** Reads the property columns of a record into a map; empty fields give no property. */
function readProperties(
  columns: readonly Column[],
  record: readonly string[],
  arrayDelimiter: string,
  file: string,
  line: number,
): Record<string, PropertyValue> {
  const props: Record<string, PropertyValue> = {};
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const text = record[i] ?? '';
    if (c === undefined || text === '') continue;
    if (c.kind === 'id' && c.key !== undefined) {
      props[c.key] = text;
    } else if (c.kind === 'property') {
      try {
        const value = parseValue(text, c.type, c.array, arrayDelimiter);
        if (value !== undefined) props[c.key] = value;
      } catch (err) {
        if (err instanceof ValueError) {
          throw new ImportError(file, line, `column "${c.key}": ${err.message}`);
        }
        throw err;
      }
    }
  }
  return props;
}

function checkIdentifier(kind: string, name: string, file: string, line: number): void {
  if (!IDENTIFIER.test(name)) {
    throw new ImportError(
      file,
      line,
      `${kind} "${name}" is not usable: labels and relationship types may contain only letters, digits and _, and may not start with a digit`,
    );
  }
}

/**
 * Imports every CSV file of `dir` (node files first) into `db`. Throws ImportError, with file and
 * line, for the first malformed row; batches before it stay written and a re-run after fixing the
 * file completes the import.
 */
export async function importCsvDirectory(
  db: Database,
  dir: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  const delimiter = options.delimiter ?? ',';
  const arrayDelimiter = options.arrayDelimiter ?? ';';
  const timeout = options.batchTimeoutMs ?? 120_000;
  const files = listImportFiles(dir, delimiter);
  const bytesTotal = files.reduce((sum, f) => sum + f.bytes, 0);

  const state = new ImportState();
  const started = Date.now();
  const totals = { nodes: 0, relationships: 0, nodesCreated: 0, relationshipsCreated: 0 };
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  let bytesBefore = 0;

  const session = db.session('WRITE');

  const ensureConstraints = async (batch: Batch): Promise<void> => {
    const missing = [...batch.newLabels].filter((l) => !state.constrained.has(l));
    if (missing.length === 0) return;
    for (const label of missing) {
      // Schema changes need their own transaction; IF NOT EXISTS makes re-runs a no-op.
      await session.executeWrite((tx) =>
        tx.run(
          `CREATE CONSTRAINT ${quote(importConstraintName(label))} IF NOT EXISTS FOR (n:${quote(label)}) REQUIRE n.${IMPORT_ID} IS UNIQUE`,
        ),
      );
      state.constrained.add(label);
    }
    await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(300)'));
  };

  /**
   * Whether each label and type of the batch was absent from the database when this import began.
   * Asked (from the count store, O(1)) before the first batch holding it is written; earlier
   * batches of this run never hold it, so the answer describes the database before the run.
   */
  const fresh = new Map<string, boolean>();
  const checkFresh = async (batch: Batch): Promise<void> => {
    const isNodes = batch.file.header.kind === 'nodes';
    for (const group of batch.groups.values()) {
      const mapKey = `${isNodes ? 'L' : 'T'}:${group.key}`;
      if (fresh.has(mapKey)) continue;
      const cypher = isNodes
        ? `MATCH (n:${quote(group.key)}) RETURN count(n) AS c`
        : `MATCH ()-[r:${quote(group.key)}]->() RETURN count(r) AS c`;
      const result = await session.executeRead((tx) => tx.run(cypher));
      fresh.set(mapKey, Number(result.records[0]?.get('c') ?? 1) === 0);
    }
  };

  const writeGroups = async (tx: ManagedTransaction, batch: Batch) => {
    const isNodes = batch.file.header.kind === 'nodes';
    let created = 0;
    // The first of a parallel group is MERGEd on (start, type, end) alone, so it must exist
    // before its siblings do, or it would match one of them.
    const groups = [...batch.groups.values()].sort(
      (a, b) => Number(a.parallel) - Number(b.parallel),
    );
    for (const group of groups) {
      const isFresh = fresh.get(`${isNodes ? 'L' : 'T'}:${group.key}`) === true;
      const result = await tx.run(group.cypher(isFresh), { rows: group.rows });
      const written = Number(result.records[0]?.get('written') ?? 0);
      if (written !== group.rows.length) {
        // Only possible if a node vanished between its batch and this one (another writer):
        // throwing rolls the whole batch back.
        throw new ImportError(
          batch.file.path,
          batch.firstLine,
          `${group.rows.length - written} of ${group.rows.length} rows in lines ${batch.firstLine}–${batch.lastLine} found no endpoint node in the database; was it changed during the import?`,
        );
      }
      const counters = result.summary.counters.updates();
      created +=
        batch.file.header.kind === 'nodes' ? counters.nodesCreated : counters.relationshipsCreated;
    }
    return created;
  };

  const send = async (batch: Batch, fileIndex: number): Promise<void> => {
    if (batch.rows === 0) return;
    await ensureConstraints(batch);
    await checkFresh(batch);
    let created: number;
    try {
      created = await session.executeWrite((tx) => writeGroups(tx, batch), {
        timeout,
        metadata: { app: 'dossier-import', file: basename(batch.file.path) },
      });
    } catch (err) {
      if (err instanceof Neo4jError) {
        throw new ImportError(
          batch.file.path,
          batch.firstLine,
          `Neo4j refused the batch of lines ${batch.firstLine}–${batch.lastLine} (${err.code}): ${err.message}`,
        );
      }
      throw err;
    }
    const isNodes = batch.file.header.kind === 'nodes';
    for (const group of batch.groups.values()) {
      for (const name of group.names) {
        const counts = isNodes ? labels : types;
        counts[name] = (counts[name] ?? 0) + group.rows.length;
      }
    }
    if (isNodes) {
      totals.nodes += batch.rows;
      totals.nodesCreated += created;
    } else {
      totals.relationships += batch.rows;
      totals.relationshipsCreated += created;
    }
    options.onProgress?.({
      file: batch.file.path,
      fileIndex,
      fileCount: files.length,
      rows: totals.nodes + totals.relationships,
      nodes: totals.nodes,
      relationships: totals.relationships,
      bytesDone: bytesBefore + batch.bytesAtEnd,
      bytesTotal,
      elapsedMs: Date.now() - started,
    });
  };

  try {
    for (const [fileIndex, file] of files.entries()) {
      await importFile(file, fileIndex);
      bytesBefore += file.bytes;
    }
  } finally {
    await session.close();
  }

  async function importFile(file: ImportFile, fileIndex: number): Promise<void> {
    const header = file.header;
    const parser = createReadStream(file.path).pipe(
      parse({
        bom: true,
        delimiter,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
      }),
    );
    const newBatch = (firstLine: number): Batch => ({
      file,
      firstLine,
      lastLine: firstLine,
      groups: new Map(),
      newLabels: new Set(),
      rows: 0,
      bytesAtEnd: 0,
    });
    let batch: Batch | undefined;
    let inFlight: Promise<void> = Promise.resolve();
    let previousEnd = 0;
    let previousEmpty = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number; empty_lines: number; bytes: number; records: number };
      }>) {
        // csv-parse reports the line a record ends on; its start is the line after the previous
        // record's end plus any blank lines skipped in between.
        const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
        previousEnd = info.lines;
        previousEmpty = info.empty_lines;
        if (info.records === 1 && file.headerInFile) continue;
        batch ??= newBatch(line);
        if (header.kind === 'nodes') {
          addNodeRow(batch, header, record, line);
        } else {
          addRelationshipRow(batch, header, record, line);
        }
        batch.rows++;
        batch.lastLine = line;
        batch.bytesAtEnd = info.bytes;
        if (batch.rows >= batchSize) {
          // One writer: the next batch is parsed while this one is written, never sent alongside.
          const ready = batch;
          batch = undefined;
          await inFlight;
          inFlight = send(ready, fileIndex);
        }
      }
      await inFlight;
      if (batch) await send(batch, fileIndex);
    } catch (err) {
      await inFlight.catch(() => undefined);
      parser.destroy();
      if (err instanceof CsvError) {
        const where = (err as CsvError & { lines?: number }).lines;
        throw new ImportError(file.path, where, `malformed CSV: ${err.message}`);
      }
      throw err;
    }
  }

  function checkWidth(file: string, header: Header, record: readonly string[], line: number) {
    if (record.length !== header.columns.length) {
      throw new ImportError(
        file,
        line,
        `expected ${header.columns.length} columns as in the header, found ${record.length}`,
      );
    }
  }

  function addNodeRow(batch: Batch, header: NodeHeader, record: string[], line: number): void {
    const path = batch.file.path;
    checkWidth(path, header, record, line);
    const id = record[header.idIndex] ?? '';
    if (id === '') throw new ImportError(path, line, 'the :ID field is empty');
    const labelText = header.labelIndex === undefined ? '' : (record[header.labelIndex] ?? '');
    const nodeLabels = labelText
      .split(arrayDelimiter)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (nodeLabels.length === 0) {
      throw new ImportError(path, line, 'the node has no label (Dossier needs at least one)');
    }
    for (const l of nodeLabels) checkIdentifier('label', l, path, line);
    const key = spaceKey(header.idGroup, id);
    if (state.ordinals.has(key)) {
      throw new ImportError(
        path,
        line,
        `:ID "${id}" is already used by another node of this import`,
      );
    }
    const props = readProperties(header.columns, record, arrayDelimiter, path, line);
    const first = nodeLabels[0] ?? '';
    state.ordinals.set(key, state.firstLabel.length);
    state.firstLabel.push(state.label(first));
    if (!state.constrained.has(first)) batch.newLabels.add(first);

    const groupKey = nodeLabels.join('\u0000');
    let group = batch.groups.get(groupKey);
    if (!group) {
      group = {
        cypher: (fresh) => nodeStatement(nodeLabels, fresh),
        key: first,
        rows: [],
        names: nodeLabels,
        parallel: false,
      };
      batch.groups.set(groupKey, group);
    }
    group.rows.push({ id: storedId(header.idGroup, id), props });
  }

  function addRelationshipRow(
    batch: Batch,
    header: RelationshipHeader,
    record: string[],
    line: number,
  ): void {
    const path = batch.file.path;
    checkWidth(path, header, record, line);
    const endpoint = (index: number, group: string | undefined, name: string) => {
      const id = record[index] ?? '';
      if (id === '') throw new ImportError(path, line, `the ${name} field is empty`);
      const ordinal = state.ordinals.get(spaceKey(group, id));
      if (ordinal === undefined) {
        throw new ImportError(
          path,
          line,
          `${name} "${id}"${group === undefined ? '' : ` (group ${group})`} is not the :ID of any node in the node files`,
        );
      }
      return {
        id: storedId(group, id),
        ordinal,
        label: state.labelNames[state.firstLabel[ordinal] ?? 0] ?? '',
      };
    };
    const type = (record[header.typeIndex] ?? '').trim();
    if (type === '') throw new ImportError(path, line, 'the :TYPE field is empty');
    checkIdentifier('relationship type', type, path, line);
    const start = endpoint(header.startIndex, header.startGroup, ':START_ID');
    const end = endpoint(header.endIndex, header.endGroup, ':END_ID');
    const props = readProperties(header.columns, record, arrayDelimiter, path, line);

    const tripleKey = `${start.ordinal},${state.type(type)},${end.ordinal}`;
    const seen = state.triples.get(tripleKey) ?? 0;
    state.triples.set(tripleKey, seen + 1);

    const groupKey = `${type}\u0000${start.label}\u0000${end.label}\u0000${seen > 0 ? 'p' : ''}`;
    let group = batch.groups.get(groupKey);
    if (!group) {
      group = {
        cypher: (fresh) => relationshipStatement(type, start.label, end.label, seen > 0, fresh),
        key: type,
        rows: [],
        names: [type],
        parallel: seen > 0,
      };
      batch.groups.set(groupKey, group);
    }
    const row: RelRow = { s: start.id, e: end.id, props };
    if (seen > 0) row.q = seen;
    group.rows.push(row);
  }

  const elapsedMs = Date.now() - started;
  const rows = totals.nodes + totals.relationships;
  return {
    files: files.length,
    ...totals,
    labels,
    types,
    elapsedMs,
    rowsPerSecond: elapsedMs > 0 ? Math.round((rows / elapsedMs) * 1000) : rows,
  };
}
