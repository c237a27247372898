import { QuoteRangesDocument } from '../generated/graphql.js';
import { request } from './graphql-client.js';

/** Where a quote sits in its article's text: [start, end), as the API locates it. */
export interface QuoteRange {
  readonly start: number;
  readonly end: number;
}

/** The key of one citation in the map fetchQuoteRanges returns. */
export function citationKey(articleId: string, quote: string): string {
  return `${articleId}\n${quote}`;
}

/**
 * The positions of a fact's quotes, from the story API (the server finds each quote once, the same
 * way for every client): the entity's own, or with `edgeId` those of one of its relationships.
 * Empty when the graph has no story entity with this id (a foreign graph).
 */
export async function fetchQuoteRanges(
  entityId: string,
  edgeId?: string,
): Promise<Map<string, QuoteRange>> {
  const { entity } = await request(QuoteRangesDocument, { id: entityId });
  const sources = edgeId
    ? (entity?.relations.find((r) => r.edgeId === edgeId)?.sources ?? [])
    : (entity?.sources ?? []);
  const out = new Map<string, QuoteRange>();
  for (const s of sources) {
    if (s.start !== null && s.start !== undefined && s.end !== null && s.end !== undefined) {
      out.set(citationKey(s.articleId, s.quote), { start: s.start, end: s.end });
    }
  }
  return out;
}
