import {
  locateCommand,
  locateInTransactions,
  locateProcedureCall,
  locateStart,
  locateWords,
  locateWrite,
} from './locate.js';
import { isAllowedProcedure } from './procedure-allowlist.js';
import type { Refusal } from './refusal.js';
import type { PreparedStatement } from './statement-prefix.js';

/** The parts of a driver plan the check reads. */
export interface PlanLike {
  readonly operatorType: string;
  readonly arguments: Record<string, unknown>;
  readonly children: readonly PlanLike[];
}

/** What EXPLAIN told about a statement. */
export interface Explained {
  /** Neo4j's query type: r, rw, w or s. */
  readonly queryType: string | undefined;
  readonly plan: PlanLike | false | undefined;
}

// SHOW commands that describe this database only; the others show other users' queries
// (SHOW TRANSACTIONS), stop them (TERMINATE TRANSACTIONS) or reveal the configuration.
const ALLOWED_SHOW = new Set(['ShowIndexes', 'ShowConstraints', 'ShowProcedures', 'ShowFunctions']);
const SCHEMA_OPERATOR = /^(Create|Drop)(Index|Constraint|.*Index|.*Constraint)|^DoNothingIf/;

/** "ProduceResults@neo4j" → ["ProduceResults", "neo4j"]. */
export function splitOperator(operatorType: string): [string, string | undefined] {
  const at = operatorType.lastIndexOf('@');
  return at < 0
    ? [operatorType, undefined]
    : [operatorType.slice(0, at), operatorType.slice(at + 1)];
}

/** "db.labels() :: (label :: STRING)" → "db.labels". */
export function procedureName(operator: PlanLike): string {
  const details = operator.arguments['Details'] ?? operator.arguments['Signature'] ?? '';
  return String(details).split('(')[0]?.trim() ?? '';
}

function* operators(plan: PlanLike): Generator<PlanLike> {
  yield plan;
  for (const child of plan.children) yield* operators(child);
}

/**
 * Decides from Neo4j's own plan whether the console may run a statement, and if not, finds the
 * clause to blame. The plan is the authority (the real parser has read the statement, so comments,
 * strings, odd casing and subqueries cannot hide anything); the lexer only says where.
 * Returns undefined when the statement only reads.
 */
export function checkReadOnly(
  statement: PreparedStatement,
  explained: Explained,
  database: string,
): Refusal | undefined {
  const ops = explained.plan ? [...operators(explained.plan)] : [];
  const names = ops.map((op) => splitOperator(op.operatorType));

  const foreign = names.find(
    ([, db]) => db !== undefined && db.toLowerCase() !== database.toLowerCase(),
  );
  if (foreign || names.some(([name]) => name === 'AdministrationCommand')) {
    const administration = names.some(([name]) => name === 'AdministrationCommand');
    return {
      reason: administration ? 'ADMINISTRATION' : 'DATABASE',
      where: administration
        ? locateCommand(statement)
        : (locateWords(statement, 'USE') ?? locateStart(statement)),
    };
  }

  for (const op of ops) {
    if (splitOperator(op.operatorType)[0] !== 'ProcedureCall') continue;
    const name = procedureName(op);
    if (!isAllowedProcedure(name)) {
      return {
        reason: 'PROCEDURE',
        where: locateProcedureCall(statement, name) ?? {
          ...locateStart(statement),
          clause: `CALL ${name}`,
        },
      };
    }
  }

  if (names.some(([name]) => name === 'LoadCSV')) {
    return {
      reason: 'LOAD_CSV',
      where: locateWords(statement, 'LOAD', 'CSV') ?? {
        ...locateStart(statement),
        clause: 'LOAD CSV',
      },
    };
  }

  if (names.some(([name]) => name.startsWith('Transaction'))) {
    return {
      reason: 'IN_TRANSACTIONS',
      where: locateInTransactions(statement) ?? {
        ...locateStart(statement),
        clause: 'IN TRANSACTIONS',
      },
    };
  }

  if (names.some(([name]) => /^(Show|Terminate)/.test(name) && !ALLOWED_SHOW.has(name))) {
    return { reason: 'COMMAND', where: locateCommand(statement) };
  }

  if (explained.queryType === 'r') return undefined;
  if (explained.queryType === 's' || names.some(([name]) => SCHEMA_OPERATOR.test(name))) {
    return { reason: 'SCHEMA', where: locateCommand(statement) };
  }
  return { reason: 'WRITE', where: locateWrite(statement) ?? locateStart(statement) };
}
