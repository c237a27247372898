/**
 * Names Dossier reserves in the user's graph for its own bookkeeping. One place, because the
 * writes (which set them), the read API (which hides them by default), export/restore and the
 * schema overview must all agree.
 *
 * Every reserved label and property key starts with `dossier` / `Dossier`, so the read side can
 * hide them with one prefix test (isBookkeepingLabel / isBookkeepingKey).
 */

/** Labels of nodes that are Dossier's own records, never part of the user's graph. */
export const BOOKKEEPING_LABELS = {
  /** One change to the investigation (create, cite, edit, retract, restore, merge, unmerge). */
  change: 'DossierChange',
  /** A client-supplied idempotency key and the result first returned for it. */
  idempotency: 'DossierIdempotencyKey',
  /** A saved view (a "case") and its earlier versions. */
  savedCase: 'DossierCase',
  /**
   * A short-lived lock on one fact's identity (label + name, or from + type + to), created and
   * deleted by one statement of a write transaction: its uniqueness constraint makes two concurrent writes
   * of the same fact take turns, so the second cites the first's element instead of duplicating it.
   */
  lock: 'DossierLock',
} as const;

/** Property keys Dossier sets on the user's nodes and relationships. */
export const BOOKKEEPING_KEYS = {
  /** A stable id (UUID) given to every element Dossier creates or changes; history points at it. */
  uid: 'dossierUid',
  /** Incremented by every change; edits carry the version they were based on. */
  version: 'dossierVersion',
  /** True while a fact is retracted: hidden from the read API's default results. */
  retracted: 'dossierRetracted',
  /** The dossierUid of the node a merged-away node now lives on. */
  mergedInto: 'dossierMergedInto',
  /** Aligned with `quotes`: where each quote starts and ends in its source's text (UTF-16). */
  quoteStarts: 'dossierQuoteStarts',
  quoteEnds: 'dossierQuoteEnds',
} as const;

const PREFIX = /^dossier/i;

/** True for a label that names Dossier's own records (hidden from the user's schema and search). */
export function isBookkeepingLabel(label: string): boolean {
  return PREFIX.test(label);
}

/** True for a property key Dossier keeps for itself (hidden from properties shown to the user). */
export function isBookkeepingKey(key: string): boolean {
  return PREFIX.test(key);
}
