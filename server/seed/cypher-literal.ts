import neo4j from 'neo4j-driver';

/**
 * Reads one Cypher literal — what cypher/seed.cypher writes as property values — into the value
 * the driver must send as a parameter for Neo4j to store the same thing: integers as driver
 * Integers (a JS number would be stored as a FLOAT), floats as numbers, `date('…')` as a driver
 * Date, strings with Cypher's escapes, booleans, null, lists and maps. Anything else (a variable,
 * an expression, another function) is not a literal: it throws NotALiteral, and the caller runs
 * that statement as written.
 */
export class NotALiteral extends Error {}

export interface Parsed<T> {
  readonly value: T;
  /** Offset just past the literal. */
  readonly end: number;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};

/** Offset of the first character at or after `i` that is not white space. */
export function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

export function parseString(text: string, start: number): Parsed<string> {
  const quote = text[start];
  if (quote !== "'" && quote !== '"') throw new NotALiteral(`no string at ${start}`);
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\') {
      const e = text[i + 1] ?? '';
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (e === 'u' || e === 'U') {
        const digits = e === 'u' ? 4 : 8;
        const hex = text.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits)
          throw new NotALiteral(`bad escape at ${i}`);
        value += String.fromCodePoint(parseInt(hex, 16));
        i += 2 + digits;
      } else {
        throw new NotALiteral(`unknown escape \\${e} at ${i}`);
      }
    } else {
      value += ch;
      i++;
    }
  }
  throw new NotALiteral(`unterminated string at ${start}`);
}

/** A map literal `{key: value, …}`; keys are plain or backtick-quoted names. */
export function parseMap(text: string, start: number): Parsed<Record<string, unknown>> {
  if (text[start] !== '{') throw new NotALiteral(`no map at ${start}`);
  const value: Record<string, unknown> = {};
  let i = skipSpace(text, start + 1);
  if (text[i] === '}') return { value, end: i + 1 };
  for (;;) {
    const key = parseKey(text, i);
    i = skipSpace(text, key.end);
    if (text[i] !== ':') throw new NotALiteral(`expected ':' at ${i}`);
    const item = parseLiteral(text, skipSpace(text, i + 1));
    value[key.value] = item.value;
    i = skipSpace(text, item.end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] === '}') return { value, end: i + 1 };
    else throw new NotALiteral(`expected ',' or '}' at ${i}`);
  }
}

function parseKey(text: string, i: number): Parsed<string> {
  if (text[i] === '`') {
    const close = text.indexOf('`', i + 1);
    if (close < 0 || text[close + 1] === '`') throw new NotALiteral(`unsupported name at ${i}`);
    return { value: text.slice(i + 1, close), end: close + 1 };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 200));
  if (!m) throw new NotALiteral(`expected a key at ${i}`);
  return { value: m[0], end: i + m[0].length };
}

function parseList(text: string, start: number): Parsed<unknown[]> {
  const value: unknown[] = [];
  let i = skipSpace(text, start + 1);
  if (text[i] === ']') return { value, end: i + 1 };
  for (;;) {
    const item = parseLiteral(text, i);
    value.push(item.value);
    i = skipSpace(text, item.end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
    else if (text[i] === ']') return { value, end: i + 1 };
    else throw new NotALiteral(`expected ',' or ']' at ${i}`);
  }
}

/** Any literal at `start` (no leading white space). */
export function parseLiteral(text: string, start: number): Parsed<unknown> {
  const c = text[start];
  if (c === "'" || c === '"') return parseString(text, start);
  if (c === '{') return parseMap(text, start);
  if (c === '[') return parseList(text, start);
  const rest = text.slice(start, start + 64);
  const number =
    /^-?(?:\d+\.\d*(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\.\d+(?:[eE][-+]?\d+)?|\d+)(?![\w.])/.exec(
      rest,
    );
  if (number) {
    const t = number[0];
    const isFloat = /[.eE]/.test(t);
    if (!isFloat && !/^-?(?:0|[1-9]\d*)$/.test(t))
      throw new NotALiteral(`octal or hex at ${start}`);
    return { value: isFloat ? Number(t) : neo4j.int(t), end: start + t.length };
  }
  const word = /^(true|false|null)(?!\w)/i.exec(rest);
  if (word) {
    const w = (word[1] ?? '').toLowerCase();
    return { value: w === 'null' ? null : w === 'true', end: start + w.length };
  }
  const date = /^date\(\s*/i.exec(rest);
  if (date) {
    const arg = parseString(text, start + date[0].length);
    const close = skipSpace(text, arg.end);
    const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(arg.value);
    if (text[close] !== ')' || !ymd) throw new NotALiteral(`unsupported date( at ${start}`);
    return {
      value: new neo4j.types.Date(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])),
      end: close + 1,
    };
  }
  throw new NotALiteral(`not a literal at ${start}: ${rest.slice(0, 20)}`);
}
