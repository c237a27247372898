/** One statement of a script, with where it starts in the script (1-based line and column). */
export interface ScriptStatement {
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the statement's first character in the script. */
  readonly offset: number;
}

/**
 * Splits Cypher text on the semicolons that end statements, ignoring semicolons inside string
 * literals, backtick-quoted names and comments. Empty statements (only whitespace and comments)
 * are dropped.
 */
export function splitStatements(script: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const position = positionsInOrder(script);
  const push = (end: number): void => {
    const raw = script.slice(start, end);
    if (stripComments(raw).trim() !== '') {
      const lead = raw.length - raw.trimStart().length;
      const pos = position(start + lead);
      out.push({ text: raw.trim(), line: pos.line, column: pos.column, offset: start + lead });
    }
  };
  while (i < n) {
    const c = script[i];
    const next = script[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && script[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const close = script.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      i = skipQuoted(script, i, c);
    } else if (c === ';') {
      push(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(n);
  return out;
}

function skipQuoted(s: string, from: number, quote: string): number {
  let i = from + 1;
  while (i < s.length) {
    if (s[i] === '\\' && quote !== '`') {
      i += 2;
    } else if (s[i] === quote) {
      // A doubled backtick is an escaped backtick inside a quoted name.
      if (quote === '`' && s[i + 1] === '`') i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return s.length;
}

/** Replaces comments with spaces (keeping line breaks, so positions stay valid). */
export function stripComments(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1];
    if (c === '/' && next === '/') {
      while (i < s.length && s[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && next === '*') {
      const close = s.indexOf('*/', i + 2);
      const end = close === -1 ? s.length : close + 2;
      out += s.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = skipQuoted(s, i, c);
      out += s.slice(i, end);
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * Line and column of offsets asked in increasing order, counting each line break once: a script
 * of thousands of statements (a restore, a seed) would otherwise rescan from its start for each.
 */
function positionsInOrder(s: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  let scanned = 0;
  return (offset) => {
    for (; scanned < offset && scanned < s.length; scanned++) {
      if (s.charCodeAt(scanned) === 10) {
        line++;
        lastBreak = scanned;
      }
    }
    return { line, column: offset - lastBreak };
  };
}

/** 1-based line and column of an offset. */
export function positionOf(s: string, offset: number): { line: number; column: number } {
  return positionsInOrder(s)(offset);
}
