import { fetchArticles } from '../api/sources-api.js';
import { byId, h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import type { QuoteRange } from '../api/quote-ranges.js';

/**
 * Opens the cited article with the quote highlighted and scrolled into view: the one click from
 * a fact to the sentence that supports it. `range` is where the API located the quote (its
 * start/end); null when it did not find it.
 */
export async function openSource(
  articleId: string,
  quote: string,
  range: QuoteRange | null,
): Promise<void> {
  const dialog = byId<HTMLDialogElement>('source-dialog');
  const body = h(
    'div',
    { class: 'dialog-body' },
    h('p', { class: 'muted' }, 'Loading the article…'),
  );
  const close = h(
    'button',
    { type: 'button', 'aria-label': 'Close the source', onclick: () => dialog.close() },
    'Close',
  );
  const title = h('h3', { id: 'source-title' }, 'Source');
  dialog.replaceChildren(h('div', { class: 'dialog-head' }, title, close), body);
  if (!dialog.open) dialog.showModal();
  try {
    const article = (await fetchArticles([articleId])).get(articleId);
    if (!article) {
      body.replaceChildren(
        h(
          'p',
          {},
          `No article with id “${articleId}” is in the graph. The fact cites it, but the article node is missing — reload the story (npm run seed -- --reset).`,
        ),
      );
      return;
    }
    title.textContent = article.title;
    const mark = range
      ? h('mark', { id: 'source-quote' }, article.text.slice(range.start, range.end))
      : null;
    const text = h(
      'div',
      { class: 'article-text', 'data-article-id': articleId },
      range
        ? [article.text.slice(0, range.start), mark, article.text.slice(range.end)]
        : [article.text],
    );
    const parts: (HTMLElement | null)[] = [
      h(
        'p',
        { class: 'muted' },
        [article.publisher, articleId].filter(Boolean).join(' · '),
        article.url
          ? [' · ', h('a', { href: article.url, target: '_blank', rel: 'noopener' }, 'original ↗')]
          : null,
      ),
      range || !quote
        ? null
        : h(
            'p',
            { class: 'uncited-note' },
            'The quote was not found verbatim in this text; it is shown below the article.',
          ),
      text,
      range || !quote ? null : h('blockquote', { class: 'citation' }, quote),
    ];
    body.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
    mark?.scrollIntoView({ block: 'center' });
  } catch (e) {
    body.replaceChildren(h('p', {}, `The article could not be loaded: ${errorMessage(e)}`));
  }
}
