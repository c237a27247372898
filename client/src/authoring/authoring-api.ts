import { request } from '../api/graphql-client.js';
import {
  AddCitationsDocument,
  AddClaimDocument,
  AddDisagreementDocument,
  AddEntityDocument,
  AddRelationshipDocument,
  HistoryDocument,
  RemoveCitationDocument,
  RestoreDocument,
  RetractDocument,
  SetPropertyDocument,
  type AddClaimInput,
  type AddEntityInput,
  type AddRelationshipInput,
  type ChangeFieldsFragment,
  type CitationInput,
  type WriteOutcome,
  type WrittenFieldsFragment,
} from '../generated/graphql.js';

export type Written = WrittenFieldsFragment;
export type HistoryEntry = ChangeFieldsFragment;

/** What one sourced write did: the element and whether it is new (then undo retracts it). */
export interface WriteResult {
  readonly outcome: WriteOutcome;
  readonly element: Written;
}

/** A fresh idempotency key per request, so a retried request writes once. */
function key(): string {
  return crypto.randomUUID();
}

export async function addEntity(input: AddEntityInput): Promise<WriteResult> {
  return (await request(AddEntityDocument, { input, key: key() })).addEntity;
}

export async function addRelationship(input: AddRelationshipInput): Promise<WriteResult> {
  return (await request(AddRelationshipDocument, { input, key: key() })).addRelationship;
}

export async function addCitations(
  element: string,
  citations: CitationInput[],
): Promise<WriteResult> {
  return (await request(AddCitationsDocument, { input: { element, citations }, key: key() }))
    .addCitations;
}

/** Takes one citation off a fact (the inverse of addCitations for that passage). */
export async function removeCitation(
  element: string,
  citation: CitationInput,
  reason: string,
): Promise<WriteResult> {
  const input = { element, source: citation.source, quote: citation.quote, reason };
  return (await request(RemoveCitationDocument, { input, key: key() })).removeCitation;
}

/** Sets a property, based on the element's latest version as its history gives it. */
export async function setProperty(
  element: string,
  name: string,
  value: unknown,
  citations: CitationInput[],
): Promise<WriteResult> {
  const [last] = await fetchHistory(element, 1);
  const input = { element, key: name, value, baseVersion: last?.version ?? 0, citations };
  return (await request(SetPropertyDocument, { input, key: key() })).setProperty;
}

export async function addClaim(input: AddClaimInput): Promise<WriteResult> {
  return (await request(AddClaimDocument, { input, key: key() })).addClaim;
}

export async function addDisagreement(
  name: string,
  question: string,
  between: string[],
  citations: CitationInput[],
): Promise<WriteResult> {
  const input = { name, question, between, citations };
  return (await request(AddDisagreementDocument, { input, key: key() })).addDisagreement;
}

export async function retract(id: string, reason: string): Promise<Written> {
  return (await request(RetractDocument, { id, reason, key: key() })).retract.element;
}

export async function restore(id: string, reason: string): Promise<Written> {
  return (await request(RestoreDocument, { id, reason, key: key() })).restore.element;
}

/** The element's changes, newest first. */
export async function fetchHistory(id: string, first = 100): Promise<HistoryEntry[]> {
  return (await request(HistoryDocument, { id, first })).history;
}
