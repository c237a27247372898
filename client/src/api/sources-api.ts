import { ArticlesById } from './articles-query.js';

/** A cited document: its story id (the value in `sources`), title and full text. */
export interface Article {
  readonly articleId: string;
  readonly elementId: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly text: string;
}

const cache = new Map<string, Promise<Article | null>>();

/**
 * The articles behind some `sources` values, fetched once each (one request for all the ids
 * not yet cached) and kept for the session: the source viewer opens instantly the second time.
 */
export async function fetchArticles(articleIds: readonly string[]): Promise<Map<string, Article>> {
  const missing = [...new Set(articleIds)].filter((id) => !cache.has(id));
  if (missing.length) {
    const batch = ArticlesById(missing);
    for (const id of missing)
      cache.set(
        id,
        batch.then((m) => m.get(id) ?? null),
      );
  }
  const out = new Map<string, Article>();
  for (const id of articleIds) {
    const a = await cache.get(id);
    if (a) out.set(id, a);
  }
  return out;
}
