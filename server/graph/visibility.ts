import { BOOKKEEPING_KEYS, isBookkeepingKey, isBookkeepingLabel } from '../writes/bookkeeping.js';
import { nameAlternatives } from './cypher-names.js';
import type { LiveSchema } from './live-schema.js';

/**
 * What the read API leaves out of its default results, as Cypher predicates: retracted facts
 * (dossierRetracted = true on a node or relationship, and every relationship of a retracted node)
 * and Dossier's own bookkeeping nodes (DossierChange …).
 *
 * Each predicate is '' when it cannot exclude anything, so a graph where nothing was ever
 * retracted runs exactly the statements it ran before: the relationship totals keep reading
 * Neo4j's degree store instead of walking every relationship of a hub. "Ever retracted" is read
 * from the live schema's property keys (a key stays listed once used); a retraction forgets the
 * cached schema, so the next read sees the key.
 */
export interface Visibility {
  /** A predicate true for a node the results may show, or ''. */
  node(variable: string): string;
  /**
   * The same for a node reached through a relationship: only the retraction test, since
   * Dossier's bookkeeping nodes have no relationships. Keeping the label test out of hops keeps
   * relationship totals on the degree store until something is retracted.
   */
  end(variable: string): string;
  /** A predicate true for a relationship the results may show (its ends are checked apart), or ''. */
  rel(variable: string): string;
  /** True when the predicates can exclude something. */
  readonly filters: boolean;
}

const RETRACTED = BOOKKEEPING_KEYS.retracted;

/** Everything visible: the predicates of a graph with no retraction and no bookkeeping. */
export const SHOW_EVERYTHING: Visibility = {
  node: () => '',
  end: () => '',
  rel: () => '',
  filters: false,
};

/** `${variable}` is not retracted (absent, or anything but true). */
export function notRetracted(variable: string): string {
  return `coalesce(${variable}.${RETRACTED}, false) <> true`;
}

/** Joins the non-empty predicates with AND; '' when there are none. */
export function allOf(...predicates: readonly string[]): string {
  const kept = predicates.filter((p) => p !== '');
  return kept.length <= 1 ? (kept[0] ?? '') : kept.map((p) => `(${p})`).join(' AND ');
}

/** ` WHERE p` for a non-empty predicate, '' otherwise. */
export function where(predicate: string): string {
  return predicate === '' ? '' : ` WHERE ${predicate}`;
}

/** ` AND p` for a non-empty predicate, '' otherwise (to extend an existing WHERE). */
export function andAlso(predicate: string): string {
  return predicate === '' ? '' : ` AND ${predicate}`;
}

/**
 * The visibility rules for one request.
 * @param live the live schema (labels and property keys in use)
 * @param options.includeRetracted show retracted facts too (the field argument)
 * @param options.requestedLabels labels the request asked for by name: a bookkeeping label named
 *   explicitly is shown, since the caller asked for it
 */
export function visibilityOf(
  live: Pick<LiveSchema, 'labels' | 'propertyKeys'>,
  options: { includeRetracted?: boolean | null; requestedLabels?: readonly string[] } = {},
): Visibility {
  const hideRetracted = options.includeRetracted !== true && live.propertyKeys.has(RETRACTED);
  const requested = new Set(options.requestedLabels ?? []);
  const hiddenLabels = [...live.labels].filter((l) => isBookkeepingLabel(l) && !requested.has(l));
  const labelTest = hiddenLabels.length > 0 ? nameAlternatives(hiddenLabels.sort()) : '';
  return {
    node: (v) =>
      allOf(hideRetracted ? notRetracted(v) : '', labelTest ? `NOT ${v}${labelTest}` : ''),
    end: (v) => (hideRetracted ? notRetracted(v) : ''),
    rel: (v) => (hideRetracted ? notRetracted(v) : ''),
    filters: hideRetracted || labelTest !== '',
  };
}

/** A relationship and the node at its far end are both visible. */
export function hopVisible(vis: Visibility, rel: string, other: string): string {
  return allOf(vis.rel(rel), vis.end(other));
}

/** The properties a user sees by default: Dossier's own keys (dossierUid …) left out. */
export function userProperties<T>(properties: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(properties)) if (!isBookkeepingKey(k)) out[k] = v;
  return out;
}

/**
 * As {@link userProperties}, for an answer that is only serialised: the same object when none of
 * its keys is Dossier's own (nearly every element), so reading a hundred elements does not copy a
 * hundred property maps. Do not change what it returns.
 */
export function shownProperties<T>(properties: Record<string, T>): Readonly<Record<string, T>> {
  for (const k in properties) if (isBookkeepingKey(k)) return userProperties(properties);
  return properties;
}

/** True when an element's properties mark it retracted. */
export function isRetracted(properties: Record<string, unknown>): boolean {
  return properties[RETRACTED] === true;
}
