import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import type { Column } from '../../server/import/csv-header.js';
import { importConstraintName, IMPORT_ID } from '../../server/import/import-csv.js';
import { listImportFiles, type ImportFile } from '../../server/import/import-files.js';
import type { Database } from '../../server/db/database.js';

/**
 * The LOAD CSV script a Neo4j user would write for the same files and the same graph: the same
 * uniqueness constraints, nodes MERGEd on (label, importId) with typed properties converted in
 * Cypher, relationships MATCHing their endpoints through those constraints, all in
 * `CALL { … } IN TRANSACTIONS` of the same batch size. Relationships are MERGEd, except in a file
 * with parallel duplicates, where MERGE would collapse them and CREATE is what gives the same graph.
 */
export interface LoadCsvPlan {
  readonly constraints: readonly string[];
  readonly statements: readonly { readonly file: string; readonly cypher: string }[];
  readonly rows: number;
}

const quote = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

function convert(column: Extract<Column, { kind: 'property' }>, expr: string): string {
  const scalar = (x: string): string => {
    switch (column.type) {
      case 'string':
      case 'char':
        return x;
      case 'int':
      case 'long':
      case 'short':
      case 'byte':
        return `toInteger(${x})`;
      case 'float':
      case 'double':
        return `toFloat(${x})`;
      case 'boolean':
        return `toBoolean(${x})`;
      default:
        return `${column.type}(${x})`;
    }
  };
  return column.array ? `[x IN split(${expr}, ';') | ${scalar('x')}]` : scalar(expr);
}

/** `{key: conversion(row.`header`), …}` for the property columns of a header. */
function propertyMap(file: ImportFile, headerFields: readonly string[]): string {
  const entries: string[] = [];
  file.header.columns.forEach((c, i) => {
    const field = `row.${quote(headerFields[i] ?? '')}`;
    if (c.kind === 'property') entries.push(`${quote(c.key)}: ${convert(c, field)}`);
    if (c.kind === 'id' && c.key !== undefined) entries.push(`${quote(c.key)}: ${field}`);
  });
  return `{${entries.join(', ')}}`;
}

interface FileScan {
  rows: number;
  firstLabels: Set<string>;
  extraLabels: boolean;
  startLabels: Set<string>;
  endLabels: Set<string>;
  types: Set<string>;
  parallel: boolean;
  fields: string[];
}

async function scan(file: ImportFile, labelOf: Map<string, string>): Promise<FileScan> {
  const result: FileScan = {
    rows: 0,
    firstLabels: new Set(),
    extraLabels: false,
    startLabels: new Set(),
    endLabels: new Set(),
    types: new Set(),
    parallel: false,
    fields: [],
  };
  const triples = new Set<string>();
  const h = file.header;
  const group = (g: string | undefined, id: string): string =>
    g === undefined ? id : `${g}:${id}`;
  let first = true;
  for await (const record of createReadStream(file.path).pipe(
    parse({ bom: true, relax_column_count: true }),
  ) as AsyncIterable<string[]>) {
    if (first) {
      result.fields = record;
      first = false;
      continue;
    }
    result.rows++;
    if (h.kind === 'nodes') {
      const labels = (record[h.labelIndex ?? -1] ?? '').split(';').filter(Boolean);
      const label = labels[0] ?? '';
      result.firstLabels.add(label);
      if (labels.length > 1) result.extraLabels = true;
      labelOf.set(group(h.idGroup, record[h.idIndex] ?? ''), label);
    } else {
      const s = group(h.startGroup, record[h.startIndex] ?? '');
      const e = group(h.endGroup, record[h.endIndex] ?? '');
      const t = record[h.typeIndex] ?? '';
      result.startLabels.add(labelOf.get(s) ?? '');
      result.endLabels.add(labelOf.get(e) ?? '');
      result.types.add(t);
      const key = `${s}\u0000${t}\u0000${e}`;
      if (triples.has(key)) result.parallel = true;
      triples.add(key);
    }
  }
  return result;
}

