import { randomUUID } from 'node:crypto';
import { toJson, type JsonValue } from '../db/convert.js';
import { userError } from '../db/errors.js';
import { quoteName } from '../graph/cypher-names.js';
import { BOOKKEEPING_KEYS, isBookkeepingLabel } from './bookkeeping.js';
import { newCitations } from './citations.js';
import {
  asElement,
  citationParams,
  extendElement,
  findElement,
  lockClause,
  lockFact,
  NEW_ELEMENT_SET,
  provenanceOf,
  storyId,
  toWritten,
  userProperties,
  type Element,
  type WrittenElement,
} from './element.js';
import type { ChangeEntry, CitationRecord } from './history.js';
import type { WriteScope } from './run-write.js';
import type { PropertyValue } from './write-input.js';

const RETRACTED = BOOKKEEPING_KEYS.retracted;

export type WriteOutcome = 'CREATED' | 'CITED' | 'EDITED' | 'UNCHANGED' | 'UNCITED';

/** What one sourced write did: the FactWrite the API returns. */
export interface FactWrite {
  readonly outcome: WriteOutcome;
  readonly element: WrittenElement;
  readonly changes: ChangeEntry[];
}

/** The JSON a stored property value reads back as, to compare a requested value with it. */
export function asJson(value: PropertyValue): JsonValue {
  return toJson(value);
}

const same = (a: JsonValue | undefined, b: JsonValue): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b);

/**
 * The properties of `requested` the element lacks. A requested value that differs from the
 * element's is refused: changing a value is an edit (setProperty, with the version it is based on),
 * not a side effect of citing.
 */
function missingProperties(
  element: Element,
  requested: Record<string, PropertyValue>,
): Record<string, PropertyValue> {
  const have = element.value.properties;
  const out: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (!(key in have)) out[key] = value;
    else if (!same(have[key], asJson(value))) {
      throw userError(
        'BAD_USER_INPUT',
        `It already exists with ${key} = ${JSON.stringify(have[key])}, not ${JSON.stringify(asJson(value))}. To change a value use setProperty with the element's version; to cite it, leave ${key} out.`,
        { elementId: element.value.id, key },
      );
    }
  }
  return out;
}

/**
 * Re-reads an element under its lock: from here to the end of the transaction no other write can
 * change it, and what is read is what the last committed write left.
 */
export async function lockElement(scope: WriteScope, element: Element): Promise<Element> {
  await lockFact(scope.tx, `element:${element.value.id}`);
  return findElement(scope.tx, element.value.id, 'locked element');
}

/**
 * Adds citations (and properties it lacks) to an existing element and records a `cite` change;
 * UNCHANGED, with nothing written, when it already has them all.
 */
export async function citeExisting(
  scope: WriteScope,
  found: Element,
  citations: readonly CitationRecord[],
  properties: Record<string, PropertyValue> = {},
): Promise<FactWrite> {
  const element = await lockElement(scope, found);
  if (isRetracted(element)) throw retractedError(element);
  const fresh = newCitations(
    {
      sources: arrayProp(element, 'sources'),
      quotes: arrayProp(element, 'quotes'),
    },
    citations,
  );
  const added = missingProperties(element, properties);
  if (fresh.length === 0 && Object.keys(added).length === 0) {
    return { outcome: 'UNCHANGED', element: toWritten(element), changes: [] };
  }
  const after = await extendElement(scope.tx, element, fresh, added);
  const written = toWritten(after);
  const addedKeys = Object.keys(added);
  const change = await scope.record({
    action: 'cite',
    targets: [written.uid],
    kind: element.kind,
    before: { ...provenanceOf(element), ...pick(element.value.properties, addedKeys, null) },
    after: { ...provenanceOf(after), ...pick(after.value.properties, addedKeys, null) },
    citations: fresh,
    version: written.version,
  });
  return { outcome: 'CITED', element: written, changes: [change] };
}

/** True for a retracted element (merged-away nodes are retracted too). */
export function isRetracted(element: Element): boolean {
  return element.value.properties[RETRACTED] === true;
}

/**
 * A retracted fact is not silently revived or duplicated by citing it again: the person decides
 * whether to restore it (or, for a merged-away node, to cite the node it was merged into).
 */
export function retractedError(element: Element): Error {
  const mergedInto = element.value.properties[BOOKKEEPING_KEYS.mergedInto];
  return userError(
    'BAD_USER_INPUT',
    typeof mergedInto === 'string'
      ? `That fact was merged into the node with dossierUid ${mergedInto}; cite that node instead (or unmerge first).`
      : 'That fact is retracted. Restore it first if it should come back, then cite or edit it.',
    { elementId: element.value.id, mergedInto: mergedInto ?? null },
  );
}

/** A node named by a client as one end of a new fact: it must exist and not be retracted. */
export async function findLiveNode(scope: WriteScope, ref: string, what: string): Promise<Element> {
  return findFact(scope, ref, what, { nodesOnly: true });
}

/**
 * An element of the investigation a write may cite, edit or link: not one of Dossier's own
 * records (history, keys, saved views), and not retracted.
 */
