import { fetchSubgraph, fromApi } from '../api/graph-api.js';
import type { QuoteRange } from '../api/quote-ranges.js';
import { fetchArticles, type Article } from '../api/sources-api.js';
import { addConnected } from '../graph/connect.js';
import { select } from '../state/commands/select.js';
import { byId, h } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { citeInReader, editingAvailable } from './cite-bridge.js';
import {
  fetchReading,
  type CitedPassage,
  type SourceMention,
  type SourceReading,
} from './reader-api.js';
import { readerContext } from './reader-context.js';
import { renderReaderText } from './reader-text.js';
import { sentenceAt, sentencesOf } from './sentence-at.js';
import { rangeAt } from './text-range.js';
import { renderSuggestions } from './suggestions-list.js';
import './sources.css';

/** Brings nodes (and the relationships among them and the picture) into the view, then selects `ids`. */
async function showOnGraph(nodeIds: readonly string[], select_: readonly string[]): Promise<void> {
  const ctx = readerContext();
  if (!ctx) return;
  const missing = nodeIds.filter((id) => !ctx.store.view.nodes[id]);
  if (missing.length > 0) {
    const { subgraph } = await fetchSubgraph(missing);
    const near = Object.keys(ctx.store.view.nodes)[0];
    await addConnected(ctx, subgraph, near ? { kind: 'near', near } : { kind: 'layout' });
  }
  ctx.store.dispatch(select, [...select_]);
}

/**
 * The reader: a panel beside the graph (not modal, so the graph stays usable) with the source's
 * whole text — passages facts cite highlighted (a click lists the facts and selects them on the
 * graph), names of entities already in the graph underlined (a click adds the entity to the view
 * and offers to cite the sentence for it) — and, beside it, the people, organisations and places
 * the text names that the graph lacks, each to create or ignore. `range` is the quote the reader
 * was opened for, highlighted and scrolled to.
 */
