import type { GraphQLContext } from '../graphql/context.js';
import { checkCitations, type CitationInput } from './citations.js';
import { writeEntity, type FactWrite } from './fact-writes.js';
import { runWrite } from './run-write.js';
import {
  checkText,
  checkWriteName,
  knownNamesFor,
  MANAGED_KEYS,
  propertyKeysOf,
  toProperties,
} from './write-input.js';

export interface AddEntityInput {
  readonly label: string;
  readonly name: string;
  readonly properties?: unknown;
  readonly citations: readonly CitationInput[];
}

/** `name` is its own field: in properties it would be a second, conflicting name. */
const ENTITY_MANAGED = new Set([...MANAGED_KEYS, 'name']);

/** Adds a node that cites its support, or cites the node with that label and name. */
export async function addEntity(
  ctx: GraphQLContext,
  input: AddEntityInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  const schema = await knownNamesFor(ctx.db, [input.label, ...propertyKeysOf(input.properties)]);
  const label = checkWriteName('label', input.label, schema.labels);
  const name = checkText('name', input.name, 1_000);
  const properties = toProperties(input.properties, schema.propertyKeys, ENTITY_MANAGED);
  return runWrite(ctx, { operation: 'addEntity', idempotencyKey, input }, async (scope) => {
    const citations = await checkCitations(scope.tx, input.citations);
    return writeEntity(scope, { label, name, properties, citations });
  });
}
