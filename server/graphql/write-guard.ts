import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { userError } from '../db/errors.js';
import type { Actor, GraphQLContext, Role } from './context.js';

/** Roles that may run mutations. */
const WRITERS: ReadonlySet<Role> = new Set(['editor', 'admin']);

/**
 * The request's actor, or UNAUTHENTICATED when its credential stands for nobody. The HTTP layer
 * answers 401 before GraphQL for such requests; this covers callers of yoga.fetch.
 */
export function actorOrRefuse(actor: Actor | undefined): Actor {
  if (actor) return actor;
  throw userError(
    'UNAUTHENTICATED',
    'This Dossier needs an access token: send "Authorization: Bearer <token>". Ask its administrator for one (npm run users -- add NAME).',
  );
}

/**
 * Refuses a mutation from a reader with FORBIDDEN before execution starts, so no resolver runs
 * and no statement reaches Neo4j. It looks at the operation actually executed (operationName
 * picks one of several in the document), not at field names, so every present and future
 * mutation is covered.
 */
export function useWriteGuard(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'mutation') return;
      const { actor } = args.contextValue as unknown as GraphQLContext;
      if (WRITERS.has(actor.role)) return;
      setResultAndStopExecution({
        errors: [
          userError(
            'FORBIDDEN',
            `${actor.name} may only read this investigation (role ${actor.role}). Ask an administrator for the editor role (npm run users -- role ${actor.name} editor).`,
          ),
        ],
      });
    },
  };
}
