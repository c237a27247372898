/**
 * Pure helpers for search: turning what a user typed into words, into a Lucene query, and
 * finding the snippet of a node that shows why it matched.
 */

/** The words of a search text, lower-cased: letters and digits, with inner apostrophes kept. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words)];
}

/** A property key as a Lucene field name: its query-syntax characters escaped. */
export function luceneField(key: string): string {
  return key.replace(/[+\-&|!(){}[\]^"~*?:\\/\s]/g, (c) => `\\${c}`);
}

/**
 * A Lucene query in which every word must match, either exactly (ranked higher) or as a prefix,
 * so "byte dan" finds "ByteDance" while the user types. Matches in `captionFields` (the caption
 * properties the index covers, e.g. name and title) rank above matches elsewhere, so the entity
 * called Forbes comes before the claims that mention it. Words hold only letters, digits and
 * apostrophes, none of which Lucene treats as syntax.
 */
export function luceneQuery(
  words: readonly string[],
  captionFields: readonly string[] = [],
): string {
  const fields = captionFields.map(luceneField);
  return words
    .map((w) => {
      const boosted = fields.flatMap((f) => [`${f}:${w}^8`, `${f}:${w}*^4`]);
      return `+(${[...boosted, `${w}^2`, `${w}*`].join(' OR ')})`;
    })
    .join(' ');
}

export interface TextRange {
  start: number;
  end: number;
}

export interface Snippet {
  property: string;
  text: string;
  highlights: TextRange[];
}

/** Where each word occurs at the start of a word of `text`, ignoring case: whole words marked. */
export function wordMatches(text: string, words: readonly string[]): TextRange[] {
  const ranges: TextRange[] = [];
  const lower = text.toLowerCase();
  const wordPattern = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  for (const m of lower.matchAll(wordPattern)) {
    if (words.some((w) => m[0].startsWith(w))) {
      ranges.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return ranges;
}

/** The longest excerpt shown. */
export const SNIPPET_LENGTH = 160;

/** Cuts `text` to about SNIPPET_LENGTH characters around its first match, at word boundaries. */
function excerpt(text: string, ranges: TextRange[]): { text: string; shift: number } {
  if (text.length <= SNIPPET_LENGTH) return { text, shift: 0 };
  const first = ranges[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(SNIPPET_LENGTH / 3));
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && first - space < SNIPPET_LENGTH / 2 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  return { text: prefix + text.slice(start, end) + suffix, shift: prefix.length - start };
}

/** Every place `text` contains one of `words` anywhere, ignoring case. */
export function substringMatches(text: string, words: readonly string[]): TextRange[] {
  const lower = text.toLowerCase();
  const ranges: TextRange[] = [];
  for (const w of words) {
    for (let i = lower.indexOf(w); i >= 0 && w.length > 0; i = lower.indexOf(w, i + w.length)) {
      ranges.push({ start: i, end: i + w.length });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

/**
 * The snippet that explains a hit: the first of `keys` whose text (or one of whose list items)
 * contains a word starting with one of `words` (or, failing that, containing one), cut around the
 * match, with the matches marked.
 */
export function findSnippet(
  properties: Record<string, unknown>,
  keys: readonly string[],
  words: readonly string[],
): Snippet | null {
  if (words.length === 0) return null;
  return (
    snippetBy(properties, keys, words, wordMatches) ??
    snippetBy(properties, keys, words, substringMatches)
  );
}

function snippetBy(
  properties: Record<string, unknown>,
  keys: readonly string[],
  words: readonly string[],
  matches: (text: string, words: readonly string[]) => TextRange[],
): Snippet | null {
  for (const key of keys) {
    const value = properties[key];
    const texts = Array.isArray(value) ? value : [value];
    for (const item of texts) {
      if (typeof item !== 'string' && typeof item !== 'number') continue;
      const text = String(item);
      const ranges = matches(text, words);
      if (ranges.length === 0) continue;
      const cut = excerpt(text, ranges);
      const highlights = ranges
        .map((r) => ({ start: r.start + cut.shift, end: r.end + cut.shift }))
        .filter((r) => r.start >= 0 && r.end <= cut.text.length);
      return { property: key, text: cut.text, highlights };
    }
  }
  return null;
}
