import type { GraphQLError } from 'graphql';
import { userError } from '../db/errors.js';
import type { Located } from './locate.js';
import { ALLOWED_PROCEDURES } from './procedure-allowlist.js';
import { ALLOWED_QUERY_OPTIONS } from './statement-prefix.js';

/** Why the console refuses a statement. */
export type RefusalReason =
  /** It creates, changes or deletes data. */
  | 'WRITE'
  /** It creates or drops an index or a constraint. */
  | 'SCHEMA'
  /** It manages users, roles, databases or privileges. */
  | 'ADMINISTRATION'
  /** It reads a file or a URL. */
  | 'LOAD_CSV'
  /** It calls a procedure outside the allow-list. */
  | 'PROCEDURE'
  /** It names another database. */
  | 'DATABASE'
  /** It commits in batches of its own (CALL { … } IN TRANSACTIONS). */
  | 'IN_TRANSACTIONS'
  /** It shows or stops other people's work or the server's settings (SHOW TRANSACTIONS …). */
  | 'COMMAND'
  /** It sets a query option outside the allowed ones (CYPHER debug=…). */
  | 'QUERY_OPTION';

/** A refused statement: why, and the clause that makes it so (positions in the statement). */
export interface Refusal {
  readonly reason: RefusalReason;
  readonly where: Located;
}

const READ_ONLY_REASONS = new Set<RefusalReason>(['WRITE', 'SCHEMA', 'ADMINISTRATION']);

function because(reason: RefusalReason, database: string): string {
  switch (reason) {
    case 'WRITE':
      return 'would change the graph';
    case 'SCHEMA':
      return 'would change the schema (indexes and constraints)';
    case 'ADMINISTRATION':
      return 'is an administration command';
    case 'LOAD_CSV':
      return 'is not allowed: the console may not read files or reach other hosts';
    case 'PROCEDURE':
      return `is not allowed: the console may call only ${ALLOWED_PROCEDURES.join(', ')}`;
    case 'DATABASE':
      return `is not allowed: the console reads only the database "${database}"`;
    case 'IN_TRANSACTIONS':
      return 'is not allowed: each console statement runs in one read transaction of its own';
    case 'QUERY_OPTION':
      return `is not allowed: the console accepts the query options ${ALLOWED_QUERY_OPTIONS.join(', ')}`;
    case 'COMMAND':
      return 'is not allowed: of the SHOW commands the console offers SHOW INDEXES, SHOW CONSTRAINTS, SHOW PROCEDURES and SHOW FUNCTIONS, which describe the database without showing other people’s work or the server’s settings';
  }
}

/** Where a statement starts in the text sent, and which statement of a script it is. */
export interface StatementPlace {
  /** 1-based line of the statement's first character in the text sent. */
  readonly line: number;
  /** 1-based column of the statement's first character in the text sent. */
  readonly column: number;
  /** 0-based offset of the statement's first character in the text sent. */
  readonly offset: number;
  /** 1-based number of the statement in the script. */
  readonly index: number;
  /** How many statements the script has. */
  readonly count: number;
}

/** Converts a position in a statement into a position in the text sent. */
export function inScript(
  place: StatementPlace,
  at: { line: number; column: number; offset: number },
): { line: number; column: number; offset: number } {
  return {
    line: place.line + at.line - 1,
    column: at.line === 1 ? place.column + at.column - 1 : at.column,
    offset: place.offset + at.offset,
  };
}

/** The message and the READ_ONLY or FORBIDDEN error for a refusal. */
export function refusalError(
  refusal: Refusal,
  place: StatementPlace,
  database: string,
): GraphQLError {
  const pos = inScript(place, refusal.where);
  const which = place.count > 1 ? ` (statement ${place.index} of ${place.count})` : '';
  const lead = READ_ONLY_REASONS.has(refusal.reason) ? 'This console is read-only: ' : '';
  const message = `${lead}${refusal.where.clause} at line ${pos.line}, column ${pos.column}${which} ${because(refusal.reason, database)}. Nothing was run.`;
  return userError(READ_ONLY_REASONS.has(refusal.reason) ? 'READ_ONLY' : 'FORBIDDEN', message, {
    reason: refusal.reason,
    clause: refusal.where.clause,
    line: pos.line,
    column: pos.column,
    offset: pos.offset,
    statement: place.index,
  });
}
