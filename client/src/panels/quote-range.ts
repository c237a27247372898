/**
 * Where a quote sits in an article's text: an exact match first, then one that ignores
 * differences of whitespace and of typographic quotes/apostrophes (the quote may have been
 * copied from a rendering of the text). Null when the text does not contain it.
 */
export function findQuote(text: string, quote: string): { start: number; end: number } | null {
  if (!quote) return null;
  const exact = text.indexOf(quote);
  if (exact >= 0) return { start: exact, end: exact + quote.length };
  // Build a normalised copy of the text that remembers where each character came from.
  const map: number[] = [];
  let norm = '';
  for (let i = 0; i < text.length; i++) {
    const c = normChar(text.charAt(i));
    if (c === ' ' && norm.endsWith(' ')) continue;
    norm += c;
    map.push(i);
  }
  const q = [...quote].map(normChar).join('').replace(/ +/g, ' ').trim();
  const at = norm.indexOf(q);
  if (at < 0) return null;
  const start = map[at] ?? 0;
  const end = (map[at + q.length - 1] ?? start) + 1;
  return { start, end };
}

function normChar(c: string): string {
  if (/\s/.test(c)) return ' ';
  if ('‘’′`'.includes(c)) return "'";
  if ('“”″'.includes(c)) return '"';
  return c.toLowerCase();
}
