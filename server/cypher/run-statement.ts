import type { Notification, Record as Neo4jRecord, ResultSummary, Transaction } from 'neo4j-driver';
import type { Config } from '../config.js';
import { toJson, toNumber, type JsonRelationship, type JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { toPlanTree, type DriverPlan, type PlanOperator } from './plan-tree.js';
import { checkReadOnly } from './read-only-check.js';
import { inScript, refusalError, type StatementPlace } from './refusal.js';
import { ResultGraph, type ResultNode } from './result-graph.js';
import { statementError } from './statement-errors.js';
import { minJsonBytes } from './value-size.js';
import type { CypherMode, PreparedStatement } from './statement-prefix.js';

/** One statement of a console request, ready to check and run. */
export interface StatementJob {
  readonly statement: PreparedStatement;
  readonly place: StatementPlace;
  /** The mode it runs in (the request's, or the one typed in front of it). */
  readonly mode: CypherMode;
  /** The whole text sent, for quoting lines in errors. */
  readonly script: string;
}

export interface RunOptions {
  readonly limits: Config['cypher'];
  readonly logger: Logger;
  /** Fill in each node's degree (one more statement, in the same transaction). */
  readonly wantDegree: boolean;
  /** Plan and check only; run nothing. */
  readonly checkOnly?: boolean;
  /** Aborted when the client has been answered without this statement (its deadline passed). */
  readonly signal?: AbortSignal;
}

export interface CypherNotificationModel {
  code: string;
  title: string;
  description: string;
  severity: string;
  category: string | null;
  position: { line: number; column: number; offset: number } | null;
}

/** The result of one statement, in the shape of the CypherResult type of the SDL. */
export interface StatementOutcome {
  statement: string;
  line: number;
  column: number;
  mode: CypherMode;
  columns: string[];
  rows: JsonValue[][];
  graph: { nodes: ResultNode[]; edges: JsonRelationship[] };
  summary: {
    queryType: 'READ_ONLY' | 'READ_WRITE' | 'WRITE_ONLY' | 'SCHEMA_WRITE';
    counters: JsonValue;
    resultAvailableAfterMs: number | null;
    resultConsumedAfterMs: number | null;
    elapsedMs: number;
    notifications: CypherNotificationModel[];
    database: string;
  };
  truncated: boolean;
  truncatedBy: 'ROWS' | 'BYTES' | null;
  plan: PlanOperator | null;
  planOperators: PlanOperator[];
}

const QUERY_TYPES = {
  r: 'READ_ONLY',
  rw: 'READ_WRITE',
  w: 'WRITE_ONLY',
  s: 'SCHEMA_WRITE',
} as const;

// Dossier plans the statement itself by sending it behind EXPLAIN (or PROFILE) on a line of its
// own: the line shift is simple to undo in Neo4j's positions, and CYPHER options may follow.
const EXPLAIN = 'EXPLAIN\n';
const PROFILE = 'PROFILE\n';

const COMPLETE_GRAPH = `UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN n, CASE WHEN $degree THEN COUNT { (n)--() } END AS degree`;

const ms = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  const n = toNumber(v);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

function notificationsOf(
  summary: ResultSummary,
  job: StatementJob,
  sentPrefix: string,
): CypherNotificationModel[] {
  const prefixLines = sentPrefix.split('\n').length - 1;
  return summary.notifications.map((n: Notification) => {
    const p = n.position as { line?: number; column?: number; offset?: number } | undefined;
    const inStatement =
      p?.line !== undefined && p.column !== undefined && p.offset !== undefined
        ? { line: p.line - prefixLines, column: p.column, offset: p.offset - sentPrefix.length }
        : undefined;
    return {
      code: n.code,
      title: n.title,
      description: n.description,
      severity: n.rawSeverityLevel || String(n.severityLevel),
      category: n.category ? String(n.category) : null,
      position:
        inStatement && inStatement.line >= 1 && inStatement.offset >= 0
          ? inScript(job.place, inStatement)
          : null,
    };
  });
}

/**
 * Checks and runs one console statement in its own READ transaction:
 * 1. EXPLAIN it and refuse it unless Neo4j's plan only reads (see read-only-check.ts);
 * 2. run it (or PROFILE it) in the same transaction, which has the console's timeout, pulling rows
 *    only up to the row and byte limits and then cancelling the rest on the server;
 * 3. fetch the end nodes of returned relationships (and degrees, when asked for) in one statement;
 * 4. roll the transaction back: a read has nothing to commit, and nothing can slip through.
 * The transaction is explicit, so the driver never retries it: the statement runs at most once.
 */
export async function runStatement(
  db: Database,
  job: StatementJob,
  params: Record<string, unknown>,
  options: RunOptions,
): Promise<StatementOutcome | undefined> {
  const { statement, place } = job;
  const { limits } = options;
  const started = Date.now();
  const session = db.session('READ');
  let tx: Transaction | undefined;
  const fail =
    (sentPrefix: string) =>
    (err: unknown): never => {
      const mapped = statementError(err, {
        statement,
        place,
        script: job.script,
        sentPrefix,
        database: db.name,
        timeoutMs: limits.timeoutMs,
        mode: job.mode,
      });
      if (mapped) throw mapped;
      options.logger.error({ err, statement: statement.text }, 'console statement failed');
      throw err;
    };
  try {
    const open = await session
      .beginTransaction({
        timeout: limits.timeoutMs,
        metadata: { app: 'dossier', source: 'cypher-console', statement: place.index },
      })
      .catch(fail(''));
    tx = open;

    const planned = open.run(EXPLAIN + statement.body, params);
    const plannedKeys = await planned.keys().catch(fail(EXPLAIN));
    const explained = await planned.summary().catch(fail(EXPLAIN));
    const refusal = checkReadOnly(
      statement,
      { queryType: explained.queryType, plan: explained.plan as DriverPlan | false },
      db.name,
    );
    if (refusal) throw refusalError(refusal, place, db.name);
    if (options.checkOnly) return undefined;

    const columns = plannedKeys.map(String);
    const graph = new ResultGraph();
    const rows: JsonValue[][] = [];
    let truncatedBy: 'ROWS' | 'BYTES' | null = null;
    let summary = explained;
    let sentPrefix = EXPLAIN;

    if (job.mode !== 'EXPLAIN') {
      sentPrefix = job.mode === 'PROFILE' ? PROFILE : '';
      const result = open.run(sentPrefix + statement.body, params);
      let bytes = 0;
      try {
        for await (const record of result as AsyncIterable<Neo4jRecord>) {
          // The client has been answered (deadline passed): stop working for nobody.
          if (options.signal?.aborted) break;
          if (truncatedBy) continue;
          const room = limits.maxResultBytes - bytes;
          const values = record.keys.map((k) => record.get(k) as unknown);
          if (rows.length >= limits.maxRows) {
            truncatedBy = 'ROWS';
          } else if (minJsonBytes(values, room) > room) {
            truncatedBy = 'BYTES';
          } else {
            const row = values.map(toJson);
            const size = Buffer.byteLength(JSON.stringify(row), 'utf8');
            if (size > room) {
              truncatedBy = 'BYTES';
            } else {
              bytes += size;
              rows.push(row);
              for (const v of values) graph.add(v);
            }
          }
          // Leaving the loop cancels the rest of the stream on the server (DISCARD), so no more
          // rows are produced. A PROFILE has no counts until every row is produced, so its rows
          // are drained (not kept) instead; the time limit still bounds it.
          if (truncatedBy && job.mode !== 'PROFILE') break;
        }
        if (options.signal?.aborted) return undefined;
        summary = await result.summary();
      } catch (err) {
        fail(sentPrefix)(err);
      }

      const missing = graph.missingEnds();
      const ids = options.wantDegree ? [...graph.nodes.keys(), ...missing] : missing;
      if (ids.length > 0) {
        const completed = await open
          .run(COMPLETE_GRAPH, { ids, degree: options.wantDegree })
          .catch(fail(''));
        for (const record of completed.records) {
          graph.add(record.get('n'));
          const node = graph.nodes.get((record.get('n') as { elementId: string }).elementId);
          const degree = record.get('degree') as unknown;
          if (node && degree !== null) node.degree = toNumber(degree);
        }
      }
    }

    const profiled = job.mode === 'PROFILE';
    const tree = toPlanTree(
      (profiled ? summary.queryProfile : explained.plan) as DriverPlan | false,
      profiled,
    );
    return {
      statement: statement.text,
      line: place.line,
      column: place.column,
      mode: job.mode,
      columns,
      rows,
      graph: { nodes: [...graph.nodes.values()], edges: [...graph.edges.values()] },
      summary: {
        queryType: QUERY_TYPES[explained.queryType as keyof typeof QUERY_TYPES] ?? 'READ_ONLY',
        counters: toJson({
          ...summary.counters.updates(),
          containsUpdates: summary.counters.containsUpdates(),
        }),
        resultAvailableAfterMs: job.mode === 'EXPLAIN' ? null : ms(summary.resultAvailableAfter),
        resultConsumedAfterMs: job.mode === 'EXPLAIN' ? null : ms(summary.resultConsumedAfter),
        elapsedMs: Date.now() - started,
        notifications: notificationsOf(summary, job, sentPrefix),
        database: summary.database.name ?? db.name,
      },
      truncated: truncatedBy !== null,
      truncatedBy,
      plan: tree.root,
      planOperators: tree.operators,
    };
  } finally {
    await tx?.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
}
