import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { HeaderError, parseHeader, type Header } from './csv-header.js';
import { ImportError } from './import-error.js';

/** One data file of an import, with the header that describes it. */
export interface ImportFile {
  readonly path: string;
  readonly header: Header;
  /** False when the header came from a separate `<name>-header.csv` file. */
  readonly headerInFile: boolean;
  readonly bytes: number;
}

const HEADER_FILE = /^(.+?)[-_]header\.csv$/i;

/** The first line of a file (headers are one line; a quoted newline in a header is not supported). */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    closeSync(fd);
  }
}

function readHeader(path: string, delimiter: string): Header {
  const line = firstLine(path);
  if (line.trim() === '') throw new ImportError(path, 1, 'the header line is empty');
  let fields: string[];
  try {
    const records = parse(line, { delimiter }) as string[][];
    fields = records[0] ?? [];
  } catch (err) {
    throw new ImportError(path, 1, `the header is not valid CSV: ${(err as Error).message}`);
  }
  try {
    return parseHeader(fields);
  } catch (err) {
    if (err instanceof HeaderError) throw new ImportError(path, 1, err.message);
    throw err;
  }
}

/**
 * The CSV files of a directory in import order: every node file (by name), then every relationship
 * file (by name), so that all endpoints are known before the first relationship is written.
 * A file `X-header.csv` (or `X_header.csv`) holds the header of `X.csv` and of `X-*.csv`/`X_*.csv`,
 * which then have no header line of their own, as with neo4j-admin's split files.
 */
export function listImportFiles(dir: string, delimiter = ','): ImportFile[] {
  const names = readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.csv') && statSync(join(dir, n)).isFile())
    .sort();
  const headerFiles = new Map<string, string>();
  for (const n of names) {
    const m = HEADER_FILE.exec(n);
    if (m?.[1] !== undefined) headerFiles.set(m[1], n);
  }
  const headerFor = (name: string): string | undefined => {
    for (const [base, file] of headerFiles) {
      const stem = name.slice(0, -'.csv'.length);
      if (stem === base || (name.startsWith(base) && /[-_.]/.test(name.charAt(base.length)))) {
        return file;
      }
    }
    return undefined;
  };

  const files: ImportFile[] = [];
  for (const name of names) {
    if (HEADER_FILE.test(name)) continue;
    const path = join(dir, name);
    const separate = headerFor(name);
    const header = readHeader(separate === undefined ? path : join(dir, separate), delimiter);
    files.push({ path, header, headerInFile: separate === undefined, bytes: statSync(path).size });
  }
  if (files.length === 0) {
    throw new ImportError(dir, undefined, 'no .csv files to import in this directory');
  }
  const rank = (f: ImportFile): number => (f.header.kind === 'nodes' ? 0 : 1);
  // Names are already in code-point order and the sort is stable.
  return files.sort((a, b) => rank(a) - rank(b));
}
