import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { JsonRelationship, JsonValue } from '../db/convert.js';
import type { Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import { quoteName } from '../graph/cypher-names.js';
import { BOOKKEEPING_KEYS, BOOKKEEPING_LABELS } from './bookkeeping.js';
import { checkCitations, type CitationInput } from './citations.js';
import {
  asElement,
  citationsOf,
  findElement,
  toWritten,
  type Element,
  type WrittenElement,
} from './element.js';
import { toChangeEntry, type ChangeEntry, type CitationRecord } from './history.js';
import { checkReason, lockAndRead, refuseBookkeeping } from './retract.js';
import type { WriteScope } from './run-write.js';

const {
  uid: UID,
  version: VERSION,
  retracted: RETRACTED,
  mergedInto: MERGED_INTO,
  quoteStarts: STARTS,
  quoteEnds: ENDS,
} = BOOKKEEPING_KEYS;

/**
 * On a relationship the merge created on the survivor: the dossierUid of the merged node's
 * relationship it copies. Unmerge deletes exactly the relationships the merge recorded.
 */
export const MERGE_COPY_OF = 'dossierMergeCopyOf';

export interface MergeInput {
  readonly survivor: string;
  readonly merged: string;
  readonly reason?: string | null;
  readonly citations: readonly CitationInput[];
}

export interface UnmergeInput {
  readonly mergeChangeId?: string | null;
  readonly survivor?: string | null;
  readonly merged?: string | null;
  readonly reason?: string | null;
  /** Unmerge even though a copy was changed since the merge (the change goes with the copy). */
  readonly discardLaterChanges?: boolean | null;
}

/** What merge and unmerge return (JSON: an idempotency key replays it). */
export interface MergeWrite {
  readonly survivor: WrittenElement;
  readonly merged: WrittenElement;
  /** Merge: relationships copied onto the survivor; unmerge: copies deleted. */
  readonly relationships: number;
  /** Merge: citations added to the survivor; unmerge: citations taken off it. */
  readonly citations: number;
  readonly change: ChangeEntry;
}

/** What a merge records in its change's `after`, and what unmerge reads back to undo it exactly. */
interface MergeRecord {
  readonly survivor: string;
  readonly merged: string;
  /** Each copy made: the original relationship's uid and the copy's uid. */
  readonly copies: { of: string; copy: string }[];
  /** Relationships between the two nodes: not copied (they would become loops on the survivor). */
  readonly between: string[];
  /** Citations the survivor gained (the merged node's that it lacked). */
  readonly addedCitations: CitationRecord[];
  /** Which citation lists the survivor had before, so unmerge removes the ones the merge created. */
  readonly survivorHad: Record<string, boolean>;
}

const CITATION_KEYS = ['sources', 'quotes', STARTS, ENDS] as const;

const citationKey = (c: { source: string; quote: string }): string => `${c.source}\u0000${c.quote}`;

function isMerged(e: Element): boolean {
  return typeof e.value.properties[MERGED_INTO] === 'string';
}

async function findNode(tx: Tx, ref: string, what: string): Promise<Element> {
  const element = await findElement(tx, ref, what, { nodesOnly: true });
  refuseBookkeeping(element, ref);
  return element;
}

/** Gives the nodes and relationships a uid if they have none (history and copies point at it). */
async function ensureUids(tx: Tx, nodeIds: string[], relIds: string[]): Promise<void> {
  await tx.run(
    `UNWIND $nodes AS n
MATCH (x) WHERE elementId(x) = n.id
SET x.${UID} = coalesce(x.${UID}, n.uid)`,
    { nodes: nodeIds.map((id) => ({ id, uid: randomUUID() })) },
  );
  if (relIds.length === 0) return;
  await tx.run(
    `UNWIND $rels AS r
MATCH ()-[x]->() WHERE elementId(x) = r.id
SET x.${UID} = coalesce(x.${UID}, r.uid)`,
    { rels: relIds.map((id) => ({ id, uid: randomUUID() })) },
  );
}

/**
 * Locks both nodes (in element id order, so two merges of the same pair cannot deadlock) and
 * reads them again: what is checked is what the merge or unmerge then changes.
 */
async function lockBoth(scope: WriteScope, a: Element, b: Element): Promise<[Element, Element]> {
  if (a.value.id < b.value.id) {
    const la = await lockAndRead(scope, a);
    return [la, await lockAndRead(scope, b)];
  }
  const lb = await lockAndRead(scope, b);
  return [await lockAndRead(scope, a), lb];
}

const RELATIONSHIPS_OF = `
MATCH (m) WHERE elementId(m) = $id
MATCH (m)-[r]-()
RETURN DISTINCT r`;

const BUMP = `
MATCH (x) WHERE elementId(x) = $id
SET x.${VERSION} = coalesce(x.${VERSION}, 0) + 1
RETURN x AS e, 'node' AS kind`;

async function bump(tx: Tx, id: string): Promise<Element> {
  const [row] = await tx.run(BUMP, { id });
  return asElement(row as Record<string, JsonValue>);
}

/**
 * Copies relationships onto the survivor, one statement per type (a type cannot be a parameter;
 * these come from the database itself). `SET c = properties(r)` copies every value with its Neo4j
 * type (temporal, spatial, large integers), which a round trip through JSON would not.
 */
async function copyRelationships(
  tx: Tx,
  survivorId: string,
  mergedId: string,
  rels: JsonRelationship[],
): Promise<{ of: string; copy: string }[]> {
  const byType = new Map<string, { id: string; start: string; end: string; uid: string }[]>();
  for (const r of rels) {
    const rows = byType.get(r.type) ?? [];
    rows.push({
      id: r.id,
      start: r.start === mergedId ? survivorId : r.start,
      end: r.end === mergedId ? survivorId : r.end,
      uid: randomUUID(),
    });
    byType.set(r.type, rows);
  }
  const copies: { of: string; copy: string }[] = [];
  for (const [type, rows] of byType) {
    const made = await tx.run(
      `UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[c:${quoteName(type)}]->(b)
SET c = properties(r), c.${UID} = row.uid, c.${VERSION} = 1, c.${MERGE_COPY_OF} = r.${UID}
RETURN r.${UID} AS of, c.${UID} AS copy`,
      { rows },
    );
    copies.push(...made.map((m) => ({ of: String(m['of']), copy: String(m['copy']) })));
  }
  return copies;
}

/** The survivor's citation lists with `added` appended (offsets padded with -1 as the writes do). */
async function addCitations(tx: Tx, survivorId: string, added: CitationRecord[]): Promise<void> {
  if (added.length === 0) return;
  await tx.run(
    `MATCH (s) WHERE elementId(s) = $id
WITH s, size(coalesce(s.sources, [])) AS had,
     coalesce(s.${STARTS}, []) AS s0, coalesce(s.${ENDS}, []) AS e0
SET s.${STARTS} = s0 + [i IN range(1, had - size(s0)) | -1] + $starts,
    s.${ENDS} = e0 + [i IN range(1, had - size(e0)) | -1] + $ends,
    s.sources = coalesce(s.sources, []) + $sources,
    s.quotes = coalesce(s.quotes, []) + $quotes`,
    {
      id: survivorId,
      sources: added.map((c) => c.source),
      quotes: added.map((c) => c.quote),
      starts: added.map((c) => neo4j.int(c.start ?? -1)),
      ends: added.map((c) => neo4j.int(c.end ?? -1)),
    },
  );
}

/**
 * Merges two nodes that are the same entity, inside the write's transaction:
 * 1. every relationship of `merged` (except those between the two) is copied onto the survivor,
 *    same type, direction and properties, marked dossierMergeCopyOf;
 * 2. the merged node's citations the survivor lacks are appended to the survivor's;
 * 3. the merged node is marked dossierRetracted + dossierMergedInto, so it and its own
 *    relationships leave the default results, untouched.
 * What was added is recorded in the change, so unmerge takes off exactly that.
 */
export async function mergeNodes(scope: WriteScope, input: MergeInput): Promise<MergeWrite> {
  const { tx } = scope;
  const reason = checkReason(input.reason, true);
  const citations = await checkCitations(tx, input.citations);
  const found = [
    await findNode(tx, input.survivor, 'the survivor'),
    await findNode(tx, input.merged, 'the node to merge'),
  ] as const;
  if (found[0].value.id === found[1].value.id) {
    throw userError(
      'BAD_USER_INPUT',
      '`survivor` and `merged` are the same node; a merge needs two different nodes.',
    );
  }
  const [survivor, merged] = await lockBoth(scope, found[0], found[1]);
  for (const [e, ref] of [
    [survivor, input.survivor],
    [merged, input.merged],
  ] as const) {
    if (e.value.properties[RETRACTED] === true) {
      throw userError(
        'BAD_USER_INPUT',
        `${JSON.stringify(ref)} is retracted${isMerged(e) ? ' (merged into another node)' : ''}; only facts in the graph can be merged. Restore or unmerge it first.`,
      );
    }
  }

  const rels = (await tx.run(RELATIONSHIPS_OF, { id: merged.value.id })).map(
    (row) => row['r'] as unknown as JsonRelationship,
  );
  const sid = survivor.value.id;
  const touchesSurvivor = (r: JsonRelationship): boolean => r.start === sid || r.end === sid;
  await ensureUids(
    tx,
    [sid, merged.value.id],
    rels.map((r) => r.id),
  );
  const copies = await copyRelationships(
    tx,
    sid,
    merged.value.id,
    rels.filter((r) => !touchesSurvivor(r)),
  );

  const has = new Set(citationsOf(survivor.value.properties).map(citationKey));
  const added: CitationRecord[] = [];
  for (const c of citationsOf(merged.value.properties)) {
    if (has.has(citationKey(c))) continue;
    has.add(citationKey(c));
    added.push(c);
  }
  await addCitations(tx, sid, added);

  const [row] = await tx.run(
    `MATCH (s) WHERE elementId(s) = $sid
MATCH (m) WHERE elementId(m) = $mid
SET m.${RETRACTED} = true, m.${MERGED_INTO} = s.${UID},
    m.${VERSION} = coalesce(m.${VERSION}, 0) + 1
RETURN m AS e, 'node' AS kind, [(m)-[r]-(s) | r.${UID}] AS between`,
    { sid, mid: merged.value.id },
  );
  const mergedAfter = toWritten(asElement(row as Record<string, JsonValue>));
  const survivorAfter = toWritten(await bump(tx, sid));
  const record: MergeRecord = {
    survivor: survivorAfter.uid,
    merged: mergedAfter.uid,
    copies,
    between: ((row?.['between'] as JsonValue[]) ?? []).map(String),
    addedCitations: added,
    survivorHad: Object.fromEntries(
      CITATION_KEYS.map((k) => [k, survivor.value.properties[k] !== undefined]),
    ),
  };
  const change = await scope.record({
    action: 'merge',
    targets: [survivorAfter.uid, mergedAfter.uid],
    kind: 'node',
    before: {
      survivor: { uid: survivorAfter.uid, version: survivorAfter.version - 1 },
      merged: { uid: mergedAfter.uid, version: mergedAfter.version - 1 },
    },
    after: record as unknown as JsonValue,
    citations,
    reason,
    version: survivorAfter.version,
  });
  return {
    survivor: survivorAfter,
    merged: mergedAfter,
    relationships: copies.length,
    citations: added.length,
    change,
  };
}

const CHANGE = BOOKKEEPING_LABELS.change;

/** The merge change to undo: by its id, or the latest merge of `merged` into `survivor`. */
async function findMergeChange(
  tx: Tx,
  input: UnmergeInput,
): Promise<{ change: ChangeEntry; survivor: Element; merged: Element }> {
  if (input.mergeChangeId) {
    const [row] = await tx.run(
      `MATCH (c:${CHANGE}) WHERE c.id = $id AND c.action = 'merge' RETURN c {.*} AS c`,
      { id: input.mergeChangeId },
    );
    if (!row) {
      throw userError(
        'NOT_FOUND',
        `No merge has the change id ${JSON.stringify(input.mergeChangeId)}. Take it from the merge's result or from history(id) of either node.`,
      );
    }
    const change = toChangeEntry(row['c']);
    const [s, m] = change.targets;
    return {
      change,
      survivor: await findNode(tx, String(s), 'the merge survivor'),
      merged: await findNode(tx, String(m), 'the merged node'),
    };
  }
  if (!input.survivor || !input.merged) {
    throw userError(
      'BAD_USER_INPUT',
      'Name the merge to undo: its `mergeChangeId`, or both `survivor` and `merged`.',
    );
  }
  const survivor = await findNode(tx, input.survivor, 'the merge survivor');
  const merged = await findNode(tx, input.merged, 'the merged node');
  const [row] = await tx.run(
    `MATCH (c:${CHANGE}) WHERE c.action = 'merge' AND c.targets = [$s, $m]
RETURN c {.*} AS c ORDER BY c.at DESC, c.seq DESC LIMIT 1`,
    {
      s: String(survivor.value.properties[UID] ?? ''),
      m: String(merged.value.properties[UID] ?? ''),
    },
  );
  if (!row) {
    throw userError(
      'NOT_FOUND',
      `${JSON.stringify(input.merged)} was never merged into ${JSON.stringify(input.survivor)}, so there is nothing to unmerge.`,
    );
  }
  return { change: toChangeEntry(row['c']), survivor, merged };
}

/** The survivor's citation lists without the ones the merge added; lists it lacked before go. */
function citationListsWithout(
  properties: Record<string, JsonValue>,
  added: readonly CitationRecord[],
  had: Record<string, boolean>,
): { set: Record<string, unknown>; remove: string[] } {
  const drop = new Set(added.map(citationKey));
  const list = (k: string): JsonValue[] =>
    Array.isArray(properties[k]) ? (properties[k] as JsonValue[]) : [];
  const sources = list('sources');
  const quotes = list('quotes');
  const keep = sources
    .map((s, i) => i)
    .filter(
      (i) => !drop.has(citationKey({ source: String(sources[i]), quote: String(quotes[i]) })),
    );
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of CITATION_KEYS) {
    if (properties[key] === undefined) continue;
    const values = list(key);
    const kept = keep.map((i) => values[i]).filter((v) => v !== undefined);
    const offsets = key === STARTS || key === ENDS;
    const empty = offsets ? kept.every((v) => v === -1) : kept.length === 0;
    if (had[key] !== true && empty) remove.push(key);
    else set[key] = offsets ? kept.map((v) => neo4j.int(Number(v))) : kept.map(String);
  }
  return { set, remove };
}

