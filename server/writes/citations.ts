import type { Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { CitationRecord } from './history.js';
import { explainMiss, findQuote } from './quote-match.js';

/** A citation as a client sends it. */
export interface CitationInput {
  readonly source: string;
  readonly quote: string;
}

/** Most citations one write may carry. */
export const MAX_CITATIONS = 50;
/** Longest quote accepted (a passage, not a document). */
export const MAX_QUOTE_CHARS = 5_000;

const SOURCE_TEXTS = `
MATCH (a:Article) WHERE a.id IN $ids
RETURN a.id AS id, a.text AS text`;

/**
 * Checks every citation against its source's stored text, in the write's own transaction (so a
 * source cannot change between the check and the write), and returns each with the source's exact
 * words and their offsets. Refuses with BAD_USER_INPUT naming the source and the words not found.
 */
export async function checkCitations(
  tx: Tx,
  citations: readonly CitationInput[],
): Promise<CitationRecord[]> {
  if (citations.length === 0) {
    throw userError(
      'BAD_USER_INPUT',
      'Every fact needs at least one citation {source, quote}: the id of a stored source and a passage of its text that supports the fact.',
    );
  }
  if (citations.length > MAX_CITATIONS) {
    throw userError(
      'BAD_USER_INPUT',
      `At most ${MAX_CITATIONS} citations can be sent in one write; split it.`,
    );
  }
  for (const c of citations) {
    if (c.quote.length > MAX_QUOTE_CHARS) {
      throw userError(
        'BAD_USER_INPUT',
        `A quote of ${c.quote.length} characters was sent; cite a passage of at most ${MAX_QUOTE_CHARS} characters.`,
      );
    }
  }
  const ids = [...new Set(citations.map((c) => c.source))];
  const rows = await tx.run(SOURCE_TEXTS, { ids });
  const texts = new Map(rows.map((r) => [String(r['id']), r['text']]));
  return citations.map((c) => {
    const text = texts.get(c.source);
    if (typeof text !== 'string') {
      throw userError(
        'BAD_USER_INPUT',
        `There is no source with id ${JSON.stringify(c.source)} (or it has no text). Add it with addSource, or cite the id addSource returned.`,
        { source: c.source },
      );
    }
    const match = findQuote(text, c.quote);
    if (!match) throw quoteNotFound(c, text);
    return { source: c.source, quote: match.exact, start: match.start, end: match.end };
  });
}

function quoteNotFound(c: CitationInput, text: string): Error {
  const miss = explainMiss(text, c.quote);
  const why =
    c.quote.trim() === ''
      ? 'the quote is empty'
      : miss.missingWords.length > 0
        ? `these words are not in it: ${miss.missingWords.map((w) => JSON.stringify(w)).join(', ')}`
        : miss.matchedPrefix === ''
          ? 'its words are in the source, but not together'
          : `its words are in the source, but not together: the passage breaks after ${JSON.stringify(miss.matchedPrefix)}`;
  return userError(
    'BAD_USER_INPUT',
    `The quote is not a verbatim passage of source ${JSON.stringify(c.source)}: ${why}. Copy the exact words from the source (line breaks and spacing may differ).`,
    { source: c.source, missingWords: miss.missingWords, matchedPrefix: miss.matchedPrefix },
  );
}

/** Drops citations the element already has (same source, same words) and repeats within `fresh`. */
export function newCitations(
  existing: { sources: readonly unknown[]; quotes: readonly unknown[] },
  fresh: readonly CitationRecord[],
): CitationRecord[] {
  const seen = new Set(
    existing.sources.map((s, i) => `${String(s)}\u0000${String(existing.quotes[i])}`),
  );
  return fresh.filter((c) => {
    const key = `${c.source}\u0000${c.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
