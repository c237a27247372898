import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { MAX_VALUE_DEPTH } from '../db/convert.js';
import { mapDatabaseError, userError } from '../db/errors.js';
import { locateCommand, locateProcedureCall, locateStart } from './locate.js';
import { isAllowedProcedure } from './procedure-allowlist.js';
import { inScript, refusalError, type StatementPlace } from './refusal.js';
import type { CypherMode, PreparedStatement } from './statement-prefix.js';

/** What is needed to explain a failure of one statement in terms of the text the analyst sent. */
export interface FailureContext {
  readonly statement: PreparedStatement;
  readonly place: StatementPlace;
  /** The whole text sent (one statement or a script), to quote the offending line. */
  readonly script: string;
  /** Characters Dossier put in front of the statement ("EXPLAIN\n"), which Neo4j counts. */
  readonly sentPrefix: string;
  readonly database: string;
  readonly timeoutMs: number;
  readonly mode: CypherMode;
}

const POSITION = /\s*\(line (\d+), column (\d+) \(offset: (\d+)\)\)/;

/** Neo4j's position in the text it was sent → position in the statement; undefined if none. */
function positionInStatement(
  message: string,
  sentPrefix: string,
): { line: number; column: number; offset: number } | undefined {
  const m = POSITION.exec(message);
  if (!m) return undefined;
  const prefixLines = sentPrefix.split('\n').length - 1;
  const line = Number(m[1]) - prefixLines;
  const offset = Number(m[3]) - sentPrefix.length;
  if (line < 1 || offset < 0) return undefined;
  return { line, column: Number(m[2]), offset };
}

/** The offending line of the script with a caret under the column, as Neo4j prints it. */
function quoteLine(script: string, line: number, column: number): string {
  const text = script.split('\n')[line - 1] ?? '';
  return `"${text}"\n${' '.repeat(column)}^`;
}

function secondsText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Turns a failure of one console statement into an error the analyst can act on: syntax errors
 * with line and column in the text they sent and Neo4j's explanation; refusals for procedures and
 * commands Neo4j would not even plan; time and memory limits; other mistakes in the statement as
 * BAD_USER_INPUT with Neo4j's message. Returns undefined for failures that are not the analyst's
 * (the caller rethrows them, and the server masks them).
 */
export function statementError(err: unknown, context: FailureContext): GraphQLError | undefined {
  const { statement, place, database } = context;
  if (err instanceof GraphQLError) return err;
  const code = err instanceof Neo4jError ? err.code : '';
  const message = err instanceof Error ? err.message : String(err);
  const which = place.count > 1 ? `Statement ${place.index} of ${place.count}` : 'The statement';
  const start = { line: place.line, column: place.column, offset: place.offset };
  // Neo4j's status codes stay out of responses (they describe the server, not the statement).
  const common = { statement: place.index };

  if (code === 'Neo.ClientError.Procedure.ProcedureNotFound') {
    const name = /name `([^`]+)`/.exec(message)?.[1] ?? '';
    if (!isAllowedProcedure(name)) {
      const where = locateProcedureCall(statement, name) ?? {
        ...locateStart(statement),
        clause: `CALL ${name}`,
      };
      return refusalError({ reason: 'PROCEDURE', where }, place, database);
    }
  }
  if (code === 'Neo.ClientError.Statement.UnsupportedAdministrationCommand') {
    return refusalError(
      { reason: 'ADMINISTRATION', where: locateCommand(statement) },
      place,
      database,
    );
  }

  const at = positionInStatement(message, context.sentPrefix);
  const pos = at ? inScript(place, at) : start;
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    const explanation = message.split(POSITION)[0]?.trim() ?? message;
    return userError(
      'CYPHER_SYNTAX_ERROR',
      `${explanation} (line ${pos.line}, column ${pos.column})\n${quoteLine(context.script, pos.line, pos.column)}`,
      { ...common, ...pos },
    );
  }

  const mapped = mapDatabaseError(err);
  const mappedCode = mapped?.extensions['code'];
  if (mappedCode === 'TIMEOUT') {
    return userError(
      'TIMEOUT',
      `${which} ran longer than the console's limit of ${secondsText(context.timeoutMs)} and was stopped. Narrow it (a label, a WHERE, a LIMIT, fewer hops) and try again.${context.mode === 'PROFILE' ? ' PROFILE runs a statement to its last row to count them, even past the row limit.' : ''}`,
      { ...common, ...start, limitMs: context.timeoutMs },
    );
  }
  if (mapped) {
    const extensions: Record<string, unknown> = { ...mapped.extensions };
    delete extensions['neo4jCode'];
    return userError(mappedCode as Parameters<typeof userError>[0], mapped.message, {
      ...extensions,
      ...common,
      ...pos,
    });
  }
  if (code.startsWith('Neo.ClientError.')) {
    return userError('BAD_USER_INPUT', message, { ...common, ...pos });
  }
  // The driver reads a value recursively, so one Cypher built nested thousands of levels deep
  // (reduce(x = [], i IN range(1, 5000) | [x])) overflows the stack before db/convert.ts can
  // refuse it; the driver drops that connection and hands the overflow to this statement.
  if (err instanceof RangeError && /call stack/i.test(message)) {
    return userError(
      'RESOURCE_LIMIT',
      `${which} returned a value nested too deeply to read (thousands of lists or maps inside each other); Dossier returns at most ${MAX_VALUE_DEPTH} levels. Return a flatter value, e.g. unwind the inner lists.`,
      { ...common, ...start, limit: { maxDepth: MAX_VALUE_DEPTH } },
    );
  }
  return undefined;
}
