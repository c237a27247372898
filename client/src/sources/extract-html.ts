import { Readability } from '@mozilla/readability';
import {
  draft,
  firstLine,
  publishedDate,
  tidyText,
  type SourceDraft,
  ExtractError,
} from './source-draft.js';

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TR UL'.split(
    ' ',
  ),
);

/** An element's text with paragraphs kept: blocks apart by a blank line, `<br>` a line break. */
export function blockText(root: Node): string {
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) out += '\n\n';
    node.childNodes.forEach(walk);
    if (block) out += '\n\n';
  };
  walk(root);
  return tidyText(out.replace(/[ \t]*\n[ \t]*/g, '\n'));
}

function meta(doc: Document, ...names: string[]): string {
  for (const n of names) {
    const el = doc.querySelector(`meta[property="${n}"]`) ?? doc.querySelector(`meta[name="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return '';
}

/**
 * An HTML page as its article: Mozilla's Readability (Firefox's Reader View) keeps the article's
 * text and drops navigation, ads and footers; title, publisher, author, URL, date and language
 * come from the page's meta tags (Open Graph, article:*, name=author …) where it has them.
 * `doc` is read before Readability changes it.
 */
export function extractHtml(doc: Document): SourceDraft {
  const fields = {
    title: meta(doc, 'og:title', 'twitter:title', 'title'),
    publisher: meta(doc, 'og:site_name', 'publisher', 'application-name'),
    author: meta(doc, 'author', 'article:author', 'byl', 'dc.creator'),
    url:
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() ||
      meta(doc, 'og:url'),
    published: publishedDate(
      meta(doc, 'article:published_time', 'date', 'pubdate', 'dc.date', 'publish-date') ||
        doc.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    language: doc.documentElement.getAttribute('lang')?.trim() ?? '',
    pageTitle: doc.title.trim(),
  };
  const article = new Readability(doc, { keepClasses: false }).parse();
  let text = '';
  if (article?.content) {
    const holder = doc.createElement('div');
    holder.innerHTML = article.content;
    text = blockText(holder);
  }
  if (!text) text = tidyText(article?.textContent ?? '');
  if (!text) {
    throw new ExtractError(
      'This page has no article text Dossier can find. Open it in a browser, copy the article and paste it instead.',
    );
  }
  return draft({
    text,
    title: fields.title || article?.title?.trim() || fields.pageTitle || firstLine(text),
    publisher: fields.publisher || article?.siteName?.trim() || '',
    author: fields.author || article?.byline?.trim() || '',
    url: fields.url,
    published: fields.published || publishedDate(article?.publishedTime),
    language: fields.language || article?.lang?.trim() || '',
  });
}
