import { fromApi } from '../api/graph-api.js';
import { GraphQLRequestError, request } from '../api/graphql-client.js';
import { RunCypherDocument, type RunCypherQuery } from '../generated/graphql.js';
import type { CypherFailure, CypherStatementResult, PlanOperator } from './cypher-result.js';

/** Run the statement, plan it only (EXPLAIN), or run it with row counts per operator (PROFILE). */
export type CypherMode = 'run' | 'explain' | 'profile';

export type CypherOutcome =
  | { kind: 'result'; result: CypherStatementResult }
  | { kind: 'failure'; failure: CypherFailure }
  | { kind: 'cancelled' };

const MODES = { run: 'RUN', explain: 'EXPLAIN', profile: 'PROFILE' } as const;

/**
 * Runs one console statement through the server's read-only `cypher` field. Never throws:
 * refusals and syntax errors come back as failures with their line and column, an abort as
 * `cancelled`.
 */
export async function runCypher(
  query: string,
  params: Record<string, unknown>,
  mode: CypherMode,
  signal: AbortSignal,
): Promise<CypherOutcome> {
  try {
    const { cypher } = await request(
      RunCypherDocument,
      { query, params, mode: MODES[mode] },
      { signal },
    );
    return { kind: 'result', result: toResult(cypher) };
  } catch (e) {
    if (signal.aborted) return { kind: 'cancelled' };
    return { kind: 'failure', failure: toFailure(e) };
  }
}

function toResult(c: RunCypherQuery['cypher']): CypherStatementResult {
  return {
    columns: c.columns,
    rows: c.rows as unknown[][],
    subgraph: fromApi(c.graph.nodes, c.graph.edges),
    queryType: c.summary.queryType,
    serverMs: c.summary.elapsedMs,
    truncated: c.truncated,
    notifications: c.summary.notifications.map((n) => ({
      code: n.code,
      title: n.title,
      description: n.description,
      severity: n.severity,
      line: n.position?.line ?? null,
      column: n.position?.column ?? null,
    })),
    plan: planTree(c.planOperators),
  };
}

/** Rebuilds the plan tree from the flat, depth-first operator list. */
export function planTree(
  ops: readonly {
    id: number;
    parentId?: number | null;
    operatorType: string;
    details?: string | null;
    estimatedRows?: number | null;
    rows?: number | null;
    dbHits?: number | null;
  }[],
): PlanOperator | null {
  const built = new Map<number, PlanOperator & { children: PlanOperator[] }>();
  let root: PlanOperator | null = null;
  for (const op of ops) {
    const node = {
      operator: op.operatorType,
      details: op.details ?? '',
      estimatedRows: op.estimatedRows ?? null,
      rows: op.rows ?? null,
      dbHits: op.dbHits ?? null,
      children: [] as PlanOperator[],
    };
    built.set(op.id, node);
    const parent =
      op.parentId === null || op.parentId === undefined ? undefined : built.get(op.parentId);
    if (parent) parent.children.push(node);
    else root ??= node;
  }
  return root;
}

function toFailure(e: unknown): CypherFailure {
  if (e instanceof GraphQLRequestError) {
    const ext = e.errors[0]?.extensions ?? {};
    const line = typeof ext['line'] === 'number' ? ext['line'] : null;
    const column = typeof ext['column'] === 'number' ? ext['column'] : null;
    return { message: e.errors[0]?.message ?? e.message, code: e.code ?? null, line, column };
  }
  return {
    message: e instanceof Error ? e.message : String(e),
    code: null,
    line: null,
    column: null,
  };
}