export async function findFact(
  scope: WriteScope,
  ref: string,
  what: string,
  options: { nodesOnly?: boolean } = {},
): Promise<Element> {
  const element = await findElement(scope.tx, ref, what, options);
  if (element.kind === 'node' && element.value.labels.some(isBookkeepingLabel)) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(ref)} is one of Dossier's own records (${element.value.labels.join(', ')}), not a fact of the investigation; it cannot be cited, edited or linked.`,
    );
  }
  if (isRetracted(element)) throw retractedError(element);
  return element;
}

function arrayProp(element: Element, key: string): JsonValue[] {
  const v = element.value.properties[key];
  return Array.isArray(v) ? v : [];
}

function pick(
  p: Record<string, JsonValue>,
  keys: readonly string[],
  missing: JsonValue,
): Record<string, JsonValue> {
  return Object.fromEntries(keys.map((k) => [k, p[k] ?? missing]));
}

/** A node to write: identified by label and name. */
export interface EntityFact {
  readonly label: string;
  readonly name: string;
  readonly properties: Record<string, PropertyValue>;
  readonly citations: readonly CitationRecord[];
}

/**
 * Creates the node `label {name}` with its citations, or cites the existing one. Two nodes with
 * that label and name already → refused (the client names the one it means by element id).
 */
export async function writeEntity(scope: WriteScope, fact: EntityFact): Promise<FactWrite> {
  const { tx } = scope;
  const label = quoteName(fact.label);
  const lockKey = `node:${fact.label}:${fact.name}`;
  // The lock and the look-up in one statement: one round trip fewer per write.
  const existing = await tx.run(
    `${lockClause(tx, lockKey)}CALL () {
  MATCH (e:${label} {name: $name})
  RETURN e ORDER BY coalesce(e.${RETRACTED}, false), elementId(e) LIMIT 2
}
RETURN e, 'node' AS kind ORDER BY coalesce(e.${RETRACTED}, false), elementId(e)`,
    { name: fact.name, lockKey },
  );
  let result: FactWrite;
  if (existing.length > 1 && !isRetracted(asElement(existing[1] as Record<string, JsonValue>))) {
    throw userError(
      'BAD_USER_INPUT',
      `Several ${fact.label} nodes are named ${JSON.stringify(fact.name)}; cite the one you mean with addCitations and its element id.`,
      { elementIds: existing.map((r) => (r['e'] as { id: string }).id) },
    );
  } else if (existing[0]) {
    result = await citeExisting(scope, asElement(existing[0]), fact.citations, fact.properties);
  } else {
    const uid = randomUUID();
    const properties = { id: storyId(fact.name, uid), ...fact.properties, name: fact.name };
    const [row] = await tx.run(`CREATE (e:${label})${NEW_ELEMENT_SET}\nRETURN e, 'node' AS kind`, {
      uid,
      properties,
      ...citationParams(fact.citations),
    });
    const element = asElement(row as Record<string, JsonValue>);
    result = await recordCreate(scope, element, fact.citations);
  }
  return result;
}

/** A relationship to write: identified by its ends and type. */
export interface RelationshipFact {
  /** Element ids. */
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly properties: Record<string, PropertyValue>;
  readonly citations: readonly CitationRecord[];
}

/** Creates `(from)-[type]->(to)` with its citations, or cites the one that exists. */
export async function writeRelationship(
  scope: WriteScope,
  fact: RelationshipFact,
): Promise<FactWrite> {
  const { tx } = scope;
  const type = quoteName(fact.type);
  const lockKey = `relationship:${fact.from}:${fact.type}:${fact.to}`;
  // The lock and the look-up in one statement: one round trip fewer per write.
  const [existing] = await tx.run(
    `${lockClause(tx, lockKey)}CALL () {
  MATCH (a)-[e:${type}]->(b) WHERE elementId(a) = $from AND elementId(b) = $to
  RETURN e ORDER BY coalesce(e.${RETRACTED}, false), elementId(e) LIMIT 1
}
RETURN e, 'relationship' AS kind`,
    { from: fact.from, to: fact.to, lockKey },
  );
  let result: FactWrite;
  if (existing) {
    result = await citeExisting(scope, asElement(existing), fact.citations, fact.properties);
  } else {
    const uid = randomUUID();
    const properties = { id: storyId(fact.type, uid), ...fact.properties };
    const [row] = await tx.run(
      `MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
CREATE (a)-[e:${type}]->(b)${NEW_ELEMENT_SET}
RETURN e, 'relationship' AS kind`,
      { from: fact.from, to: fact.to, uid, properties, ...citationParams(fact.citations) },
    );
    if (!row) {
      throw userError(
        'NOT_FOUND',
        'One end of the relationship no longer exists; reload and try again.',
      );
    }
    result = await recordCreate(scope, asElement(row), fact.citations);
  }
  return result;
}

async function recordCreate(
  scope: WriteScope,
  element: Element,
  citations: readonly CitationRecord[],
): Promise<FactWrite> {
  const written = toWritten(element);
  const shape: Record<string, JsonValue> =
    element.kind === 'node'
      ? { labels: element.value.labels }
      : { type: element.value.type, from: element.value.start, to: element.value.end };
  const change = await scope.record({
    action: 'create',
    targets: [written.uid],
    kind: element.kind,
    before: null,
    after: { ...shape, properties: userProperties(element.value.properties) },
    citations,
    version: written.version,
  });
  return { outcome: 'CREATED', element: written, changes: [change] };
}