export async function openReader(
  sourceId: string,
  quote = '',
  range: QuoteRange | null = null,
): Promise<void> {
  const dialog = byId<HTMLDialogElement>('source-dialog');
  // Esc or Close gives focus back to what opened the reader (not when it was already open).
  const opener = dialog.open ? null : document.activeElement;
  dialog.classList.add('reader-panel');
  const title = h('h3', { id: 'source-title' }, 'Source');
  const close = h(
    'button',
    { type: 'button', 'aria-label': 'Close the source', onclick: () => dialog.close() },
    'Close',
  );
  const body = h(
    'div',
    { class: 'dialog-body reader-body' },
    h('p', { class: 'muted' }, 'Loading the source…'),
  );
  dialog.replaceChildren(h('div', { class: 'dialog-head' }, title, close), body);
  dialog.onkeydown = (e) => {
    if (e.key === 'Escape') dialog.close();
  };
  dialog.onclose = () => {
    if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) {
      opener.focus();
    }
  };
  if (!dialog.open) dialog.show();
  close.focus();

  let article: Article | undefined;
  let reading: SourceReading;
  try {
    [article, reading] = await Promise.all([
      fetchArticles([sourceId]).then((m) => m.get(sourceId)),
      fetchReading(sourceId),
    ]);
  } catch (e) {
    body.replaceChildren(
      h('p', { role: 'alert' }, `The source could not be loaded: ${errorMessage(e)}`),
    );
    return;
  }
  if (!article) {
    body.replaceChildren(
      h(
        'p',
        {},
        `No source with id “${sourceId}” is in the graph. The fact cites it, but its Article node is missing — reload the story (npm run seed -- --reset) or add the source again.`,
      ),
    );
    return;
  }
  const text = article.text;
  title.textContent = article.title;
  const canEdit = await editingAvailable();
  const facts = h(
    'section',
    { class: 'reader-facts', 'aria-live': 'polite' },
    h('h4', {}, 'Facts'),
    h(
      'p',
      { class: 'muted' },
      'Choose a highlighted passage to see the facts it supports, or an underlined name to add its entity to the view.',
    ),
  );
  const suggestions = h('section', {
    class: 'reader-suggestions',
    'data-testid': 'reader-suggestions',
  });
  const keysHint = h(
    'p',
    { class: 'muted reader-keys', id: 'reader-keys' },
    canEdit
      ? 'On the text: ↓ and ↑ choose a sentence, Enter cites it.'
      : 'On the text: ↓ and ↑ choose a sentence.',
  );
  const textBox = h('div', {
    class: 'article-text reader-text',
    'data-article-id': sourceId,
    tabindex: 0,
    'aria-label': `Text of ${article.title}`,
    'aria-describedby': 'reader-keys',
  });
  // The keyboard's way to choose a passage: a cursor over the sentences, shown as the page's
  // selection (so "Cite…" appears as for a mouse selection) and read out by screen readers.
  const sentences = sentencesOf(text);
  let current = -1;
  const cursorNote = h('p', {
    class: 'visually-hidden',
    'aria-live': 'polite',
    'data-testid': 'reader-cursor',
  });
  const choose = (i: number): void => {
    const s = sentences[i];
    const range = s ? rangeAt(textBox, s.start, s.end) : null;
    if (!s || !range) return;
    current = i;
    const sel = document.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    cursorNote.textContent = `Sentence ${i + 1} of ${sentences.length}: ${s.quote}`;
  };
  textBox.addEventListener('keydown', (e) => {
    if (e.target !== textBox || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = e.key === 'ArrowDown' ? current + 1 : Math.max(0, current - 1);
      choose(Math.min(next, sentences.length - 1));
    } else if (e.key === 'Enter' && canEdit && sentences[current]) {
      const s = sentences[current]!;
      void citeInReader({ sourceId, ...s }).then((saved) => saved && void refresh());
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });

  const onCited = (cited: readonly CitedPassage[]): void => {
    facts.replaceChildren(
      h('h4', {}, `Facts this passage supports · ${cited.length}`),
      h('blockquote', { class: 'citation' }, `“${cited[0]?.quote ?? ''}”`),
      h(
        'ul',
        { class: 'reader-fact-list' },
        cited.map((c) =>
          h(
            'li',
            { 'data-element-id': c.elementId },
            h('span', { class: 'muted' }, c.kind === 'NODE' ? 'Entity · ' : 'Relationship · '),
            c.caption,
          ),
        ),
      ),
    );
    const nodes = cited
      .flatMap((c) => (c.kind === 'NODE' ? [c.elementId] : [c.from ?? '', c.to ?? '']))
      .filter(Boolean);
    void showOnGraph(
      nodes,
      cited.map((c) => c.elementId),
    ).catch((e: unknown) => toast(`Could not show the facts: ${errorMessage(e)}`, 'error'));
  };

  const onMention = (m: SourceMention): void => {
    const sentence = sentenceAt(text, m.start, m.end);
    const cite = canEdit
      ? h(
          'button',
          {
            type: 'button',
            'data-testid': 'reader-cite-mention',
            onclick: () =>
              void citeInReader({
                sourceId,
                ...sentence,
                suggest: {
                  kind: 'entity',
                  name: m.node.caption,
                  ...(m.node.labels[0] ? { label: m.node.labels[0] } : {}),
                },
              }).then((saved) => saved && void refresh()),
          },
          'Cite this sentence for it…',
        )
      : '';
    facts.replaceChildren(
      h('h4', {}, m.node.caption),
      h(
        'p',
        { class: 'muted' },
        `${m.node.labels.join(', ')} · named here as “${m.text}”. Added to the view and selected.`,
      ),
      cite,
      h('blockquote', { class: 'citation' }, `“${sentence.quote}”`),
    );
    const ctx = readerContext();
    ctx?.cache.put(fromApi([m.node], []));
    void showOnGraph([m.node.id], [m.node.id]).catch((e: unknown) =>
      toast(`Could not add ${m.node.caption}: ${errorMessage(e)}`, 'error'),
    );
  };

  const draw = (r: SourceReading): void => {
    const focus = range ?? null;
    const { nodes, focusMark } = renderReaderText(text, r.cited, r.mentions, focus, {
      onCited,
      onMention,
    });
    textBox.replaceChildren(...nodes);
    renderSuggestions(suggestions, {
      sourceId,
      text,
      reading: r,
      canEdit,
      onCreated: () => void refresh(),
    });
    stats.textContent = `${r.cited.length} cited passage${r.cited.length === 1 ? '' : 's'} · ${r.mentions.length} mention${r.mentions.length === 1 ? '' : 's'} of ${new Set(r.mentions.map((m) => m.node.id)).size} entities in the graph`;
    focusMark?.scrollIntoView({ block: 'center' });
  };
  const refresh = async (): Promise<void> => {
    try {
      draw(await fetchReading(sourceId));
    } catch (e) {
      toast(`Could not refresh the reader: ${errorMessage(e)}`, 'error');
    }
  };

  const stats = h('p', { class: 'muted reader-stats', 'data-testid': 'reader-stats' });
  const meta = h(
    'p',
    { class: 'muted' },
    [article.publisher, sourceId].filter(Boolean).join(' · '),
    article.url
      ? [' · ', h('a', { href: article.url, target: '_blank', rel: 'noopener' }, 'original ↗')]
      : null,
  );
  const notFound =
    range || !quote
      ? null
      : h(
          'p',
          { class: 'uncited-note' },
          'The quote was not found verbatim in this text; it is shown below the article.',
        );
  body.replaceChildren(
    meta,
    stats,
    keysHint,
    cursorNote,
    ...(notFound ? [notFound] : []),
    h(
      'div',
      { class: 'reader-columns' },
      h('div', {}, textBox, range || !quote ? null : h('blockquote', { class: 'citation' }, quote)),
      h(
        'aside',
        { class: 'reader-side', 'aria-label': 'What the source says about the graph' },
        facts,
        suggestions,
      ),
    ),
  );
  draw(reading);
}
