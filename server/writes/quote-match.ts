/**
 * Finding a quote in its source's text, whitespace-insensitively: a quote copied from a web page
 * or a PDF often has its line breaks and double spaces changed, and nothing else. Every other
 * character (letters, punctuation, curly quotes, the source's own typos) must match exactly.
 */

/** Where a quote was found: UTF-16 offsets in the original text, and the text's own words there. */
export interface QuoteMatch {
  readonly start: number;
  readonly end: number;
  /** text.slice(start, end): what is stored as the quote, so `quotes[i]` is always verbatim. */
  readonly exact: string;
}

/** Why a quote was not found, in words a person can act on. */
export interface QuoteMiss {
  /** Words of the quote that appear nowhere in the text. */
  readonly missingWords: string[];
  /** When every word is in the text: the longest beginning of the quote that is, verbatim. */
  readonly matchedPrefix: string;
}

/** The text with every run of whitespace collapsed to one space, and where each kept character came from. */
function collapse(text: string): { chars: string; origin: number[] } {
  let chars = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      if (!inSpace) {
        chars += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      chars += c;
      origin.push(i);
      inSpace = false;
    }
  }
  return { chars, origin };
}

/** The quote as it will be compared: trimmed, whitespace runs collapsed to one space. */
export function normaliseQuote(quote: string): string {
  return quote.trim().replace(/\s+/g, ' ');
}

/**
 * The first place `quote` occurs in `text` once whitespace is collapsed in both, or null. The
 * match is mapped back to the original text, so offsets and `exact` refer to the source itself.
 */
export function findQuote(text: string, quote: string): QuoteMatch | null {
  const wanted = normaliseQuote(quote);
  if (wanted === '') return null;
  const { chars, origin } = collapse(text);
  const at = chars.indexOf(wanted);
  if (at < 0) return null;
  const start = origin[at] as number;
  const end = (origin[at + wanted.length - 1] as number) + 1;
  return { start, end, exact: text.slice(start, end) };
}

/** Says what of `quote` is not in `text`: words missing outright, or where the passage breaks. */
export function explainMiss(text: string, quote: string): QuoteMiss {
  const { chars } = collapse(text);
  const words = normaliseQuote(quote).split(' ').filter(Boolean);
  const missingWords = [...new Set(words.filter((w) => !chars.includes(w)))];
  let matched = 0;
  while (matched < words.length && chars.includes(words.slice(0, matched + 1).join(' '))) {
    matched++;
  }
  return { missingWords, matchedPrefix: words.slice(0, matched).join(' ') };
}
