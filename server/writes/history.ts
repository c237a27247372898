import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../db/convert.js';
import type { Tx } from '../db/database.js';
import { BOOKKEEPING_LABELS } from './bookkeeping.js';

/** What a change did to the investigation. */
export type ChangeAction =
  'create' | 'cite' | 'uncite' | 'edit' | 'retract' | 'restore' | 'merge' | 'unmerge';

/** One citation as history keeps it: the source's id, the verbatim quote and where it is. */
export interface CitationRecord {
  readonly source: string;
  readonly quote: string;
  /** UTF-16 offsets of the quote in the source's text; null when unknown (story data). */
  readonly start: number | null;
  readonly end: number | null;
}

/** What a write hands to `record`: the change, before the recorder adds who, when and which request. */
export interface ChangeInput {
  readonly action: ChangeAction;
  /** The dossierUid of every element the change touched; the first is the one it is about. */
  readonly targets: readonly string[];
  /** What the first target is: a node, a relationship, a source (an Article node) and so on. */
  readonly kind: string;
  /** The values before the change (null when the element did not exist). */
  readonly before?: JsonValue;
  /** The values after the change (null when it no longer exists). */
  readonly after?: JsonValue;
  readonly citations?: readonly CitationRecord[];
  /** Why, in the author's words (merge, retract). */
  readonly reason?: string | null;
  /** The first target's dossierVersion after the change. */
  readonly version?: number | null;
}

/** One recorded change, as history(id) and changes(since, by) return it. */
export interface ChangeEntry {
  readonly id: string;
  readonly action: ChangeAction;
  readonly targets: string[];
  readonly kind: string;
  readonly before: JsonValue;
  readonly after: JsonValue;
  readonly citations: CitationRecord[];
  readonly reason: string | null;
  readonly version: number | null;
  /** The mutation that made the change (addRelationship, retract …). */
  readonly operation: string;
  /** The actor's name. */
  readonly author: string;
  /** ISO-8601 timestamp (the transaction's clock: every change of one request shares it). */
  readonly at: string;
  /** Order of the change within its request, so "newest first" is total. */
  readonly seq: number;
}

/** Who made the request's changes, and through which mutation. */
export interface ChangeContext {
  readonly operation: string;
  readonly author: string;
}

const CHANGE = BOOKKEEPING_LABELS.change;

/*
 * One node per change. before/after/citations are JSON strings: a Neo4j property cannot hold a
 * map, and the values are only ever read back whole. `targets` is a list so a merge names both
 * nodes; history(id) finds a change by membership in it. Only the transaction's clock comes back:
 * the recorder has every other value already, so the stored node is not sent back and converted.
 */
const RECORD_CHANGE = `
CREATE (c:${CHANGE} {
  id: $id, action: $action, targets: $targets, kind: $kind,
  before: $before, after: $after, citations: $citations, reason: $reason, version: $version,
  operation: $operation, author: $author, at: datetime(), seq: $seq
})
RETURN c.at AS at`;

/**
 * A recorder for one transaction: each call writes one DossierChange node in that transaction, so
 * the change and its record commit or vanish together.
 */
export function changeRecorder(
  tx: Tx,
  context: ChangeContext,
): (change: ChangeInput) => Promise<ChangeEntry> {
  let seq = 0;
  return async (change) => {
    const entry = {
      id: randomUUID(),
      action: change.action,
      targets: [...change.targets],
      kind: change.kind,
      before: JSON.stringify(change.before ?? null),
      after: JSON.stringify(change.after ?? null),
      citations: JSON.stringify(change.citations ?? []),
      reason: change.reason ?? null,
      version: change.version ?? null,
      operation: context.operation,
      author: context.author,
      seq: seq++,
    };
    const rows = await tx.run(RECORD_CHANGE, entry);
    // As toChangeEntry reads the stored node back: the JSON strings parsed, so the answer is the
    // stored value exactly.
    return toChangeEntry({ ...entry, at: rows[0]?.at ?? null });
  };
}

/** A DossierChange node's properties (as JSON) back into the entry the API returns. */
export function toChangeEntry(value: JsonValue | undefined): ChangeEntry {
  const p = (value ?? {}) as Record<string, JsonValue>;
  return {
    id: String(p.id),
    action: p.action as ChangeAction,
    targets: (p.targets ?? []) as string[],
    kind: String(p.kind ?? ''),
    before: parseJson(p.before),
    after: parseJson(p.after),
    citations: parseJson(p.citations) as unknown as CitationRecord[],
    reason: (p.reason ?? null) as string | null,
    version: (p.version ?? null) as number | null,
    operation: String(p.operation ?? ''),
    author: String(p.author ?? ''),
    at: String(p.at ?? ''),
    seq: Number(p.seq ?? 0),
  };
}

function parseJson(value: JsonValue | undefined): JsonValue {
  return typeof value === 'string' ? (JSON.parse(value) as JsonValue) : null;
}
