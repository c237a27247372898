import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../db/convert.js';
import { userError } from '../db/errors.js';
import { checkCitations, type CitationInput } from './citations.js';
import { BOOKKEEPING_KEYS, isBookkeepingLabel } from './bookkeeping.js';
import { asElement, findElement, toWritten, type Element, type WrittenElement } from './element.js';
import type { ChangeEntry, CitationRecord } from './history.js';
import type { WriteScope } from './run-write.js';

const {
  uid: UID,
  version: VERSION,
  retracted: RETRACTED,
  mergedInto: MERGED_INTO,
} = BOOKKEEPING_KEYS;

/** Longest reason accepted: a sentence or a paragraph, not a document. */
export const MAX_REASON_CHARS = 2_000;

export interface RetractInput {
  /** The node or relationship: element id, dossierUid or story id. */
  readonly id: string;
  readonly reason?: string | null;
  readonly citations?: readonly CitationInput[] | null;
}

/** What retract and restore return (JSON: an idempotency key replays it). */
export interface RetractWrite {
  readonly element: WrittenElement;
  readonly retracted: boolean;
  readonly change: ChangeEntry;
}

/** The reason as stored: trimmed; refused when required and missing, or too long. */
export function checkReason(reason: string | null | undefined, required: boolean): string | null {
  const text = reason?.trim() ?? '';
  if (text === '' && required) {
    throw userError(
      'BAD_USER_INPUT',
      '`reason` is required: say in a sentence why (it is kept in the history with the change).',
    );
  }
  if (text.length > MAX_REASON_CHARS) {
    throw userError(
      'BAD_USER_INPUT',
      `\`reason\` holds ${text.length} characters; keep it to at most ${MAX_REASON_CHARS}.`,
    );
  }
  return text === '' ? null : text;
}

/** Refuses Dossier's own records: only the user's facts can be retracted or merged. */
export function refuseBookkeeping(element: Element, ref: string): void {
  if (element.kind === 'node' && element.value.labels.some(isBookkeepingLabel)) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(ref)} is one of Dossier's own records (${element.value.labels.join(', ')}), not a fact of the investigation; it cannot be retracted, restored or merged.`,
    );
  }
}

/** Optional citations: checked against their sources when given, none otherwise. */
export async function optionalCitations(
  scope: WriteScope,
  citations: readonly CitationInput[] | null | undefined,
): Promise<CitationRecord[]> {
  return citations && citations.length > 0 ? checkCitations(scope.tx, citations) : [];
}

const matchElement = (element: Element): string =>
  element.kind === 'node'
    ? 'MATCH (e) WHERE elementId(e) = $id'
    : 'MATCH ()-[e]->() WHERE elementId(e) = $id';

/**
 * Takes Neo4j's write lock on the element for the rest of the transaction and reads it again, so
 * two requests on one element (a retract and a restore, two merges) take turns and each sees the
 * other's result. Setting and removing a property takes the lock and leaves nothing behind.
 */
export async function lockAndRead(scope: WriteScope, element: Element): Promise<Element> {
  const [row] = await scope.tx.run(
    `${matchElement(element)}
SET e.dossierLock = true
REMOVE e.dossierLock
RETURN e, $kind AS kind`,
    { id: element.value.id, kind: element.kind },
  );
  return asElement(row as Record<string, JsonValue>);
}

/*
 * Retracting sets one flag; nothing else of the element or of its relationships changes, which is
 * what makes restore exact: REMOVE the flag and the element is as it was (a node's relationships
 * were never touched; the read API hid them because their end was retracted). The element gets a
 * dossierUid (history points at it) and its version goes up, like every change.
 */
const SET_RETRACTED = `
SET e.${RETRACTED} = true,
    e.${UID} = coalesce(e.${UID}, $uid),
    e.${VERSION} = coalesce(e.${VERSION}, 0) + 1
RETURN e, $kind AS kind`;

const REMOVE_RETRACTED = `
REMOVE e.${RETRACTED}
SET e.${UID} = coalesce(e.${UID}, $uid),
    e.${VERSION} = coalesce(e.${VERSION}, 0) + 1
RETURN e, $kind AS kind`;

/**
 * Retracts (or restores) one node or relationship inside the write's transaction and records the
 * change. A retracted fact leaves the read API's default results, and so does every relationship
 * of a retracted node; restore gives back exactly the state before.
 */
export async function setRetracted(
  scope: WriteScope,
  input: RetractInput,
  retract: boolean,
): Promise<RetractWrite> {
  const reason = checkReason(input.reason, retract);
  const citations = await optionalCitations(scope, input.citations);
  const found = await findElement(
    scope.tx,
    input.id,
    retract ? 'the fact to retract' : 'the fact to restore',
  );
  refuseBookkeeping(found, input.id);
  const element = await lockAndRead(scope, found);
  const p = element.value.properties;
  const was = p[RETRACTED] === true;
  if (retract && was) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(input.id)} is already retracted. Restore it first if it should come back.`,
    );
  }
  if (!retract && !was) {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(input.id)} is not retracted, so there is nothing to restore.`,
    );
  }
  if (!retract && typeof p[MERGED_INTO] === 'string') {
    throw userError(
      'BAD_USER_INPUT',
      `${JSON.stringify(input.id)} was merged into another node (${p[MERGED_INTO]}); undo that with unmerge, which also takes its relationships and citations back off the survivor.`,
    );
  }
  const [row] = await scope.tx.run(
    `${matchElement(element)}${retract ? SET_RETRACTED : REMOVE_RETRACTED}`,
    { id: element.value.id, kind: element.kind, uid: randomUUID() },
  );
  const after = asElement(row as Record<string, JsonValue>);
  const written = toWritten(after);
  const change = await scope.record({
    action: retract ? 'retract' : 'restore',
    targets: [written.uid],
    kind: element.kind,
    before: { retracted: was, version: numberOr0(p[VERSION]) },
    after: { retracted: retract, version: written.version },
    citations,
    reason,
    version: written.version,
  });
  return { element: written, retracted: retract, change };
}

function numberOr0(v: JsonValue | undefined): number {
  return typeof v === 'number' ? v : 0;
}
