import type { Subgraph } from '../graph/model.js';

/** A Neo4j notification (deprecation, cartesian product, …) with where it points, if anywhere. */
export interface CypherNotification {
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly severity: string;
  readonly line: number | null;
  readonly column: number | null;
}

/** One operator of an EXPLAIN/PROFILE plan. */
export interface PlanOperator {
  readonly operator: string;
  readonly details: string;
  readonly estimatedRows: number | null;
  readonly rows: number | null;
  readonly dbHits: number | null;
  readonly children: readonly PlanOperator[];
}

/** What one statement gave: the console's view of the `cypher` field's answer. */
export interface CypherStatementResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  readonly subgraph: Subgraph;
  readonly queryType: string | null;
  readonly serverMs: number | null;
  readonly notifications: readonly CypherNotification[];
  readonly truncated: boolean;
  readonly plan: PlanOperator | null;
}

/** A refused or failed statement, with the position Neo4j (or the read-only guard) gave. */
export interface CypherFailure {
  readonly message: string;
  readonly code: string | null;
  readonly line: number | null;
  readonly column: number | null;
}

/** The plan as indented text lines ("+Operator  details  rows"), for the Plan tab. */
export function planLines(op: PlanOperator, depth = 0): string[] {
  const stats = [
    op.estimatedRows !== null ? `est. ${Math.round(op.estimatedRows)}` : '',
    op.rows !== null ? `rows ${op.rows}` : '',
    op.dbHits !== null ? `db hits ${op.dbHits}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const line = `${'│ '.repeat(depth)}+${op.operator}${op.details ? `  ${op.details}` : ''}${stats ? `   (${stats})` : ''}`;
  return [line, ...op.children.flatMap((c) => planLines(c, depth + 1))];
}
