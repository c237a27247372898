/**
 * The sentence around [start, end) of `text`: from after the previous sentence end (". ", "! ",
 * "? " or a line break) to the next one, trimmed; the span itself when it crosses sentences.
 * What "cite this sentence" and "create" quote.
 */
export function sentenceAt(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; quote: string } {
  let s = start;
  while (s > 0) {
    const prev = text[s - 1] ?? '';
    if (prev === '\n') break;
    if (/\s/.test(prev) && /[.!?…]["”’)]?$/.test(text.slice(Math.max(0, s - 3), s - 1))) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text[e] ?? '';
    if (c === '\n') break;
    e++;
    if (/[.!?…]/.test(c) && (e >= text.length || /[\s"”’)]/.test(text[e] ?? ''))) {
      while (e < text.length && /["”’)]/.test(text[e] ?? '')) e++;
      break;
    }
  }
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e, quote: text.slice(s, e) };
}

/**
 * The text's sentences in order, as sentenceAt cuts them: what the reader's keyboard cursor
 * steps through (↓ and ↑ on the text), so a passage can be chosen without a mouse.
 */
export function sentencesOf(text: string): { start: number; end: number; quote: string }[] {
  const out: { start: number; end: number; quote: string }[] = [];
  let p = 0;
  while (p < text.length) {
    while (p < text.length && /\s/.test(text[p] ?? '')) p++;
    if (p >= text.length) break;
    const s = sentenceAt(text, p, p);
    if (s.end <= p) {
      p++;
      continue;
    }
    if (s.quote) out.push(s);
    p = s.end;
  }
  return out;
}
