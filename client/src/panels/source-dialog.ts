import type { QuoteRange } from '../api/quote-ranges.js';
import { openSourceReader } from '../sources/mount-sources.js';

/**
 * Opens the cited article in the reader with the quote highlighted and scrolled into view: the
 * one click from a fact to the sentence that supports it. `range` is where the API located the
 * quote (its start/end); null when it did not find it. The reader (client/src/sources/) loads on
 * first use.
 */
export function openSource(
  articleId: string,
  quote: string,
  range: QuoteRange | null,
): Promise<void> {
  return openSourceReader(articleId, quote, range);
}
