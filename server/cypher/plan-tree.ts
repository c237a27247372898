import { toJson, toNumber, type JsonValue } from '../db/convert.js';
import { splitOperator } from './read-only-check.js';

/** The driver's plan or profile node (a profile adds the counts). */
export interface DriverPlan {
  readonly operatorType: string;
  readonly identifiers: readonly string[];
  readonly arguments: Record<string, unknown>;
  readonly children: readonly DriverPlan[];
  readonly dbHits?: number | null;
  readonly rows?: number | null;
  readonly pageCacheHits?: number | null;
  readonly pageCacheMisses?: number | null;
  readonly time?: number | null;
}

/** One operator of a plan, as the API returns it. */
export interface PlanOperator {
  readonly id: number;
  readonly parentId: number | null;
  readonly depth: number;
  readonly operatorType: string;
  readonly identifiers: string[];
  readonly details: string | null;
  readonly arguments: JsonValue;
  readonly estimatedRows: number | null;
  readonly rows: number | null;
  readonly dbHits: number | null;
  readonly pageCacheHits: number | null;
  readonly pageCacheMisses: number | null;
  readonly timeMs: number | null;
  readonly children: PlanOperator[];
}

const count = (v: unknown): number | null =>
  v === null || v === undefined ? null : toNumber(v as number);

/**
 * Converts a driver plan into a tree of operators plus the same operators flattened depth-first
 * (root first), numbered in that order. The database suffix of operator types
 * ("Filter@neo4j") is dropped: the summary names the database once.
 */
export function toPlanTree(
  plan: DriverPlan | false | null | undefined,
  profiled: boolean,
): { root: PlanOperator | null; operators: PlanOperator[] } {
  const operators: PlanOperator[] = [];
  const visit = (p: DriverPlan, parentId: number | null, depth: number): PlanOperator => {
    const args = p.arguments ?? {};
    const id = operators.length;
    const children: PlanOperator[] = [];
    const op: PlanOperator = {
      id,
      parentId,
      depth,
      operatorType: splitOperator(p.operatorType)[0],
      identifiers: [...(p.identifiers ?? [])],
      details: typeof args['Details'] === 'string' ? args['Details'] : null,
      arguments: toJson(args),
      estimatedRows: count(args['EstimatedRows']),
      rows: profiled ? count(p.rows) : null,
      dbHits: profiled ? count(p.dbHits) : null,
      pageCacheHits: profiled ? count(p.pageCacheHits) : null,
      pageCacheMisses: profiled ? count(p.pageCacheMisses) : null,
      // Neo4j reports operator time in nanoseconds, and only in runtimes that measure it.
      timeMs: profiled && p.time ? toNumber(p.time) / 1e6 : null,
      children,
    };
    operators.push(op);
    for (const child of p.children ?? []) children.push(visit(child, id, depth + 1));
    return op;
  };
  const root = plan ? visit(plan, null, 0) : null;
  return { root, operators };
}
