import { fetchArticles } from '../api/sources-api.js';
import { citationKey, fetchQuoteRanges, type QuoteRange } from '../api/quote-ranges.js';
import type { Citation } from '../graph/model.js';
import { h } from '../ui/dom.js';
import { openSource } from './source-dialog.js';

/**
 * A fact's sources: each quote with its article's title and a button that opens the article at
 * the quote, where the API located it. `current` says whether the panel still shows this fact.
 */
export async function renderSources(
  box: HTMLElement,
  citations: Citation[],
  current: () => boolean,
  ranges: Promise<Map<string, QuoteRange>>,
): Promise<void> {
  box.replaceChildren(h('h2', {}, `Sources · ${citations.length}`));
  if (!citations.length) {
    box.append(h('p', { class: 'uncited-note' }, 'No source is recorded for this fact.'));
    return;
  }
  let articles = new Map<string, { title: string; publisher: string | null }>();
  let located = new Map<string, QuoteRange>();
  try {
    [articles, located] = await Promise.all([
      fetchArticles(citations.map((c) => c.articleId)),
      ranges,
    ]);
  } catch {
    // Titles and positions are a nicety: the citation (id and quote) is still shown.
  }
  if (!current()) return;
  for (const c of citations) {
    const a = articles.get(c.articleId);
    box.append(
      h(
        'div',
        { class: 'citation', 'data-article-id': c.articleId },
        c.quote
          ? h('blockquote', {}, `“${c.quote}”`)
          : h('p', { class: 'uncited-note' }, 'Cited without a quote.'),
        h(
          'div',
          { class: 'meta' },
          h('span', {}, a ? `${a.title}${a.publisher ? ` — ${a.publisher}` : ''}` : c.articleId),
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void openSource(
                  c.articleId,
                  c.quote,
                  located.get(citationKey(c.articleId, c.quote)) ?? null,
                ),
              title: 'Open the article with this sentence highlighted',
            },
            'Open source',
          ),
        ),
      ),
    );
  }
}

/** The API's quote positions for a story fact; none for a node without a story id. */
export function quoteRanges(entityId: unknown, edgeId?: string): Promise<Map<string, QuoteRange>> {
  if (typeof entityId !== 'string') return Promise.resolve(new Map());
  return fetchQuoteRanges(entityId, edgeId).catch(() => new Map<string, QuoteRange>());
}
