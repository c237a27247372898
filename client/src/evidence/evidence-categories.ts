import type { EvidenceCategory, EvidenceState } from '../state/analysis.js';

/**
 * The evidence behind one fact (a node or a relationship), as the story and Dossier's writes keep
 * it: `disputed: true` or a `disagreement` id marks a fact that a disagreement's claims oppose,
 * `inferred: true` (read from context) or `dateInferred: true` (a date completed from context)
 * marks an inferred one. How many independent sources it has is not counted here: the server
 * counts them by its one rule (the API's `sourceCount`: distinct relayed outlets, publishers or
 * documents), the same count that ranks and filters paths. Pure: the legend, the classes and the
 * tests share it.
 */
export interface Evidence {
  /** Independent sources. */
  readonly sources: number;
  readonly categories: readonly EvidenceCategory[];
}

/** What a fact's evidence is read from: its properties and the server's count of its sources. */
export interface EvidenceInput {
  readonly properties?: Readonly<Record<string, unknown>>;
  /** The API's `sourceCount`; a fact that came without one counts no source. */
  readonly sourceCount?: number;
}

/** The evidence of a fact. */
export function evidenceOf(fact: EvidenceInput | undefined): Evidence {
  const p = fact?.properties ?? {};
  const sources = fact?.sourceCount ?? 0;
  const categories: EvidenceCategory[] = [];
  if (sources === 0) categories.push('unsourced');
  if (sources === 1) categories.push('single-source');
  if (
    p['disputed'] === true ||
    (typeof p['disagreement'] === 'string' && p['disagreement'] !== '')
  ) {
    categories.push('disputed');
  }
  if (p['inferred'] === true || p['dateInferred'] === true) categories.push('inferred');
  return { sources, categories };
}

/** True when the evidence legend hides a fact of these categories. */
export function hiddenByEvidence(
  evidence: Evidence,
  state: Pick<EvidenceState, 'hidden'>,
): boolean {
  return evidence.categories.some((c) => state.hidden.includes(c));
}

/** The size step a fact is drawn at when sized by its sources: 0, 1, 2, or 3 for three or more. */
export function sourceStep(sources: number): 0 | 1 | 2 | 3 {
  return sources >= 3 ? 3 : sources <= 0 ? 0 : (sources as 1 | 2);
}

/** How many facts of each category are among these (a fact may count in several). */
export function countCategories(all: Iterable<Evidence>): Record<EvidenceCategory, number> {
  const out: Record<EvidenceCategory, number> = {
    'single-source': 0,
    disputed: 0,
    inferred: 0,
    unsourced: 0,
  };
  for (const e of all) for (const c of e.categories) out[c] += 1;
  return out;
}
