/**
 * Pure helpers of the mention finder: which words of a source to ask the full-text index about,
 * and where the names of the nodes it returned occur in the text.
 */

/** A node and the names it goes by (its caption, then its aliases). */
export interface NamedNode {
  readonly nodeId: string;
  readonly names: readonly string[];
}

/** One place a source names a node: [start, end) in UTF-16 offsets, and the name matched. */
export interface MentionSpan {
  readonly start: number;
  readonly end: number;
  readonly nodeId: string;
  readonly name: string;
}

/** Words too common to identify anything: asking the index about them only crowds out names. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in into is it its of on ' +
    'or our she so than that the their them then there these they this those to was we were which ' +
    'who will with would you your not no also after before about over under more most other some'
  ).split(' '),
);

/** The distinct words of a text worth asking the full-text index about (lower-cased, no stop words). */
export function indexWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(words)].filter((w) => w.length >= 2 && !STOP_WORDS.has(w));
}

/** Splits `items` into lists of at most `size` (Lucene refuses a query of over 1,024 clauses). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A name as a pattern: whole words only (no letter or digit on either side), any run of
 * whitespace for a space, either apostrophe. Names of three characters or fewer ("US", "AFP")
 * must match their case, so "us" in a sentence is not the United States.
 */
function namePattern(name: string): RegExp {
  const body = escapeRegExp(name.trim()).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]");
  const flags = name.trim().length <= 3 ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
}

/**
 * Every place `text` names one of `nodes`, left to right. Where names overlap the longest wins
 * ("Financial Times" over "Times"), then the first node given; names shorter than two
 * characters are ignored.
 */
export function findMentions(text: string, nodes: readonly NamedNode[]): MentionSpan[] {
  const found: MentionSpan[] = [];
  for (const node of nodes) {
    const names = [...new Set(node.names.map((n) => n.trim()))].filter((n) => n.length >= 2);
    for (const name of names) {
      for (const m of text.matchAll(namePattern(name))) {
        found.push({ start: m.index, end: m.index + m[0].length, nodeId: node.nodeId, name });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: MentionSpan[] = [];
  let reached = 0;
  for (const span of found) {
    if (span.start < reached) continue;
    kept.push(span);
    reached = span.end;
  }
  return kept;
}
