import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { JsonNode, JsonRelationship, JsonValue } from '../db/convert.js';
import type { Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import { BOOKKEEPING_KEYS, BOOKKEEPING_LABELS, isBookkeepingKey } from './bookkeeping.js';
import type { CitationRecord } from './history.js';
import type { PropertyValue } from './write-input.js';

/** A node or relationship as a write reads it. */
export type Element =
  | { readonly kind: 'node'; readonly value: JsonNode }
  | { readonly kind: 'relationship'; readonly value: JsonRelationship };

/** A written element as mutations return it (JSON: it is also what an idempotency key replays). */
export interface WrittenElement {
  readonly uid: string;
  readonly elementId: string;
  readonly kind: 'NODE' | 'RELATIONSHIP';
  readonly labels: string[];
  readonly type: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly version: number;
  readonly citations: CitationRecord[];
  readonly properties: Record<string, JsonValue>;
}

const { uid: UID, version: VERSION, quoteStarts: STARTS, quoteEnds: ENDS } = BOOKKEEPING_KEYS;

/** Element ids look like `4:<database uuid>:<number>`; anything else is a dossierUid or story id. */
const ELEMENT_ID = /^\d+:[0-9a-f-]+:\d+$/i;

const BY_ELEMENT_ID = `
CALL () {
  MATCH (n) WHERE elementId(n) = $ref RETURN n AS e, 'node' AS kind
  UNION ALL
  MATCH ()-[r]->() WHERE elementId(r) = $ref RETURN r AS e, 'relationship' AS kind
}
RETURN e, kind LIMIT 2`;

// Without an element id there is no index to use across every label: these scan. The client and
// the API's own results always carry element ids; uids and story ids are for people and scripts.
const BY_KEY = (withRelationships: boolean): string => `
CALL () {
  MATCH (n) WHERE n.${UID} = $ref OR n.id = $ref RETURN n AS e, 'node' AS kind
  ${withRelationships ? `UNION ALL MATCH ()-[r]->() WHERE r.${UID} = $ref OR r.id = $ref RETURN r AS e, 'relationship' AS kind` : ''}
}
RETURN e, kind LIMIT 2`;

/**
 * The element a client names by element id, dossierUid or story id. Refuses with NOT_FOUND when
 * none has it and BAD_USER_INPUT when several do.
 */
export async function findElement(
  tx: Tx,
  ref: string,
  what: string,
  options: { nodesOnly?: boolean } = {},
): Promise<Element> {
  const rows = await tx.run(ELEMENT_ID.test(ref) ? BY_ELEMENT_ID : BY_KEY(!options.nodesOnly), {
    ref,
  });
  const found = rows.filter((r) => !options.nodesOnly || r['kind'] === 'node');
  if (found.length === 0) {
    throw userError(
      'NOT_FOUND',
      `No ${options.nodesOnly ? 'node' : 'node or relationship'} has the id ${JSON.stringify(ref)} (${what}). Use an element id from the graph API, a dossierUid, or a story id.`,
      { ref },
    );
  }
  if (found.length > 1) {
    throw userError(
      'BAD_USER_INPUT',
      `Several elements have the id ${JSON.stringify(ref)} (${what}); name it by its element id instead.`,
      { ref },
    );
  }
  return asElement(found[0] as Record<string, JsonValue>);
}

export function asElement(row: Record<string, JsonValue>): Element {
  return row['kind'] === 'relationship'
    ? { kind: 'relationship', value: row['e'] as unknown as JsonRelationship }
    : { kind: 'node', value: row['e'] as unknown as JsonNode };
}

/** The element's citations: sources/quotes aligned with Dossier's offsets (-1 or missing: unknown). */
export function citationsOf(p: Record<string, JsonValue>): CitationRecord[] {
  const list = (k: string): JsonValue[] => (Array.isArray(p[k]) ? (p[k] as JsonValue[]) : []);
  const quotes = list('quotes');
  const starts = list(STARTS);
  const ends = list(ENDS);
  const offset = (v: JsonValue | undefined): number | null =>
    typeof v === 'number' && v >= 0 ? v : null;
  return list('sources').map((s, i) => ({
    source: String(s),
    quote: String(quotes[i] ?? ''),
    start: offset(starts[i]),
    end: offset(ends[i]),
  }));
}

/** The properties a person sees: Dossier's own keys left out. */
export function userProperties(p: Record<string, JsonValue>): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !isBookkeepingKey(k)));
}

/** An element as a mutation returns it. */
export function toWritten(element: Element): WrittenElement {
  const p = element.value.properties;
  const common = {
    uid: String(p[UID] ?? ''),
    elementId: element.value.id,
    version: typeof p[VERSION] === 'number' ? p[VERSION] : 0,
    citations: citationsOf(p),
    properties: userProperties(p),
  };
  return element.kind === 'node'
    ? { ...common, kind: 'NODE', labels: element.value.labels, type: null, from: null, to: null }
    : {
        ...common,
        kind: 'RELATIONSHIP',
        labels: [],
        type: element.value.type,
        from: element.value.start,
        to: element.value.end,
      };
}

