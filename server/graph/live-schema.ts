import type { Database, Tx } from '../db/database.js';
import { userError } from '../db/errors.js';

/** A node full-text index the search can use. */
export interface FulltextIndex {
  readonly name: string;
  readonly labels: readonly string[];
  readonly properties: readonly string[];
}

/** The names in use in the database, as Neo4j reports them. */
export interface LiveSchema {
  readonly labels: ReadonlySet<string>;
  readonly types: ReadonlySet<string>;
  readonly propertyKeys: ReadonlySet<string>;
  /** ONLINE node full-text indexes. */
  readonly fulltextIndexes: readonly FulltextIndex[];
  /** Date.now() when it was read. */
  readonly readAt: number;
}

/**
 * How long the names are trusted without asking again. A few seconds keeps every request at one
 * statement; a name missing from the cache triggers a fresh read before it is refused, so a label
 * created a moment ago is still accepted.
 */
export const LIVE_SCHEMA_TTL_MS = 5_000;

/** On a miss the names are read again unless they are younger than this, so a stream of unknown names cannot make every request read the schema. */
const MISS_REFRESH_MS = 1_000;

const TOKENS = `
CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys }
RETURN labels, types, keys`;

const FULLTEXT_INDEXES = `
SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, state
WHERE entityType = 'NODE' AND state = 'ONLINE'
RETURN name, labelsOrTypes AS labels, properties
ORDER BY name`;

/** The statements that read the live schema (tests tell them apart from a request's own). */
export const LIVE_SCHEMA_STATEMENTS: readonly string[] = [TOKENS, FULLTEXT_INDEXES];

interface Entry {
  schema?: LiveSchema;
  pending?: Promise<LiveSchema>;
}

const cache = new WeakMap<Database, Entry>();

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

async function readLiveSchema(tx: Tx): Promise<LiveSchema> {
  const [tokens] = await tx.run(TOKENS);
  const indexes = await tx.run(FULLTEXT_INDEXES);
  return {
    labels: new Set(strings(tokens?.['labels'])),
    types: new Set(strings(tokens?.['types'])),
    propertyKeys: new Set(strings(tokens?.['keys'])),
    fulltextIndexes: indexes.map((row) => ({
      name: String(row['name']),
      labels: strings(row['labels']),
      properties: strings(row['properties']),
    })),
    readAt: Date.now(),
  };
}

/**
 * The database's labels, relationship types, property keys and full-text indexes, cached per
 * Database for LIVE_SCHEMA_TTL_MS; concurrent callers share one read.
 */
export function liveSchema(db: Database, options: { maxAgeMs?: number } = {}): Promise<LiveSchema> {
  const maxAge = options.maxAgeMs ?? LIVE_SCHEMA_TTL_MS;
  let entry = cache.get(db);
  if (!entry) cache.set(db, (entry = {}));
  if (entry.schema && Date.now() - entry.schema.readAt <= maxAge) {
    return Promise.resolve(entry.schema);
  }
  if (entry.pending) return entry.pending;
  const e = entry;
  e.pending = db
    .readTransaction(readLiveSchema, { metadata: { app: 'dossier', purpose: 'live-schema' } })
    .then((schema) => {
      e.schema = schema;
      return schema;
    })
    .finally(() => {
      e.pending = undefined;
    });
  return e.pending;
}

/** Drops the cached names, e.g. after a test changed the schema. */
export function forgetLiveSchema(db: Database): void {
  cache.delete(db);
}

type Kind = 'label' | 'relationship type' | 'property key';

const pick: Record<Kind, (s: LiveSchema) => ReadonlySet<string>> = {
  label: (s) => s.labels,
  'relationship type': (s) => s.types,
  'property key': (s) => s.propertyKeys,
};

/** Lists at most `max` names, saying how many more there are. */
function listNames(names: Iterable<string>, max = 40): string {
  const all = [...names].sort();
  if (all.length === 0) return '(none: the database is empty)';
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown} … and ${all.length - max} more` : shown;
}

/** Edit distance between two short strings (names), a swap of neighbours counting as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known names closest to `name` (same letters ignoring case, or at most two edits away). */
export function similarNames(name: string, known: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  return [...known]
    .map((k) => ({ k, d: k.toLowerCase() === lower ? 0 : editDistance(lower, k.toLowerCase()) }))
    .filter(({ d }) => d <= (name.length <= 4 ? 1 : 2))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map(({ k }) => k);
}

/**
 * Confirms that every name exists in the live schema before it enters a statement; reads the
 * schema afresh once when one is missing from the cache. Throws BAD_USER_INPUT naming the known
 * ones otherwise. Returns the names, deduplicated, in the order given.
 */
export async function checkNames(
  db: Database,
  kind: Kind,
  names: readonly string[] | null | undefined,
): Promise<string[]> {
  const wanted = [...new Set(names ?? [])];
  if (wanted.length === 0) return wanted;
  let known = pick[kind](await liveSchema(db));
  if (wanted.some((n) => !known.has(n))) {
    known = pick[kind](await liveSchema(db, { maxAgeMs: MISS_REFRESH_MS }));
  }
  const unknown = wanted.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    const plural = unknown.length > 1 ? 's' : '';
    const suggestions = [...new Set(unknown.flatMap((n) => similarNames(n, known)))];
    const didYouMean =
      suggestions.length > 0
        ? ` Did you mean ${suggestions.map((n) => JSON.stringify(n)).join(' or ')}?`
        : '';
    throw userError(
      'BAD_USER_INPUT',
      `Unknown ${kind}${plural} ${unknown.map((n) => JSON.stringify(n)).join(', ')}.${didYouMean} ` +
        `Names are case-sensitive; the database has these ${kind}s: ${listNames(known)}.`,
      { unknown, suggestions, known: [...known].sort().slice(0, 200) },
    );
  }
  return wanted;
}
