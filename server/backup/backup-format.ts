import { CodecError, decodeProperties } from './value-codec.js';

/**
 * A Dossier backup: gzip'd JSON lines, one record per line, in this order —
 *   {"format":"dossier-backup","version":1,…}         the header, with the expected counts
 *   {"schema":{"constraints":[…],"indexes":[…]}}       Neo4j's own CREATE statements
 *   {"n":"<id>","l":["Label",…],"p":{…}}               one line per node
 *   {"r":"<type>","s":"<start id>","e":"<end id>","p":{…}}   one per relationship
 *   {"end":{"nodes":N,"relationships":M}}              the footer: a file without it is truncated
 * Node ids are the source database's element ids, used only to join relationships to their
 * ends. Property values are tagged (value-codec.ts). Dossier's bookkeeping (history,
 * idempotency keys, saved cases) is ordinary nodes and relationships here.
 */
export const FORMAT = 'dossier-backup';
export const FORMAT_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof FORMAT;
  readonly version: typeof FORMAT_VERSION;
  readonly createdAt: string;
  readonly dossierVersion: string;
  readonly neo4jVersion: string;
  readonly database: string;
  readonly nodes: number;
  readonly relationships: number;
}

export interface BackupSchema {
  readonly constraints: readonly string[];
  readonly indexes: readonly string[];
}

export interface NodeLine {
  readonly id: string;
  readonly labels: readonly string[];
  readonly properties: Record<string, unknown>;
}

export interface RelationshipLine {
  readonly type: string;
  readonly start: string;
  readonly end: string;
  readonly properties: Record<string, unknown>;
}

export type BackupRecord =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'schema'; schema: BackupSchema }
  | { kind: 'node'; node: NodeLine }
  | { kind: 'relationship'; relationship: RelationshipLine }
  | { kind: 'end'; nodes: number; relationships: number };

/** A problem with the backup file itself, at a line (1-based) when it has one. */
export class BackupFileError extends Error {
  override name = 'BackupFileError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${problem}`);
  }
}

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Parses one line; throws CodecError (caller adds file and line) when it is not a record. */
export function parseLine(text: string): BackupRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CodecError(`not JSON (${(err as Error).message})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CodecError('a line must be a JSON object');
  }
  const o = json as Record<string, unknown>;
  if ('n' in o) {
    if (typeof o['n'] !== 'string' || !isStringArray(o['l'])) {
      throw new CodecError('a node needs an id "n" and labels "l"');
    }
    return {
      kind: 'node',
      node: { id: o['n'], labels: o['l'], properties: decodeProperties(o['p']) },
    };
  }
  if ('r' in o) {
    if (
      typeof o['r'] !== 'string' ||
      o['r'] === '' ||
      typeof o['s'] !== 'string' ||
      typeof o['e'] !== 'string'
    ) {
      throw new CodecError('a relationship needs a type "r" and node ids "s" and "e"');
    }
    return {
      kind: 'relationship',
      relationship: {
        type: o['r'],
        start: o['s'],
        end: o['e'],
        properties: decodeProperties(o['p']),
      },
    };
  }
  if ('format' in o) {
    if (o['format'] !== FORMAT)
      throw new CodecError('not a Dossier backup (no "dossier-backup" header)');
    if (o['version'] !== FORMAT_VERSION) {
      throw new CodecError(
        `backup format version ${String(o['version'])}; this Dossier reads version ${FORMAT_VERSION}`,
      );
    }
    if (!isCount(o['nodes']) || !isCount(o['relationships'])) {
      throw new CodecError('the header needs the counts "nodes" and "relationships"');
    }
    return { kind: 'header', header: o as unknown as BackupHeader };
  }
  if ('schema' in o) {
    const s = o['schema'] as Record<string, unknown> | null;
    if (!s || !isStringArray(s['constraints']) || !isStringArray(s['indexes'])) {
      throw new CodecError('the schema needs "constraints" and "indexes" as lists of statements');
    }
    return { kind: 'schema', schema: { constraints: s['constraints'], indexes: s['indexes'] } };
  }
  if ('end' in o) {
    const e = o['end'] as Record<string, unknown> | null;
    if (!e || !isCount(e['nodes']) || !isCount(e['relationships'])) {
      throw new CodecError('the footer needs the counts "nodes" and "relationships"');
    }
    return { kind: 'end', nodes: e['nodes'], relationships: e['relationships'] };
  }
  throw new CodecError('not a header, schema, node, relationship or footer line');
}
