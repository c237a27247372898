import { isKeywordPosition, isWord, type Token } from './lexer.js';
import type { PreparedStatement } from './statement-prefix.js';
import { positionOf } from './split-statements.js';

/** A clause found in a statement: its words, upper-cased, and where it starts in the statement. */
export interface Located {
  readonly clause: string;
  /** 1-based, in the statement. */
  readonly line: number;
  /** 1-based, in the statement. */
  readonly column: number;
  /** 0-based, in the statement. */
  readonly offset: number;
}

function at(statement: PreparedStatement, token: Token, clause: string): Located {
  return { clause, ...positionOf(statement.text, token.offset), offset: token.offset };
}

/** Where `token` is, named `clause`. */
export function tokenAt(statement: PreparedStatement, token: Token, clause: string): Located {
  return at(statement, token, clause);
}

/** Where the statement's first clause starts (after CYPHER options, EXPLAIN and PROFILE). */
export function locateStart(statement: PreparedStatement): Located {
  const token = statement.tokens[statement.firstClause] ?? statement.tokens[0];
  return token
    ? at(statement, token, token.text.toUpperCase())
    : { clause: '', line: 1, column: 1, offset: 0 };
}

const WRITE_CLAUSES = new Set(['CREATE', 'MERGE', 'SET', 'REMOVE', 'DELETE']);

/** The first clause that writes: CREATE, MERGE, SET, REMOVE, DELETE, DETACH / NODETACH DELETE. */
export function locateWrite(statement: PreparedStatement): Located | undefined {
  const { tokens } = statement;
  for (let i = statement.firstClause; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isKeywordPosition(tokens, i)) continue;
    const word = t.text.toUpperCase();
    if ((word === 'DETACH' || word === 'NODETACH') && isWord(tokens[i + 1], 'DELETE')) {
      return at(statement, t, `${word} DELETE`);
    }
    if (WRITE_CLAUSES.has(word)) return at(statement, t, word);
  }
  return undefined;
}

/** `CALL name` for the procedure `name` (compared case-insensitively), e.g. CALL db.createLabel. */
export function locateProcedureCall(
  statement: PreparedStatement,
  name: string,
): Located | undefined {
  const { tokens } = statement;
  const wanted = name.toLowerCase();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isWord(t, 'CALL')) continue;
    let j = i + 1;
    let called = '';
    while (tokens[j]?.kind === 'word' || tokens[j]?.kind === 'quoted') {
      called += (tokens[j]?.text ?? '').replace(/^`|`$/g, '');
      if (tokens[j + 1]?.kind === 'symbol' && tokens[j + 1]?.text === '.') {
        called += '.';
        j += 2;
      } else break;
    }
    if (called.toLowerCase() === wanted) return at(statement, t, `CALL ${name}`);
  }
  return undefined;
}

/** The first place where `words` follow one another as keywords, e.g. LOAD CSV. */
export function locateWords(statement: PreparedStatement, ...words: string[]): Located | undefined {
  const { tokens } = statement;
  for (let i = 0; i < tokens.length; i++) {
    if (!isKeywordPosition(tokens, i)) continue;
    if (words.every((w, k) => isWord(tokens[i + k], w))) {
      const t = tokens[i];
      if (t) return at(statement, t, words.join(' '));
    }
  }
  return undefined;
}

/** `IN [n CONCURRENT] TRANSACTIONS` of a `CALL { … }` subquery. */
export function locateInTransactions(statement: PreparedStatement): Located | undefined {
  const { tokens } = statement;
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'TRANSACTIONS')) continue;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
      const t = tokens[k];
      if (t && isWord(t, 'IN')) return at(statement, t, 'IN TRANSACTIONS');
    }
  }
  return undefined;
}

// Words that continue a command's name: CREATE [OR REPLACE] [RANGE] INDEX, SHOW USERS, STOP DATABASE …
const COMMAND_WORDS = new Set([
  'OR',
  'REPLACE',
  'INDEX',
  'INDEXES',
  'CONSTRAINT',
  'CONSTRAINTS',
  'RANGE',
  'TEXT',
  'POINT',
  'LOOKUP',
  'FULLTEXT',
  'VECTOR',
  'BTREE',
  'USER',
  'USERS',
  'ROLE',
  'ROLES',
  'DATABASE',
  'DATABASES',
  'COMPOSITE',
  'ALIAS',
  'ALIASES',
  'SERVER',
  'SERVERS',
  'PRIVILEGE',
  'PRIVILEGES',
  'TRANSACTION',
  'TRANSACTIONS',
  'SETTING',
  'SETTINGS',
  'PROCEDURE',
  'PROCEDURES',
  'FUNCTION',
  'FUNCTIONS',
  'CURRENT',
  'HOME',
  'DEFAULT',
  'ALL',
  'IMMUTABLE',
]);

/** A command's leading words, e.g. CREATE INDEX, DROP CONSTRAINT, CREATE USER, SHOW TRANSACTIONS. */
export function locateCommand(statement: PreparedStatement): Located {
  const start = locateStart(statement);
  const { tokens } = statement;
  const words = [start.clause];
  for (let i = statement.firstClause + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.kind !== 'word' || !COMMAND_WORDS.has(t.text.toUpperCase())) break;
    words.push(t.text.toUpperCase());
  }
  return { ...start, clause: words.join(' ') };
}

/**
 * A `USE` clause naming a graph other than `database`, e.g. `USE system`. USE can only start a
 * query or a subquery, so only those places are looked at (a variable called `use` is not a clause).
 */
export function locateForeignUse(
  statement: PreparedStatement,
  database: string,
): Located | undefined {
  const { tokens } = statement;
  for (let i = statement.firstClause; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isWord(t, 'USE')) continue;
    const before = tokens[i - 1];
    const startsQuery =
      i === statement.firstClause ||
      (before?.kind === 'symbol' && before.text === '{') ||
      isWord(before, 'UNION') ||
      isWord(before, 'ALL');
    if (!startsQuery) continue;
    // `USE [GRAPH] name`; anything but a plain name (graph.byName(…), a.b) is another graph too.
    let k = i + 1;
    if (isWord(tokens[k], 'GRAPH')) k++;
    const target = tokens[k];
    const name = target?.text.replace(/^`|`$/g, '') ?? '';
    const plain =
      (target?.kind === 'word' || target?.kind === 'quoted') &&
      !(tokens[k + 1]?.kind === 'symbol' && ['.', '('].includes(tokens[k + 1]?.text ?? ''));
    if (!plain || name.toLowerCase() !== database.toLowerCase()) {
      return at(statement, t, `USE ${name || '…'}`.trim());
    }
  }
  return undefined;
}
