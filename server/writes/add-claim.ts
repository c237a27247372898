import type { JsonValue } from '../db/convert.js';
import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { allInOrder } from './all-in-order.js';
import { checkCitations, type CitationInput } from './citations.js';
import { asElement } from './element.js';
import { findLiveNode, writeEntity, writeRelationship, type FactWrite } from './fact-writes.js';
import { runWrite, type WriteScope } from './run-write.js';
import { checkText, type PropertyValue } from './write-input.js';

export interface AddClaimInput {
  readonly name: string;
  readonly statement: string;
  readonly kind?: string | null;
  readonly value?: string | null;
  readonly about?: readonly string[] | null;
  readonly statedBy?: string | null;
  readonly citations: readonly CitationInput[];
}

/** The story's kinds of claim (cypher/README.md, Labels: Claim). */
const CLAIM_KINDS = new Set(['statement', 'comment', 'account']);
const MAX_ABOUT = 50;

/**
 * Adds a claim in the story's model: the Claim node, CLAIMED_BY each cited source (with that
 * source's citations, as the seed derives them), ABOUT each entity, STATED by its author. Each
 * element written records its own change; all in one transaction.
 */
export async function addClaim(
  ctx: GraphQLContext,
  input: AddClaimInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  const name = checkText('name', input.name, 1_000);
  const kind = input.kind ?? 'statement';
  if (!CLAIM_KINDS.has(kind)) {
    throw userError(
      'BAD_USER_INPUT',
      `kind ${JSON.stringify(kind)} is not a kind of claim; use statement (said by someone), comment (the source's own judgement) or account (one source's version of a disputed fact).`,
    );
  }
  const about = [...new Set(input.about ?? [])];
  if (about.length > MAX_ABOUT) {
    throw userError(
      'BAD_USER_INPUT',
      `A claim can be about at most ${MAX_ABOUT} entities at once.`,
    );
  }
  const properties: Record<string, PropertyValue> = {
    kind,
    statement: checkText('statement', input.statement, 10_000),
    ...(input.value ? { value: checkText('value', input.value, 10_000) } : {}),
  };
  return runWrite(ctx, { operation: 'addClaim', idempotencyKey, input }, async (scope) => {
    // Look-ups that do not depend on each other, sent together: one round trip.
    const [citations, ends, speaker] = await allInOrder([
      checkCitations(scope.tx, input.citations),
      allInOrder(about.map((ref) => findLiveNode(scope, ref, 'about'))),
      input.statedBy ? findLiveNode(scope, input.statedBy, 'statedBy') : Promise.resolve(null),
    ] as const);
    const claim = await writeEntity(scope, { label: 'Claim', name, properties, citations });
    const changes = [...claim.changes];
    const link = async (
      from: string,
      type: string,
      to: string,
      cites = citations,
    ): Promise<void> => {
      const written = await writeRelationship(scope, {
        from,
        type,
        to,
        properties: {},
        citations: cites,
      });
      changes.push(...written.changes);
    };
    for (const source of [...new Set(citations.map((c) => c.source))]) {
      const article = await articleElementId(scope, source);
      await link(
        claim.element.elementId,
        'CLAIMED_BY',
        article,
        citations.filter((c) => c.source === source),
      );
    }
    for (const end of ends) await link(claim.element.elementId, 'ABOUT', end.value.id);
    if (speaker) await link(speaker.value.id, 'STATED', claim.element.elementId);
    return { ...claim, changes };
  });
}

async function articleElementId(scope: WriteScope, id: string): Promise<string> {
  const [row] = await scope.tx.run(`MATCH (e:Article {id: $id}) RETURN e, 'node' AS kind LIMIT 1`, {
    id,
  });
  return asElement(row as Record<string, JsonValue>).value.id;
}
