import nlp from 'compromise';

/** What kind of thing a suggested entity is, as compromise tells them apart. */
export type SuggestionKind = 'Person' | 'Organization' | 'Place';

/** A name the text uses that the graph does not hold yet. */
export interface Suggestion {
  readonly name: string;
  readonly kind: SuggestionKind;
  /** Its first occurrence, [start, end) in the text. */
  readonly start: number;
  readonly end: number;
  /** How often the text uses it. */
  readonly count: number;
}

/** What the finders return: a match list compromise can give as JSON with character offsets. */
interface Found {
  json(options: { offset: boolean }): unknown;
}

const FINDERS: readonly [SuggestionKind, (doc: ReturnType<typeof nlp>) => Found][] = [
  ['Person', (d) => d.people()],
  ['Organization', (d) => d.organizations()],
  ['Place', (d) => d.places()],
];

interface Offset {
  readonly start: number;
  readonly length: number;
}

/** The name at an offset without the punctuation and possessive compromise leaves on it. */
function trimmed(text: string, at: Offset): { name: string; start: number; end: number } {
  let start = at.start;
  let end = at.start + at.length;
  while (start < end && /[^\p{L}\p{N}]/u.test(text[start] ?? '')) start++;
  while (end > start && /[^\p{L}\p{N}]/u.test(text[end - 1] ?? '')) end--;
  const possessive = /['’]s$/u.exec(text.slice(start, end));
  if (possessive) end -= possessive[0].length;
  return { name: text.slice(start, end), start, end };
}

/**
 * People, organisations and places the text names, found by compromise (a small rule-based NLP
 * library that runs in the page: no network, no model to download), less those the graph already
 * holds: names equal (case aside) to a `known` name, and spans overlapping a `taken` one (a
 * mention of a node). Most used first, then in text order.
 */
export function suggestEntities(
  text: string,
  known: readonly string[],
  taken: readonly { start: number; end: number }[] = [],
): Suggestion[] {
  const doc = nlp(text);
  const knownNames = new Set(known.map((k) => k.trim().toLowerCase()));
  const byName = new Map<string, Suggestion>();
  for (const [kind, find] of FINDERS) {
    const found = find(doc).json({ offset: true }) as { offset?: Offset }[];
    for (const f of found) {
      if (!f.offset) continue;
      const { name, start, end } = trimmed(text, f.offset);
      const key = name.toLowerCase();
      if (name.length < 2 || knownNames.has(key)) continue;
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      const prev = byName.get(key);
      byName.set(
        key,
        prev ? { ...prev, count: prev.count + 1 } : { name, kind, start, end, count: 1 },
      );
    }
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.start - b.start);
}
