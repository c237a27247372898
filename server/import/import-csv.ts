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
/** Property keys come from headers and may hold any character, a backtick too. */
const quoteKey = (key: string): string => `\`${key.replace(/`/g, '``')}\``;

/** The constraint that backs MERGE on (label, importId). */
export function importConstraintName(label: string): string {
  return `import_id_${label}`;
}

/**
 * Rows travel as positional lists, not maps: a map repeats every key in every row, which the
 * driver encodes and Neo4j decodes each time. A node row is [importId, ...property values]; a
 * relationship row [start importId, end importId, ...property values, importSeq when parallel].
 * An empty field is null, which CREATE skips and the MERGE path's coalesce keeps as it was.
 */
type NodeRow = (PropertyValue | null)[];
type RelRow = (PropertyValue | number | null)[];

/** A column that becomes a property: a typed property column, or a named :ID(key) column. */
interface PropertyColumn {
  readonly index: number;
  readonly key: string;
  readonly column: Column;
}

function propertyColumns(columns: readonly Column[]): PropertyColumn[] {
  const result: PropertyColumn[] = [];
  columns.forEach((column, index) => {
    if (column.kind === 'property' || (column.kind === 'id' && column.key !== undefined)) {
      result.push({ index, key: column.key ?? '', column });
    }
  });
  return result;
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
  /** The file's property columns, in row order after the ids. */
  readonly properties: readonly PropertyColumn[];
  readonly newLabels: Set<string>;
  rows: number;
  /** Input bytes of the earlier files, and of this file up to the batch's last row. */
  readonly bytesBefore: number;
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
function nodeStatement(
  labels: readonly string[],
  properties: readonly PropertyColumn[],
  fresh: boolean,
): string {
  const [first, ...rest] = labels;
  const extra = rest.length > 0 ? [`SET n:${rest.map(quote).join(':')}`] : [];
  const label = quote(first ?? '');
  if (fresh) {
    const values = properties.map((p, i) => `, ${quoteKey(p.key)}: row[${i + 1}]`).join('');
    return [
      'UNWIND $rows AS row',
      `CREATE (n:${label} {${IMPORT_ID}: row[0]${values}})`,
      ...extra,
      'RETURN count(*) AS written',
    ].join('\n');
  }
  // An empty field leaves the property as it was, as `SET n += map` without that key did.
  const sets = properties.map((p, i) => {
    const key = `n.${quoteKey(p.key)}`;
    return `${key} = coalesce(row[${i + 1}], ${key})`;
  });
  return [
    'UNWIND $rows AS row',
    `MERGE (n:${label} {${IMPORT_ID}: row[0]})`,
    ...(sets.length > 0 ? [`SET ${sets.join(', ')}`] : []),
    ...extra,
    'RETURN count(*) AS written',
  ].join('\n');
}

/** fresh: no relationship of the type existed when the import began (see importCsvDirectory). */
function relationshipStatement(
  type: string,
  startLabel: string,
  endLabel: string,
  properties: readonly PropertyColumn[],
  parallel: boolean,
  fresh: boolean,
): string {
  const seq = parallel ? [`${IMPORT_SEQ}: row[${properties.length + 2}]`] : [];
  const values = properties.map((p, i) => `${quoteKey(p.key)}: row[${i + 2}]`);
  const pattern = (entries: readonly string[]) =>
    `(a)-[r:${quote(type)}${entries.length > 0 ? ` {${entries.join(', ')}}` : ''}]->(b)`;
  // Set on a new relationship only: null (an empty field) sets nothing.
  const onCreate = properties.map((p, i) => `r.${quoteKey(p.key)} = row[${i + 2}]`);
  return [
    'UNWIND $rows AS row',
    `MATCH (a:${quote(startLabel)} {${IMPORT_ID}: row[0]})`,
    `MATCH (b:${quote(endLabel)} {${IMPORT_ID}: row[1]})`,
    ...(fresh
      ? [`CREATE ${pattern([...values, ...seq])}`, 'RETURN count(*) AS written']
      : [
          `MERGE ${pattern(seq)}`,
          ...(onCreate.length > 0 ? [`ON CREATE SET ${onCreate.join(', ')}`] : []),
          // MERGE returns every match, so a first-of-its-kind row that meets existing parallel
          // relationships comes back more than once; counting rows, not matches, checks the
          // endpoints.
          'RETURN count(DISTINCT row) AS written',
        ]),
  ].join('\n');
}

/** Appends the property values of a record to a row; an empty field gives null (no property). */
function pushProperties(
  row: (PropertyValue | number | null)[],
  properties: readonly PropertyColumn[],
  record: readonly string[],
  arrayDelimiter: string,
  file: string,
  line: number,
): void {
  for (const { index, key, column } of properties) {
    const text = record[index] ?? '';
    if (text === '') {
      row.push(null);
    } else if (column.kind === 'property') {
      try {
        row.push(parseValue(text, column.type, column.array, arrayDelimiter) ?? null);
      } catch (err) {
        if (err instanceof ValueError) {
          throw new ImportError(file, line, `column "${key}": ${err.message}`);
        }
        throw err;
      }
    } else {
      row.push(text);
    }
  }
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
  // The one batch being written: the next one, also of the next file, is parsed meanwhile.
  let inFlight: Promise<void> = Promise.resolve();

  const session = db.session('WRITE');

  const ensureConstraints = async (batch: Batch): Promise<void> => {
    const missing = [...batch.newLabels].filter((l) => !state.constrained.has(l));
    if (missing.length === 0) return;
    let existed = false;
    for (const label of missing) {
      // Schema changes need their own transaction; IF NOT EXISTS makes re-runs a no-op.
      const result = await session.executeWrite((tx) =>
        tx.run(
          `CREATE CONSTRAINT ${quote(importConstraintName(label))} IF NOT EXISTS FOR (n:${quote(label)}) REQUIRE n.${IMPORT_ID} IS UNIQUE`,
        ),
      );
      existed ||= result.summary.counters.updates().constraintsAdded === 0;
      state.constrained.add(label);
    }
    // A uniqueness constraint is committed only once its index is populated, so one created here
    // is already online; one found existing may have been created by someone else a moment ago.
    if (existed) await session.executeRead((tx) => tx.run('CALL db.awaitIndexes(300)'));
  };

  /**
   * Whether each label and type of the batch was absent from the database when this import began.
   * Asked (from the count store, O(1)) before the first batch holding it is written; earlier
   * batches of this run never hold it, so the answer describes the database before the run.
   */
  const fresh = new Map<string, boolean>();
  // An empty database (the usual first import) makes every label and type fresh without asking
  // for each one: one count from the count store instead of one per label and type.
  // Asked before the first batch, so it too describes the database before the run.
  let emptyAtStart: boolean | undefined;
  const checkFresh = async (batch: Batch): Promise<void> => {
    emptyAtStart ??= await session.executeRead(async (tx) => {
      const result = await tx.run('MATCH (n) RETURN count(n) = 0 AS empty');
      return result.records[0]?.get('empty') === true;
    });
    const isNodes = batch.file.header.kind === 'nodes';
    for (const group of batch.groups.values()) {
      const mapKey = `${isNodes ? 'L' : 'T'}:${group.key}`;
      if (fresh.has(mapKey)) continue;
      if (emptyAtStart) {
        fresh.set(mapKey, true);
        continue;
      }
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
      bytesDone: batch.bytesBefore + batch.bytesAtEnd,
      bytesTotal,
      elapsedMs: Date.now() - started,
    });
  };

  /** Waits for the batch in flight (throwing its error), then starts writing this one. */
  const queue = async (batch: Batch, fileIndex: number): Promise<void> => {
    await inFlight;
    inFlight = send(batch, fileIndex);
    // Seen by the next queue or the end of the import; until then it must not count as unhandled.
    inFlight.catch(() => undefined);
  };

  try {
    let bytesBefore = 0;
    for (const [fileIndex, file] of files.entries()) {
      await importFile(file, fileIndex, bytesBefore);
      bytesBefore += file.bytes;
    }
    await inFlight;
  } finally {
    await session.close();
  }

  /**
   * Parses one file into batches and queues each behind the one in flight. Returns with the
   * file's last batch possibly still being written, so parsing the next file overlaps it; the
   * writes stay one at a time, in file order.
   */
  async function importFile(file: ImportFile, fileIndex: number, bytesBefore: number) {
    const header = file.header;
    const properties = propertyColumns(header.columns);
    const reserved = header.kind === 'nodes' ? IMPORT_ID : IMPORT_SEQ;
    if (properties.some((p) => p.key === reserved)) {
      throw new ImportError(
        file.path,
        1,
        `the property "${reserved}" is Dossier's own (it tells imported ${header.kind} apart); rename that column`,
      );
    }
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
      properties,
      rows: 0,
      bytesBefore,
      bytesAtEnd: 0,
    });
    let batch: Batch | undefined;
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
          await queue(ready, fileIndex);
        }
      }
      if (batch) await queue(batch, fileIndex);
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
    const row: NodeRow = [storedId(header.idGroup, id)];
    pushProperties(row, batch.properties, record, arrayDelimiter, path, line);
    const first = nodeLabels[0] ?? '';
    state.ordinals.set(key, state.firstLabel.length);
    state.firstLabel.push(state.label(first));
    if (!state.constrained.has(first)) batch.newLabels.add(first);

    const groupKey = nodeLabels.join('\u0000');
    let group = batch.groups.get(groupKey);
    if (!group) {
      group = {
        cypher: (fresh) => nodeStatement(nodeLabels, batch.properties, fresh),
        key: first,
        rows: [],
        names: nodeLabels,
        parallel: false,
      };
      batch.groups.set(groupKey, group);
    }
    group.rows.push(row);
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
    const row: RelRow = [start.id, end.id];
    pushProperties(row, batch.properties, record, arrayDelimiter, path, line);

    const tripleKey = `${start.ordinal},${state.type(type)},${end.ordinal}`;
    const seen = state.triples.get(tripleKey) ?? 0;
    state.triples.set(tripleKey, seen + 1);

    const groupKey = `${type}\u0000${start.label}\u0000${end.label}\u0000${seen > 0 ? 'p' : ''}`;
    let group = batch.groups.get(groupKey);
    if (!group) {
      group = {
        cypher: (fresh) =>
          relationshipStatement(type, start.label, end.label, batch.properties, seen > 0, fresh),
        key: type,
        rows: [],
        names: [type],
        parallel: seen > 0,
      };
      batch.groups.set(groupKey, group);
    }
    if (seen > 0) row.push(seen);
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
