import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

/** The codes a client can rely on in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CYPHER_SYNTAX_ERROR'
  | 'READ_ONLY'
  | 'FORBIDDEN'
  | 'TIMEOUT'
  | 'RESOURCE_LIMIT'
  | 'DATABASE_UNAVAILABLE'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'CONFLICT';

/** An expected failure: its message is shown to the client, with a code and optional details. */
export function userError(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/**
 * Maps a Neo4j driver error to an expected GraphQL error when it is one a user can act on; returns
 * undefined otherwise, so the caller rethrows it and the server masks it. Neo4j's own codes and
 * messages are only passed on where they describe the user's own input (syntax, limits).
 */
export function mapDatabaseError(err: unknown): GraphQLError | undefined {
  if (err instanceof GraphQLError) return err;
  if (!(err instanceof Neo4jError)) {
    if (
      err instanceof Error &&
      /connection acquisition timed out|Pool is closed/i.test(err.message)
    ) {
      return unavailable();
    }
    return undefined;
  }
  const code = err.code ?? '';
  // DatabaseUnavailable: Bolt is up but the database is still starting (or stopping), as
  // during a restart of the local Neo4j.
  if (
    UNAVAILABLE.has(code) ||
    /DatabaseUnavailable/.test(code) ||
    /connection acquisition timed out/i.test(err.message)
  ) {
    return unavailable();
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return userError('CYPHER_SYNTAX_ERROR', err.message, { neo4jCode: code });
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
    code === 'Neo.TransientError.Transaction.Terminated' ||
    code === 'Neo.ClientError.Transaction.Terminated'
  ) {
    return userError(
      'TIMEOUT',
      'The query took longer than its time limit and was stopped. Narrow it (add a LIMIT, a label or a WHERE) and try again.',
    );
  }
  if (code.includes('MemoryLimit') || code.includes('OutOfMemory') || code.includes('MemoryPool')) {
    return userError(
      'RESOURCE_LIMIT',
      'The query needed more memory than one query may use. Narrow it (add a LIMIT, a label or a WHERE) and try again.',
    );
  }
  if (
    code === 'Neo.ClientError.Statement.AccessMode' ||
    code.startsWith('Neo.ClientError.Security')
  ) {
    return userError(
      'READ_ONLY',
      'This request may only read the graph, and the database refused a change.',
    );
  }
  if (
    code === 'Neo.ClientError.Statement.SemanticError' ||
    code === 'Neo.ClientError.Statement.ArgumentError' ||
    code === 'Neo.ClientError.Statement.TypeError' ||
    code === 'Neo.ClientError.Statement.ParameterMissing' ||
    code === 'Neo.ClientError.Procedure.ProcedureNotFound' ||
    code === 'Neo.ClientError.Procedure.ProcedureCallFailed' ||
    code === 'Neo.ClientError.Schema.IndexNotFound'
  ) {
    return userError('BAD_USER_INPUT', err.message, { neo4jCode: code });
  }
  return undefined;
}

export function unavailable(): GraphQLError {
  return userError(
    'DATABASE_UNAVAILABLE',
    'The graph database is not answering right now. Dossier reconnects by itself; try again in a few seconds.',
  );
}
