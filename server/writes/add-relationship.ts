import type { GraphQLContext } from '../graphql/context.js';
import { allInOrder } from './all-in-order.js';
import { checkCitations, type CitationInput } from './citations.js';
import { findLiveNode, writeRelationship, type FactWrite } from './fact-writes.js';
import { runWrite } from './run-write.js';
import { checkWriteName, knownNamesFor, propertyKeysOf, toProperties } from './write-input.js';

export interface AddRelationshipInput {
  readonly from: string;
  readonly type: string;
  readonly to: string;
  readonly properties?: unknown;
  readonly citations: readonly CitationInput[];
}

/** Adds `from -[type]-> to` citing its support, or cites the one that already exists. */
export async function addRelationship(
  ctx: GraphQLContext,
  input: AddRelationshipInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  const schema = await knownNamesFor(ctx.db, [input.type, ...propertyKeysOf(input.properties)]);
  const type = checkWriteName('relationship type', input.type, schema.types);
  const properties = toProperties(input.properties, schema.propertyKeys);
  return runWrite(ctx, { operation: 'addRelationship', idempotencyKey, input }, async (scope) => {
    // Three look-ups that do not depend on each other, sent together: one round trip, not three.
    const [from, to, citations] = await allInOrder([
      findLiveNode(scope, input.from, 'from'),
      findLiveNode(scope, input.to, 'to'),
      checkCitations(scope.tx, input.citations),
    ] as const);
    return writeRelationship(scope, {
      from: from.value.id,
      to: to.value.id,
      type,
      properties,
      citations,
    });
  });
}
