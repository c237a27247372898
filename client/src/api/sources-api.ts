import { fetchArticle } from './articles-query.js';

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
 * The articles behind some `sources` values, each fetched once (in parallel) and kept for the
 * session: titles in the details panel and the source viewer then cost nothing the second time.
 * A story cites a handful of articles, so one request per distinct article is bounded.
 */
export async function fetchArticles(articleIds: readonly string[]): Promise<Map<string, Article>> {
  const ids = [...new Set(articleIds)];
  for (const id of ids) {
    if (!cache.has(id)) {
      const p = fetchArticle(id);
      // A failed fetch is not cached, so the next click tries again.
      p.catch(() => cache.delete(id));
      cache.set(id, p);
    }
  }
  const out = new Map<string, Article>();
  await Promise.all(
    ids.map(async (id) => {
      const a = await cache.get(id);
      if (a) out.set(id, a);
    }),
  );
  return out;
}
