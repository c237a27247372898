import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import { checkListSize } from './bounds.js';
import { quoteName } from './cypher-names.js';
import { LIVE_SCHEMA_TTL_MS } from './live-schema.js';
import { degreeExpression, toNodeModel, type NodeModel } from './model.js';

/** A label and the one property a uniqueness constraint (or node key) covers on it. */
export interface KeyProperty {
  readonly label: string;
  readonly property: string;
}

/**
 * Single-property uniqueness constraints and node keys on nodes: the properties that name a node
 * across reloads (element ids do not survive `seed --reset`, a re-import or a restore).
 */
const KEY_CONSTRAINTS = `
SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
WHERE entityType = 'NODE' AND type IN ['UNIQUENESS', 'NODE_KEY'] AND size(properties) = 1
RETURN labelsOrTypes[0] AS label, properties[0] AS property
ORDER BY label, property`;

/** The statements that read the key constraints (tests tell them apart from a request's own). */
export const STABLE_KEY_STATEMENTS: readonly string[] = [KEY_CONSTRAINTS];

const cache = new WeakMap<Database, { at: number; keys: Promise<KeyProperty[]> }>();

/** The key properties of the live schema, cached per Database as long as the other names are. */
export function keyProperties(db: Database): Promise<KeyProperty[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at <= LIVE_SCHEMA_TTL_MS) return hit.keys;
  const keys = db
    .read(KEY_CONSTRAINTS)
    .then((rows) =>
      rows.map((r) => ({ label: String(r['label']), property: String(r['property']) })),
    );
  cache.set(db, { at: Date.now(), keys });
  keys.catch(() => cache.delete(db));
  return keys;
}

function isScalar(v: JsonValue | undefined): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/**
 * A node's stable key: `["Label","property",value]` (JSON) for the first of its labels, in name
 * order, that has a key property it holds; else its element id (which never starts with `[`).
 */
export function stableKeyOf(
  node: { id: string; labels: readonly string[]; properties: Record<string, JsonValue> },
  keys: readonly KeyProperty[],
): string {
  for (const k of keys) {
    const value = node.properties[k.property];
    if (node.labels.includes(k.label) && isScalar(value)) {
      return JSON.stringify([k.label, k.property, value]);
    }
  }
  return node.id;
}

interface ParsedKey {
  readonly key: string;
  readonly label?: string;
  readonly property?: string;
  readonly value?: string | number | boolean;
}

function parseKey(key: string): ParsedKey {
  if (!key.startsWith('[')) return { key };
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !isScalar(parsed[2] as JsonValue)
  ) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(key)} is not a node key. Pass keys as the API returns them in \`stableKey\`: ["Label","property",value], or an element id.`,
      { key },
    );
  }
  return { key, label: parsed[0], property: parsed[1], value: parsed[2] as string };
}

/** One branch of the lookup per key property asked for, and one for element ids. */
export function nodesByKeyStatement(groups: readonly KeyProperty[], withDegree: boolean): string {
  const parts = groups.map(
    (g, i) =>
      `  UNWIND $keys${i} AS k MATCH (n:${quoteName(g.label)} {${quoteName(g.property)}: k.value}) RETURN n, k.key AS key`,
  );
  parts.push('  UNWIND $ids AS k MATCH (n) WHERE elementId(n) = k RETURN n, k AS key');
  return `CALL () {
${parts.join('\n  UNION ALL\n')}
}
RETURN collect({key: key, node: {node: n, degree: ${degreeExpression('n', withDegree)}}}) AS found`;
}

export interface KeyedNodes {
  readonly found: { key: string; node: NodeModel }[];
  readonly missing: string[];
}

/**
 * Resolves stable keys (and element ids) to the nodes they name now, in one statement; keys that
 * name no node — deleted, or of a label whose constraint is gone — are reported in `missing`.
 */
export async function findNodesByKey(
  db: Database,
  keys: readonly string[],
  withDegree: boolean,
): Promise<KeyedNodes> {
  const unique = [...new Set(checkListSize('keys', keys, 0, 10_000))];
  if (unique.length === 0) return { found: [], missing: [] };
  const parsed = unique.map(parseKey);
  const known = await keyProperties(db);
  const groups: KeyProperty[] = [];
  const params: Record<string, unknown> = { ids: parsed.filter((p) => !p.label).map((p) => p.key) };
  for (const k of known) {
    const mine = parsed.filter((p) => p.label === k.label && p.property === k.property);
    if (mine.length === 0) continue;
    params[`keys${groups.length}`] = mine.map((p) => ({ key: p.key, value: p.value }));
    groups.push(k);
  }
  const [row] = await db.read(nodesByKeyStatement(groups, withDegree), params);
  const found = ((row?.['found'] as JsonValue[] | undefined) ?? []).map((f) => {
    const v = f as { key: string; node: JsonValue };
    return { key: v.key, node: toNodeModel(v.node) };
  });
  const seen = new Set(found.map((f) => f.key));
  return { found, missing: unique.filter((k) => !seen.has(k)) };
}
