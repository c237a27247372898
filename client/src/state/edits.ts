import type { View } from './view.js';

/**
 * One write made from the explorer, kept in the View so that undo and redo (which move between
 * Views) can tell which writes they step over and issue the inverse mutation for each.
 */
export interface EditStep {
  /** Unique per step (a step's identity in the diff). */
  readonly id: string;
  /**
   * add: a new fact (undo retracts it); retract and restore undo each other; cite: a citation
   * added to an existing fact (undo removes that one citation, redo adds it again).
   */
  readonly op: 'add' | 'retract' | 'restore' | 'cite';
  /** The element's dossierUid (what retract and restore take). */
  readonly target: string;
  /** What the user reads in messages. */
  readonly caption: string;
  /** For cite: the citation added, as the server stored it. */
  readonly citation?: { readonly source: string; readonly quote: string };
}

/** The mutation that takes a step back, and the one that makes it again. */
export type Mutation = 'retract' | 'restore' | 'uncite' | 'cite';

/** What undo issues for a step: the inverse of its write. */
export function inverseOf(step: EditStep): Mutation {
  if (step.op === 'cite') return 'uncite';
  return step.op === 'retract' ? 'restore' : 'retract';
}

/** What redo issues for a step: its write again (an add comes back by restore). */
export function replayOf(step: EditStep): Mutation {
  if (step.op === 'cite') return 'cite';
  return step.op === 'retract' ? 'retract' : 'restore';
}

/**
 * The mutations that take the server from `from`'s edits to `to`'s: the steps only `from` has,
 * newest first, inverted; then the steps only `to` has, oldest first, replayed.
 */
export function mutationsBetween(from: View, to: View): { step: EditStep; mutation: Mutation }[] {
  const a = from.edits ?? [];
  const b = to.edits ?? [];
  const inB = new Set(b.map((s) => s.id));
  const inA = new Set(a.map((s) => s.id));
  const undone = a
    .filter((s) => !inB.has(s.id))
    .reverse()
    .map((step) => ({ step, mutation: inverseOf(step) }));
  const redone = b
    .filter((s) => !inA.has(s.id))
    .map((step) => ({ step, mutation: replayOf(step) }));
  return [...undone, ...redone];
}
