import { ArticleTextDocument } from '../generated/graphql.js';
import type { Article } from './sources-api.js';
import { request } from './graphql-client.js';

/** One article by its story id through the story API's `article(id)`, or null when absent. */
export async function fetchArticle(articleId: string): Promise<Article | null> {
  const { article } = await request(ArticleTextDocument, { id: articleId });
  if (!article) return null;
  return {
    articleId: article.id,
    elementId: article.nodeId,
    title: article.title ?? article.name,
    publisher: article.publisher ?? null,
    url: null,
    text: article.text ?? '',
  };
}
