import type { GraphQLContext } from '../graphql/context.js';
import { allInOrder } from './all-in-order.js';
import { checkCitations, type CitationInput } from './citations.js';
import { citeExisting, findFact, type FactWrite } from './fact-writes.js';
import { runWrite } from './run-write.js';

export interface AddCitationsInput {
  readonly element: string;
  readonly citations: readonly CitationInput[];
}

/** Adds citations to any existing node or relationship (UNCHANGED when it has them all). */
export async function addCitations(
  ctx: GraphQLContext,
  input: AddCitationsInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  return runWrite(ctx, { operation: 'addCitations', idempotencyKey, input }, async (scope) => {
    // Two look-ups that do not depend on each other, sent together: one round trip.
    const [element, citations] = await allInOrder([
      findFact(scope, input.element, 'element'),
      checkCitations(scope.tx, input.citations),
    ] as const);
    return citeExisting(scope, element, citations);
  });
}