/** An element's provenance and version, as history records it for a citation. */
export function provenanceOf(element: Element): Record<string, JsonValue> {
  const p = element.value.properties;
  return {
    sources: p['sources'] ?? null,
    quotes: p['quotes'] ?? null,
    version: p[VERSION] ?? 0,
  };
}

/** Parameters that write citations: offsets as integers (a list property holds one type). */
export function citationParams(citations: readonly CitationRecord[]): Record<string, unknown> {
  return {
    sources: citations.map((c) => c.source),
    quotes: citations.map((c) => c.quote),
    starts: citations.map((c) => neo4j.int(c.start ?? -1)),
    ends: citations.map((c) => neo4j.int(c.end ?? -1)),
  };
}

/**
 * Appends citations and properties to the element `e` (matched before this text), gives it a
 * dossierUid if it had none, and bumps its version. Offsets are padded with -1 for the citations
 * it had before Dossier kept offsets (the story's own), so the lists stay aligned with `sources`.
 */
const EXTEND = `
WITH e, size(coalesce(e.sources, [])) AS had,
     coalesce(e.${STARTS}, []) AS s0, coalesce(e.${ENDS}, []) AS e0
SET e.${STARTS} = s0 + [i IN range(1, had - size(s0)) | -1] + $starts,
    e.${ENDS} = e0 + [i IN range(1, had - size(e0)) | -1] + $ends,
    e.sources = coalesce(e.sources, []) + $sources,
    e.quotes = coalesce(e.quotes, []) + $quotes,
    e += $properties,
    e.${UID} = coalesce(e.${UID}, $uid),
    e.${VERSION} = coalesce(e.${VERSION}, 0) + 1
RETURN e, $kind AS kind`;

/** Adds citations (and properties it lacked) to an existing element; returns it as it now is. */
export async function extendElement(
  tx: Tx,
  element: Element,
  citations: readonly CitationRecord[],
  properties: Record<string, PropertyValue> = {},
): Promise<Element> {
  const match =
    element.kind === 'node'
      ? 'MATCH (e) WHERE elementId(e) = $id'
      : 'MATCH ()-[e]->() WHERE elementId(e) = $id';
  const [row] = await tx.run(`${match}${EXTEND}`, {
    id: element.value.id,
    kind: element.kind,
    uid: randomUUID(),
    properties,
    ...citationParams(citations),
  });
  return asElement(row as Record<string, JsonValue>);
}

/** The SET that gives a new element its citations, uid and first version. */
export const NEW_ELEMENT_SET = `
SET e += $properties,
    e.sources = $sources, e.quotes = $quotes,
    e.${STARTS} = $starts, e.${ENDS} = $ends,
    e.${UID} = $uid, e.${VERSION} = 1`;

/** A kebab-case id in the story's style, made unique by the start of the element's uid. */
export function storyId(words: string, uid: string): string {
  const slug = words
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${slug === '' ? 'fact' : slug}-${uid.slice(0, 8)}`;
}

const LOCK = BOOKKEEPING_LABELS.lock;

/** The locks each transaction has taken, so taking one again costs nothing. */
const held = new WeakMap<Tx, Set<string>>();

/*
 * The lock node is deleted in the statement that creates it: MERGE on the key's uniqueness
 * constraint locks the key until the transaction ends, whether or not the node still exists, so
 * a concurrent MERGE of the same key waits for the commit all the same, and no lock node is ever
 * committed without a statement of its own to delete it.
 */
const TAKE_LOCK = `MERGE (l:${LOCK} {key: $lockKey}) DELETE l`;

/**
 * Takes the lock on one fact's identity (see bookkeeping.ts) for the rest of the transaction.
 * Taking one the transaction already holds is free.
 */
export async function lockFact(tx: Tx, key: string): Promise<void> {
  const clause = lockClause(tx, key);
  if (clause !== '') await tx.run(TAKE_LOCK, { lockKey: key });
}

/**
 * lockFact as the opening clauses of the caller's own statement (pass the key as `$lockKey`), so
 * taking the lock costs no round trip of its own: the MERGE runs, and waits for the lock, before
 * anything after it reads. Empty when the transaction already holds the lock.
 */
export function lockClause(tx: Tx, key: string): string {
  let keys = held.get(tx);
  if (!keys) held.set(tx, (keys = new Set()));
  if (keys.has(key)) return '';
  keys.add(key);
  return `${TAKE_LOCK}\nWITH 1 AS locked\n`;
}
