import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { Logger } from '../logger.js';
import { consoleSlots } from './console-slots.js';
import { locateForeignUse, tokenAt } from './locate.js';
import { toStatementParams } from './params.js';
import { refusalError } from './refusal.js';
import { runStatement, type StatementJob, type StatementOutcome } from './run-statement.js';
import { splitStatements } from './split-statements.js';
import {
  effectiveMode,
  forbiddenOption,
  prepareStatement,
  type CypherMode,
} from './statement-prefix.js';

export interface ConsoleRequest {
  /** One statement, or a script of several separated by semicolons. */
  readonly text: string;
  readonly params: unknown;
  readonly mode: CypherMode;
  /** False for the `cypher` field, which runs exactly one statement. */
  readonly allowScript: boolean;
  /** Fill in node degrees (the query selects them). */
  readonly wantDegree: boolean;
}

export interface ConsoleDeps {
  readonly db: Database;
  readonly limits: Config['cypher'];
  readonly logger: Logger;
}

/**
 * How long past a statement's own timeout the console waits for Neo4j before answering the client
 * anyway. Neo4j stops a statement between rows; one that spends long inside a single expression
 * runs on, and the client should not wait for it.
 */
export const DEADLINE_GRACE_MS = 1_500;

class DeadlinePassed extends Error {}

async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassed()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function prepareJobs(request: ConsoleRequest, deps: ConsoleDeps): StatementJob[] {
  const { limits, db } = deps;
  if (request.text.length > limits.maxQueryChars) {
    throw userError(
      'BAD_USER_INPUT',
      `The text is ${request.text.length} characters long; the console accepts at most ${limits.maxQueryChars} (CYPHER_MAX_QUERY_CHARS).`,
      { limit: limits.maxQueryChars, size: request.text.length },
    );
  }
  const parts = splitStatements(request.text);
  if (parts.length === 0) {
    throw userError(
      'BAD_USER_INPUT',
      'There is no statement to run: the text holds only whitespace and comments.',
    );
  }
  if (!request.allowScript && parts.length > 1) {
    throw userError(
      'BAD_USER_INPUT',
      `The text holds ${parts.length} statements separated by semicolons; the cypher field runs one. Send it to cypherScript, which runs them in order.`,
      { statements: parts.length },
    );
  }
  if (parts.length > limits.maxStatements) {
    throw userError(
      'BAD_USER_INPUT',
      `The script holds ${parts.length} statements; the console runs at most ${limits.maxStatements} at a time (CYPHER_MAX_STATEMENTS).`,
      { limit: limits.maxStatements, statements: parts.length },
    );
  }
  return parts.map((part, i) => {
    const statement = prepareStatement(part.text);
    const place = {
      line: part.line,
      column: part.column,
      offset: part.offset,
      index: i + 1,
      count: parts.length,
    };
    // USE is refused before anything is sent: in an explicit transaction Neo4j would plan
    // `USE system …` against the system database. The plan check below catches it too.
    const foreign = locateForeignUse(statement, db.name);
    if (foreign) throw refusalError({ reason: 'DATABASE', where: foreign }, place, db.name);
    const option = forbiddenOption(statement);
    if (option) {
      const where = tokenAt(statement, option, `CYPHER ${option.text}`);
      throw refusalError({ reason: 'QUERY_OPTION', where }, place, db.name);
    }
    return {
      statement,
      place,
      mode: effectiveMode(request.mode, statement.typedMode),
      script: request.text,
    };
  });
}

/**
 * The Cypher console: checks the request's size and parameters, splits it into statements,
 * checks every statement before running any (so a script with one refused statement runs
 * nothing), then runs them one after another, each bounded on its own. Takes one of the console's
 * slots for the whole request and gives it back only once Neo4j has finished.
 */
export async function runConsole(
  request: ConsoleRequest,
  deps: ConsoleDeps,
): Promise<StatementOutcome[]> {
  const { db, limits, logger } = deps;
  const params = toStatementParams(request.params, limits.maxParamsBytes);
  const jobs = prepareJobs(request, deps);
  const release = consoleSlots(limits).take();
  let inFlight: Promise<unknown> = Promise.resolve();
  const run = async (
    job: StatementJob,
    checkOnly: boolean,
  ): Promise<StatementOutcome | undefined> => {
    const abandon = new AbortController();
    const work = runStatement(db, job, params, {
      limits,
      logger,
      wantDegree: request.wantDegree,
      checkOnly,
      signal: abandon.signal,
    });
    inFlight = work.catch(() => undefined);
    try {
      return await withDeadline(work, limits.timeoutMs + DEADLINE_GRACE_MS);
    } catch (err) {
      if (!(err instanceof DeadlinePassed)) throw err;
      abandon.abort();
      const which =
        job.place.count > 1
          ? `Statement ${job.place.index} of ${job.place.count}`
          : 'The statement';
      logger.warn(
        { statement: job.statement.text, timeoutMs: limits.timeoutMs },
        'console statement outlived its timeout',
      );
      throw userError(
        'TIMEOUT',
        `${which} ran longer than the console's limit of ${limits.timeoutMs / 1000} s. Neo4j is stopping it; narrow it (a label, a WHERE, a LIMIT, smaller lists) and try again.`,
        {
          statement: job.place.index,
          line: job.place.line,
          column: job.place.column,
          limitMs: limits.timeoutMs,
        },
      );
    }
  };
  try {
    if (jobs.length > 1) for (const job of jobs) await run(job, true);
    const outcomes: StatementOutcome[] = [];
    for (const job of jobs) {
      const outcome = await run(job, false);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  } finally {
    void inFlight.finally(release);
  }
}
