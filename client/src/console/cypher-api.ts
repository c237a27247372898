import type { CypherFailure, CypherStatementResult } from './cypher-result.js';

/** Run the statement, plan it only (EXPLAIN), or run it with row counts per operator (PROFILE). */
export type CypherMode = 'run' | 'explain' | 'profile';

export type CypherOutcome =
  | { kind: 'result'; result: CypherStatementResult }
  | { kind: 'failure'; failure: CypherFailure }
  | { kind: 'cancelled' };

/** Runs one console query through the server's read-only `cypher` field. */
export async function runCypher(
  _query: string,
  _params: Record<string, unknown>,
  _mode: CypherMode,
  _signal: AbortSignal,
): Promise<CypherOutcome> {
  return {
    kind: 'failure',
    failure: {
      message: 'The server does not offer the cypher field yet.',
      code: null,
      line: null,
      column: null,
    },
  };
}
