import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { allInOrder } from './all-in-order.js';
import { checkCitations, type CitationInput } from './citations.js';
import { findLiveNode, writeEntity, writeRelationship, type FactWrite } from './fact-writes.js';
import { runWrite } from './run-write.js';
import { checkText, type PropertyValue } from './write-input.js';

export interface AddDisagreementInput {
  readonly name: string;
  readonly question: string;
  readonly topic?: string | null;
  readonly between: readonly string[];
  readonly citations: readonly CitationInput[];
}

const MAX_CLAIMS = 20;

/**
 * Adds a disagreement in the story's model: a Disagreement node with its question, BETWEEN each
 * of the claims that answer it differently (at least two, each a Claim node).
 */
export async function addDisagreement(
  ctx: GraphQLContext,
  input: AddDisagreementInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  const name = checkText('name', input.name, 1_000);
  const between = [...new Set(input.between)];
  if (between.length < 2 || between.length > MAX_CLAIMS) {
    throw userError(
      'BAD_USER_INPUT',
      `A disagreement is between 2 to ${MAX_CLAIMS} different claims; ${between.length} were given. Add the claims first with addClaim.`,
    );
  }
  const properties: Record<string, PropertyValue> = {
    question: checkText('question', input.question, 2_000),
    ...(input.topic ? { topic: checkText('topic', input.topic, 200) } : {}),
  };
  return runWrite(ctx, { operation: 'addDisagreement', idempotencyKey, input }, async (scope) => {
    // Look-ups that do not depend on each other, sent together: one round trip.
    const [citations, claims] = await allInOrder([
      checkCitations(scope.tx, input.citations),
      allInOrder(between.map((ref) => findLiveNode(scope, ref, 'between'))),
    ] as const);
    for (const [i, claim] of claims.entries()) {
      if (claim.kind !== 'node' || !claim.value.labels.includes('Claim')) {
        throw userError(
          'BAD_USER_INPUT',
          `${JSON.stringify(between[i])} is not a Claim; a disagreement is between claims. Add each side with addClaim first.`,
        );
      }
    }
    const written = await writeEntity(scope, {
      label: 'Disagreement',
      name,
      properties,
      citations,
    });
    const changes = [...written.changes];
    for (const claim of claims) {
      const link = await writeRelationship(scope, {
        from: written.element.elementId,
        type: 'BETWEEN',
        to: claim.value.id,
        properties: {},
        citations,
      });
      changes.push(...link.changes);
    }
    return { ...written, changes };
  });
}
