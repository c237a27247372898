import { request } from '../api/graphql-client.js';
import {
  AddSourceDocument,
  SourceReadingDocument,
  type AddSourceInput,
} from '../generated/graphql.js';
import type { SourceReadingQuery } from '../generated/graphql.js';

export type SourceReading = SourceReadingQuery['mentions'];
export type CitedPassage = SourceReading['cited'][number];
export type SourceMention = SourceReading['mentions'][number];

/** The passages facts cite in a source and the graph's entities it names (one request). */
export async function fetchReading(sourceId: string): Promise<SourceReading> {
  return (await request(SourceReadingDocument, { id: sourceId })).mentions;
}

/** Stores a source; a retry of the same click (same key) is answered once. */
export async function addSource(input: AddSourceInput, key: string) {
  return (await request(AddSourceDocument, { input, key })).addSource.source;
}