/** MATCHes `name` by importId among the labels its ids have in the node files. */
function endpoint(name: string, labels: Set<string>, idExpr: string): string {
  const list = [...labels].sort();
  if (list.length === 1) return `MATCH (${name}:${quote(list[0] ?? '')} {${IMPORT_ID}: ${idExpr}})`;
  const parts = list.map(
    (l, i) => `OPTIONAL MATCH (${name}${i}:${quote(l)} {${IMPORT_ID}: ${idExpr}})`,
  );
  return `${parts.join('\n  ')}\n  WITH *, coalesce(${list.map((_, i) => `${name}${i}`).join(', ')}) AS ${name}`;
}

/** urlPath is where dir lies under the Neo4j's import directory (file:///<urlPath>/<file>). */
export async function buildLoadCsvPlan(
  dir: string,
  urlPath: string,
  batchSize: number,
): Promise<LoadCsvPlan> {
  const files = listImportFiles(dir);
  const labelOf = new Map<string, string>();
  const labels = new Set<string>();
  const statements: { file: string; cypher: string }[] = [];
  let rows = 0;
  for (const file of files) {
    if (!file.headerInFile)
      throw new Error(`${basename(file.path)}: LOAD CSV needs the header in the file`);
    const s = await scan(file, labelOf);
    rows += s.rows;
    const h = file.header;
    const field = (i: number): string => `row.${quote(s.fields[i] ?? '')}`;
    const idExpr = (i: number, g: string | undefined): string =>
      g === undefined ? field(i) : `'${g.replace(/'/g, "\\'")}:' + ${field(i)}`;
    let body: string;
    if (h.kind === 'nodes') {
      if (s.firstLabels.size !== 1)
        throw new Error(`${basename(file.path)}: one first label per node file, please`);
      const label = [...s.firstLabels][0] ?? '';
      labels.add(label);
      body = [
        `MERGE (n:${quote(label)} {${IMPORT_ID}: ${idExpr(h.idIndex, h.idGroup)}})`,
        `SET n += ${propertyMap(file, s.fields)}`,
        ...(s.extraLabels ? [`SET n:$(tail(split(${field(h.labelIndex ?? 0)}, ';')))`] : []),
      ].join('\n  ');
    } else {
      if (s.types.size !== 1)
        throw new Error(`${basename(file.path)}: one type per relationship file, please`);
      const type = quote([...s.types][0] ?? '');
      body = [
        endpoint('a', s.startLabels, idExpr(h.startIndex, h.startGroup)),
        endpoint('b', s.endLabels, idExpr(h.endIndex, h.endGroup)),
        ...(s.startLabels.size > 1 || s.endLabels.size > 1
          ? ['WITH * WHERE a IS NOT NULL AND b IS NOT NULL']
          : []),
        s.parallel
          ? `CREATE (a)-[r:${type}]->(b) SET r += ${propertyMap(file, s.fields)}`
          : `MERGE (a)-[r:${type}]->(b) ON CREATE SET r += ${propertyMap(file, s.fields)}`,
      ].join('\n  ');
    }
    statements.push({
      file: basename(file.path),
      cypher: `LOAD CSV WITH HEADERS FROM 'file:///${urlPath}/${encodeURIComponent(basename(file.path))}' AS row\nCALL (row) {\n  ${body}\n} IN TRANSACTIONS OF ${batchSize} ROWS`,
    });
  }
  const constraints = [...labels].map(
    (l) =>
      `CREATE CONSTRAINT ${quote(importConstraintName(l))} IF NOT EXISTS FOR (n:${quote(l)}) REQUIRE n.${IMPORT_ID} IS UNIQUE`,
  );
  return { constraints, statements, rows };
}

/**
 * Runs a plan as a LOAD CSV user would: its constraints, the wait for their indexes, then each
 * statement in an auto-commit transaction (CALL … IN TRANSACTIONS needs one).
 */
export async function runLoadCsvPlan(db: Database, plan: LoadCsvPlan): Promise<void> {
  const session = db.session('WRITE');
  try {
    for (const c of plan.constraints) await session.run(c);
    await session.run('CALL db.awaitIndexes(300)');
    for (const s of plan.statements) await session.run(s.cypher);
  } finally {
    await session.close();
  }
}