/**
 * A copy changed after the merge (cited, edited, retracted) would take that change with it when
 * unmerge deletes it: refused with CONFLICT naming the last change, unless the caller says to
 * discard it. A copy is made at version 1, so a higher version means a later change.
 */
async function refuseChangedCopies(tx: Tx, sid: string, record: MergeRecord): Promise<void> {
  const [changed] = await tx.run(
    `MATCH (s) WHERE elementId(s) = $sid
MATCH (s)-[c]-() WHERE c.${UID} IN $copies AND coalesce(c.${VERSION}, 1) > 1
WITH DISTINCT c LIMIT 1
OPTIONAL MATCH (h:${CHANGE}) WHERE c.${UID} IN h.targets
WITH c, h ORDER BY h.at DESC, h.seq DESC
RETURN type(c) AS type, c.${UID} AS uid,
  collect(h {.author, .action, at: toString(h.at)})[0] AS last`,
    { sid, copies: record.copies.map((c) => c.copy) },
  );
  if (!changed) return;
  const last = changed['last'] as Record<string, JsonValue> | null;
  const who = last
    ? ` (${String(last['action'])} by ${String(last['author'])} at ${String(last['at'])})`
    : '';
  throw userError(
    'CONFLICT',
    `A ${String(changed['type'])} relationship this merge copied onto the survivor was changed since${who}; unmerge deletes the copies, so that change would be lost. Make the change on the merged node's own relationship after unmerging, or pass discardLaterChanges: true to unmerge anyway.`,
    { uid: changed['uid'], last },
  );
}

