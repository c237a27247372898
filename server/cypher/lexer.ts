import { positionOf } from './split-statements.js';

/** What kind of text a token is. Comments and whitespace are not tokens. */
export type TokenKind =
  /** A bare word: a keyword, a name, a function or procedure name part. */
  | 'word'
  /** A backtick-quoted name (never a keyword). */
  | 'quoted'
  /** A string literal. */
  | 'string'
  | 'number'
  /** `$name` or `$0`. */
  | 'parameter'
  /** Any other character: punctuation and operators, one character each. */
  | 'symbol';

export interface Token {
  readonly kind: TokenKind;
  /** The token's text as written. */
  readonly text: string;
  /** 0-based offset in the statement. */
  readonly offset: number;
}

const isWordStart = (c: string): boolean => /[\p{L}_]/u.test(c);
const isWordPart = (c: string): boolean => /[\p{L}\p{N}_]/u.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

function endOfQuoted(s: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < s.length) {
    if (s[i] === '\\' && quote !== '`') i += 2;
    else if (s[i] === quote) {
      // A doubled backtick is an escaped backtick inside a quoted name.
      if (quote === '`' && s[i + 1] === '`') i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

/**
 * Splits Cypher text into tokens, skipping comments and whitespace, and keeping string literals
 * and quoted names whole, so a keyword inside `'…CREATE…'`, `` `CREATE` `` or `// CREATE` is never
 * mistaken for a clause. Used only to say *where* something is; what a statement does is decided
 * by Neo4j's own planner.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = endOfQuoted(text, i, c);
      tokens.push({ kind: c === '`' ? 'quoted' : 'string', text: text.slice(i, end), offset: i });
      i = end;
    } else if (c === '$') {
      let end = i + 1;
      if (text[end] === '`') end = endOfQuoted(text, end, '`');
      else while (end < n && isWordPart(text.charAt(end))) end++;
      tokens.push({ kind: 'parameter', text: text.slice(i, end), offset: i });
      i = end;
    } else if (isWordStart(c)) {
      let end = i + 1;
      while (end < n && isWordPart(text.charAt(end))) end++;
      tokens.push({ kind: 'word', text: text.slice(i, end), offset: i });
      i = end;
    } else if (isDigit(c)) {
      let end = i + 1;
      while (end < n && /[\p{L}\p{N}_.]/u.test(text.charAt(end))) {
        // `1..3` in a variable-length pattern is two numbers and a range, not one number.
        if (text[end] === '.' && text[end + 1] === '.') break;
        end++;
      }
      tokens.push({ kind: 'number', text: text.slice(i, end), offset: i });
      i = end;
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i++;
    }
  }
  return tokens;
}

/** True when the token is the bare word `word` (case-insensitive). */
export function isWord(token: Token | undefined, word: string): boolean {
  return token?.kind === 'word' && token.text.toUpperCase() === word;
}

/**
 * True when a bare word at `index` stands where a keyword can: not a property key (`n.set`), a
 * label or type (`:Create`), a map key (`{set: 1}`), a variable with a label (`(create:X)`) or a
 * variable whose property is read (`create.name`).
 */
export function isKeywordPosition(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  if (token?.kind !== 'word') return false;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (before?.kind === 'symbol' && (before.text === '.' || before.text === ':')) return false;
  if (after?.kind === 'symbol' && (after.text === ':' || after.text === '.')) return false;
  return true;
}

/** 1-based line and column of a token in the statement text. */
export function tokenPosition(
  text: string,
  token: Token,
): { line: number; column: number; offset: number } {
  return { ...positionOf(text, token.offset), offset: token.offset };
}
