import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import { liveSchema, type LiveSchema } from '../graph/live-schema.js';
import { isBookkeepingKey, isBookkeepingLabel } from './bookkeeping.js';

/**
 * Checks on what a write names and stores. Labels, types and keys cannot be Cypher parameters, so
 * they are checked as names first: a name the database already has is accepted (the live schema
 * says it exists, as the read API requires), and a new one must be a plain identifier. Values are
 * always parameters, of the types a Neo4j property can hold.
 */

/** A new label, type or key: a letter, then letters, digits or _, at most 64 characters. */
const NEW_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Keys a write sets itself: provenance goes through citations, identity is Dossier's. */
export const MANAGED_KEYS: ReadonlySet<string> = new Set(['sources', 'quotes']);

/** Longest string value accepted in a property. */
export const MAX_STRING_CHARS = 100_000;
/** Most items in a list value. */
export const MAX_LIST_ITEMS = 1_000;
/** Most properties in one write. */
export const MAX_PROPERTIES = 100;

type NameKind = 'label' | 'relationship type' | 'property key';

/**
 * Refuses a name that is neither in the live schema nor a plain new identifier, and any name of
 * Dossier's own (the `dossier` prefix).
 */
export function checkWriteName(kind: NameKind, name: string, known: ReadonlySet<string>): string {
  const reserved = kind === 'property key' ? isBookkeepingKey(name) : isBookkeepingLabel(name);
  if (reserved) {
    throw userError(
      'BAD_USER_INPUT',
      `The ${kind} ${JSON.stringify(name)} is reserved for Dossier's own bookkeeping (names starting with "dossier"); choose another.`,
    );
  }
  if (known.has(name) || NEW_NAME.test(name)) return name;
  throw userError(
    'BAD_USER_INPUT',
    `The ${kind} ${JSON.stringify(name)} is not one the graph has, and a new ${kind} must start with a letter and hold only letters, digits and _ (at most 64). Use an existing ${kind} or rename it.`,
  );
}

const NO_NAMES: ReadonlySet<string> = new Set();
const NO_SCHEMA: KnownNames = { labels: NO_NAMES, types: NO_NAMES, propertyKeys: NO_NAMES };

/** The names a write may use beyond plain new identifiers: those the graph already has. */
export type KnownNames = Pick<LiveSchema, 'labels' | 'types' | 'propertyKeys'>;

/**
 * The live schema's names for checking `names` (a write's labels, types and property keys), read
 * only when one of them is not a plain new identifier: a plain one is accepted whether the graph
 * has it or not, so a write naming only such names need not wait for the schema, which is read
 * again (a transaction of its own) whenever its cache of a few seconds has expired.
 */
export async function knownNamesFor(db: Database, names: readonly string[]): Promise<KnownNames> {
  return names.every((name) => NEW_NAME.test(name)) ? NO_SCHEMA : liveSchema(db);
}

/** The keys of a properties argument when it is an object (toProperties refuses anything else). */
export function propertyKeysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.keys(value)
    : [];
}

/** A property value as it goes to Neo4j: integers as Integer, so 3 stays an integer. */
export type PropertyValue =
  string | number | boolean | ReturnType<typeof neo4j.int> | PropertyValue[];

function scalar(key: string, v: unknown): PropertyValue {
  if (typeof v === 'string') {
    if (v.length > MAX_STRING_CHARS) {
      throw badValue(key, `is longer than ${MAX_STRING_CHARS.toLocaleString('en-GB')} characters`);
    }
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) {
    return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  }
  throw badValue(key, 'is not a string, a finite number or a boolean');
}

function badValue(key: string, problem: string): Error {
  return userError(
    'BAD_USER_INPUT',
    `The value of ${JSON.stringify(key)} ${problem}. A property holds a string, a number, a boolean, or a list of one of those.`,
  );
}

/** One value: a scalar, or a non-empty list of scalars of one type (what Neo4j can store). */
export function toPropertyValue(key: string, value: unknown): PropertyValue {
  if (!Array.isArray(value)) return scalar(key, value);
  if (value.length > MAX_LIST_ITEMS) {
    throw badValue(key, `is a list of more than ${MAX_LIST_ITEMS} items`);
  }
  const items = value.map((v: unknown) => scalar(key, v));
  const kinds = new Set(value.map((v: unknown) => (typeof v === 'number' ? 'number' : typeof v)));
  if (kinds.size > 1) throw badValue(key, 'mixes types in one list');
  if (items.length === 0) throw badValue(key, 'is an empty list, whose type Neo4j cannot know');
  return items;
}

/**
 * A JSON object of properties, checked: a map (not a list or scalar), at most MAX_PROPERTIES keys,
 * each key a valid name and not one the write manages, each value storable. Nothing recursive
 * walks it (lists of scalars only), so its depth is bounded by construction.
 */
export function toProperties(
  value: unknown,
  known: ReadonlySet<string>,
  managed: ReadonlySet<string> = MANAGED_KEYS,
): Record<string, PropertyValue> {
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw userError(
      'BAD_USER_INPUT',
      'properties must be a JSON object such as {"role": "CEO"}; send an object or leave it out.',
    );
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_PROPERTIES) {
    throw userError(
      'BAD_USER_INPUT',
      `At most ${MAX_PROPERTIES} properties can be written at once; split the write.`,
    );
  }
  const out: Record<string, PropertyValue> = {};
  for (const [key, v] of entries) {
    checkWriteName('property key', key, known);
    if (managed.has(key)) {
      throw userError(
        'BAD_USER_INPUT',
        `The property ${JSON.stringify(key)} is set by Dossier itself (citations go in "citations"); leave it out.`,
      );
    }
    out[key] = toPropertyValue(key, v);
  }
  return out;
}

/** A required text field: non-empty after trimming and at most `max` characters. */
export function checkText(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw userError('BAD_USER_INPUT', `${field} is empty; give it a value.`);
  }
  if (value.length > max) {
    throw userError(
      'BAD_USER_INPUT',
      `${field} is longer than ${max.toLocaleString('en-GB')} characters; shorten it.`,
    );
  }
  return trimmed;
}