/**
 * Undoes a merge exactly: deletes the copies it made, takes off the citations it added, and
 * un-retracts the merged node, whose labels, properties and relationships were never touched.
 */
export async function unmergeNodes(scope: WriteScope, input: UnmergeInput): Promise<MergeWrite> {
  const { tx } = scope;
  const reason = checkReason(input.reason, false);
  const located = await findMergeChange(tx, input);
  const { change } = located;
  const [survivor, merged] = await lockBoth(scope, located.survivor, located.merged);
  const record = change.after as unknown as MergeRecord;
  if (merged.value.properties[MERGED_INTO] !== record.survivor) {
    throw userError(
      'BAD_USER_INPUT',
      `That merge is already undone: the node ${JSON.stringify(record.merged)} is not merged into ${JSON.stringify(record.survivor)} now.`,
    );
  }
  if (survivor.value.properties[RETRACTED] === true) {
    throw userError(
      'BAD_USER_INPUT',
      'The survivor of that merge is itself retracted or merged into another node since; restore or unmerge it first, then undo this merge.',
    );
  }
  const sid = survivor.value.id;
  if (input.discardLaterChanges !== true) await refuseChangedCopies(tx, sid, record);
  const [deleted] = await tx.run(
    `MATCH (s) WHERE elementId(s) = $sid
MATCH (s)-[c]-() WHERE c.${UID} IN $copies
WITH DISTINCT c
DELETE c
RETURN count(*) AS deleted`,
    { sid, copies: record.copies.map((c) => c.copy) },
  );
  const { set, remove } = citationListsWithout(
    survivor.value.properties,
    record.addedCitations,
    record.survivorHad,
  );
  await tx.run(
    `MATCH (s) WHERE elementId(s) = $sid
SET s += $set
${remove.map((k) => `REMOVE s.${quoteName(k)}`).join('\n')}`,
    { sid, set },
  );
  await tx.run(
    `MATCH (m) WHERE elementId(m) = $mid
REMOVE m.${RETRACTED}, m.${MERGED_INTO}
SET m.${VERSION} = coalesce(m.${VERSION}, 0) + 1`,
    { mid: merged.value.id },
  );
  const survivorAfter = toWritten(await bump(tx, sid));
  const [mrow] = await tx.run(`MATCH (m) WHERE elementId(m) = $mid RETURN m AS e, 'node' AS kind`, {
    mid: merged.value.id,
  });
  const mergedAfter = toWritten(asElement(mrow as Record<string, JsonValue>));
  const unmerge = await scope.record({
    action: 'unmerge',
    targets: [survivorAfter.uid, mergedAfter.uid],
    kind: 'node',
    before: { merge: change.id },
    after: {
      deletedCopies: Number(deleted?.['deleted'] ?? 0),
      removedCitations: record.addedCitations as unknown as JsonValue,
    },
    citations: [],
    reason,
    version: survivorAfter.version,
  });
  return {
    survivor: survivorAfter,
    merged: mergedAfter,
    relationships: Number(deleted?.['deleted'] ?? 0),
    citations: record.addedCitations.length,
    change: unmerge,
  };
}
