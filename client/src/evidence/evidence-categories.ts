import type { EvidenceCategory, EvidenceState } from '../state/analysis.js';

/**
 * The evidence behind one fact (a node or a relationship), read from its properties as the story
 * and Dossier's writes keep them: `sources` lists the ids of the documents it cites (one per
 * passage, so an id may repeat), `disputed: true` or a `disagreement` id marks a fact that a
 * disagreement's claims oppose, `inferred: true` (read from context) or `dateInferred: true` (a
 * date completed from context) marks an inferred one. Pure: the legend, the classes and the tests
 * share it.
 *
 * Sources count as the server's path ranking counts them when `originOf` is given (the outlet a
 * document relays, else its publisher); without it each distinct document is one source.
 */
export interface Evidence {
  /** Independent sources. */
  readonly sources: number;
  readonly categories: readonly EvidenceCategory[];
}

/** Maps a cited document id to its origin (publisher or relayed outlet), when known. */
export type OriginOf = (documentId: string) => string | undefined;

/** The evidence of a fact from its properties. */
export function evidenceOf(
  props: Readonly<Record<string, unknown>> | undefined,
  originOf: OriginOf = () => undefined,
): Evidence {
  const p = props ?? {};
  const cited = Array.isArray(p['sources'])
    ? p['sources'].filter((s): s is string => typeof s === 'string' && s !== '')
    : typeof p['sources'] === 'string' && p['sources'] !== ''
      ? [p['sources']]
      : [];
  const sources = new Set(cited.map((id) => originOf(id) ?? `document:${id}`)).size;
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
