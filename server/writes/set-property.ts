import type { JsonValue } from '../db/convert.js';
import type { Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { BOOKKEEPING_KEYS, BOOKKEEPING_LABELS } from './bookkeeping.js';
import { checkCitations, newCitations, type CitationInput } from './citations.js';
import { extendElement, toWritten, type Element } from './element.js';
import {
  asJson,
  findFact,
  isRetracted,
  lockElement,
  retractedError,
  type FactWrite,
} from './fact-writes.js';
import { runWrite } from './run-write.js';
import { checkWriteName, knownNamesFor, MANAGED_KEYS, toPropertyValue } from './write-input.js';

export interface SetPropertyInput {
  readonly element: string;
  readonly key: string;
  readonly value: unknown;
  readonly baseVersion: number;
  readonly citations: readonly CitationInput[];
}

/** `id` names the element everywhere (links, saved views, citations of claims): not edited in place. */
const EDIT_MANAGED = new Set([...MANAGED_KEYS, 'id']);

/** What makes a source the source its quotes were checked against. */
const SOURCE_FIXED = new Set(['text', 'sha256', 'addedBy', 'addedAt']);

const LAST_CHANGE = `
MATCH (c:${BOOKKEEPING_LABELS.change}) WHERE $uid IN c.targets
RETURN c.author AS author, c.at AS at, c.operation AS operation
ORDER BY c.at DESC, c.seq DESC LIMIT 1`;

/**
 * Sets one property of an element, citing its support, if the element is still at the version
 * the edit was based on; otherwise CONFLICT names who changed it last and when.
 */
export async function setProperty(
  ctx: GraphQLContext,
  input: SetPropertyInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  const schema = await knownNamesFor(ctx.db, [input.key]);
  const key = checkWriteName('property key', input.key, schema.propertyKeys);
  if (EDIT_MANAGED.has(key)) {
    throw userError(
      'BAD_USER_INPUT',
      `The property ${JSON.stringify(key)} is kept by Dossier (citations go in "citations"; ids do not change); edit another property.`,
    );
  }
  if (input.value === null || input.value === undefined) {
    throw userError(
      'BAD_USER_INPUT',
      'value is null; give the new value (a string, number, boolean or list of one of those).',
    );
  }
  const value = toPropertyValue(key, input.value);
  return runWrite(ctx, { operation: 'setProperty', idempotencyKey, input }, async (scope) => {
    const found = await findFact(scope, input.element, 'element');
    if (found.kind === 'node' && found.value.labels.includes('Article') && SOURCE_FIXED.has(key)) {
      throw userError(
        'BAD_USER_INPUT',
        `A source's ${key} is fixed: every quote citing it is checked against its text. Add the new version with addSource and cite that.`,
      );
    }
    const citations = await checkCitations(scope.tx, input.citations);
    const element = await lockElement(scope, found);
    if (isRetracted(element)) throw retractedError(element);
    const version = Number(element.value.properties[BOOKKEEPING_KEYS.version] ?? 0);
    if (version !== input.baseVersion)
      throw await conflict(scope.tx, element, version, input.baseVersion);
    const before = element.value.properties[key] ?? null;
    const fresh = newCitations(
      {
        sources: listProp(element, 'sources'),
        quotes: listProp(element, 'quotes'),
      },
      citations,
    );
    if (JSON.stringify(before) === JSON.stringify(asJson(value)) && fresh.length === 0) {
      return { outcome: 'UNCHANGED', element: toWritten(element), changes: [] };
    }
    const after = toWritten(await extendElement(scope.tx, element, fresh, { [key]: value }));
    const change = await scope.record({
      action: 'edit',
      targets: [after.uid],
      kind: element.kind,
      before: { [key]: before },
      after: { [key]: after.properties[key] ?? null },
      citations,
      version: after.version,
    });
    return { outcome: 'EDITED', element: after, changes: [change] };
  });
}

function listProp(element: Element, key: string): JsonValue[] {
  const v = element.value.properties[key];
  return Array.isArray(v) ? v : [];
}

async function conflict(tx: Tx, element: Element, version: number, base: number): Promise<Error> {
  const uid = element.value.properties[BOOKKEEPING_KEYS.uid];
  const [last] = typeof uid === 'string' ? await tx.run(LAST_CHANGE, { uid }) : [];
  const who = last
    ? `${String(last['author'])} changed it at ${String(last['at'])} (${String(last['operation'])})`
    : 'it was changed outside Dossier';
  return userError(
    'CONFLICT',
    `This element is at version ${version}, not ${base}: ${who}. Reload it, check that change, and send your edit again with baseVersion ${version}.`,
    {
      currentVersion: version,
      baseVersion: base,
      changedBy: last?.['author'] ?? null,
      changedAt: last?.['at'] ?? null,
    },
  );
}
