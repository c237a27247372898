import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../db/convert.js';
import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { BOOKKEEPING_KEYS } from './bookkeeping.js';
import { asElement, citationsOf, provenanceOf, toWritten, type Element } from './element.js';
import { findFact, lockElement, type FactWrite } from './fact-writes.js';
import { checkReason } from './retract.js';
import { runWrite } from './run-write.js';

const { uid: UID, version: VERSION, quoteStarts: STARTS, quoteEnds: ENDS } = BOOKKEEPING_KEYS;

export interface RemoveCitationInput {
  /** The node or relationship: element id, dossierUid or story id. */
  readonly element: string;
  /** The citation to take off: its source's id and its quote as the element stores it. */
  readonly source: string;
  readonly quote: string;
  readonly reason?: string | null;
}

/** Whitespace runs as one space: a quote sent back may have lost a line break the source has. */
const words = (s: string): string => s.replace(/\s+/g, ' ').trim();

/*
 * The four aligned lists lose the entry at $index together. Offsets of citations older than
 * Dossier's offsets are padded with -1 as the writes pad them, so the lists stay aligned.
 */
const DROP_CITATION = (match: string): string => `${match}
WITH e, [i IN range(0, size(e.sources) - 1) WHERE i <> $index] AS keep
SET e.${STARTS} = [i IN keep | coalesce(e.${STARTS}[i], -1)],
    e.${ENDS} = [i IN keep | coalesce(e.${ENDS}[i], -1)],
    e.quotes = [i IN keep | e.quotes[i]],
    e.sources = [i IN keep | e.sources[i]],
    e.${UID} = coalesce(e.${UID}, $uid),
    e.${VERSION} = coalesce(e.${VERSION}, 0) + 1
RETURN e, $kind AS kind`;

/**
 * Takes one citation off a fact and records an `uncite` change: the exact inverse of citing an
 * existing fact (addCitations, or addEntity/addRelationship answering CITED), which is what the
 * explorer's undo needs. The fact itself stays; to take it back, retract it.
 */
export async function removeCitation(
  ctx: GraphQLContext,
  input: RemoveCitationInput,
  idempotencyKey?: string | null,
): Promise<FactWrite> {
  return runWrite(ctx, { operation: 'removeCitation', idempotencyKey, input }, async (scope) => {
    const reason = checkReason(input.reason, false);
    const found = await findFact(scope, input.element, 'the fact whose citation to remove');
    const element = await lockElement(scope, found);
    const index = indexOfCitation(element, input);
    const match =
      element.kind === 'node'
        ? 'MATCH (e) WHERE elementId(e) = $id'
        : 'MATCH ()-[e]->() WHERE elementId(e) = $id';
    const [row] = await scope.tx.run(DROP_CITATION(match), {
      id: element.value.id,
      kind: element.kind,
      index,
      uid: randomUUID(),
    });
    const after = asElement(row as Record<string, JsonValue>);
    const written = toWritten(after);
    const removed = citationsOf(element.value.properties)[index];
    const change = await scope.record({
      action: 'uncite',
      targets: [written.uid],
      kind: element.kind,
      before: provenanceOf(element),
      after: provenanceOf(after),
      citations: removed ? [removed] : [],
      reason,
      version: written.version,
    });
    return { outcome: 'UNCITED', element: written, changes: [change] };
  });
}

/** Where the citation is in the element's lists; refused, naming what it cites, when absent. */
function indexOfCitation(element: Element, input: RemoveCitationInput): number {
  const cites = citationsOf(element.value.properties);
  const exact = cites.findIndex((c) => c.source === input.source && c.quote === input.quote);
  if (exact >= 0) return exact;
  const loose = cites.findIndex(
    (c) => c.source === input.source && words(c.quote) === words(input.quote),
  );
  if (loose >= 0) return loose;
  const has = [...new Set(cites.map((c) => c.source))];
  throw userError(
    'BAD_USER_INPUT',
    `${JSON.stringify(input.element)} does not cite that passage of source ${JSON.stringify(input.source)}${
      has.length > 0
        ? ` (it cites ${has.map((s) => JSON.stringify(s)).join(', ')})`
        : ' (it cites nothing)'
    }. Send the source and quote exactly as its citations list them.`,
    { element: input.element, source: input.source },
  );
}
