import { ArticlesByIdDocument } from '../generated/graphql.js';
import type { Article } from './sources-api.js';
import { request } from './graphql-client.js';

/** One request for the Article nodes whose `id` is one of `ids`. */
export async function ArticlesById(ids: readonly string[]): Promise<Map<string, Article>> {
  const { nodes } = await request(ArticlesByIdDocument, { ids: [...ids] });
  const out = new Map<string, Article>();
  for (const n of nodes.nodes) {
    const p = (n.properties ?? {}) as Record<string, unknown>;
    const articleId = String(p['id'] ?? '');
    out.set(articleId, {
      articleId,
      elementId: n.id,
      title: typeof p['title'] === 'string' ? p['title'] : n.caption,
      publisher: typeof p['publisher'] === 'string' ? p['publisher'] : null,
      url: typeof p['url'] === 'string' ? p['url'] : null,
      text: typeof p['text'] === 'string' ? p['text'] : '',
    });
  }
  return out;
}
