import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractDocx } from '../../client/src/sources/extract-docx.js';
import { extractHtml } from '../../client/src/sources/extract-html.js';
import { extractPdf, type PdfLib } from '../../client/src/sources/extract-pdf.js';
import { extractMarkdown } from '../../client/src/sources/extract-text.js';
import { ExtractError, publishedDate } from '../../client/src/sources/source-draft.js';
import { fromRoot } from '../../server/paths.js';
import { makeArticleDocx } from '../fixtures/sources/make-docx.js';
import { makeArticlePdf } from '../fixtures/sources/make-pdf.js';

const html = readFileSync(fromRoot('test', 'fixtures', 'sources', 'third-article.html'), 'utf8');
const htmlDoc = (): Document => parseHTML(html).document as unknown as Document;

const pdfjs = async (): Promise<PdfLib> =>
  (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfLib;

describe('HTML extraction (Readability)', () => {
  it('keeps the article paragraphs and drops navigation, the aside and the footer', () => {
    const d = extractHtml(htmlDoc());
    expect(d.text).toContain('Among those tracked was Emily Baker-White, a reporter at Forbes');
    expect(d.text).toContain('Chris Lepitak, who led the internal audit team in Beijing');
    for (const junk of ['Subscribe for 1 euro', 'Most read', 'Ten gadgets', 'Privacy']) {
      expect(d.text).not.toContain(junk);
    }
    // Paragraphs stay apart, and a sentence is not broken by the HTML's line wrapping.
    expect(d.text).toMatch(/said on Thursday\. An internal investigation found/);
    expect(d.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });

  it('prefills title, publisher, author, URL, date and language from the meta tags', () => {
    const d = extractHtml(htmlDoc());
    expect(d).toMatchObject({
      title: 'ByteDance fires four employees who tracked reporters through TikTok',
      publisher: 'The Ledger Review',
      author: 'Dana Whitfield',
      url: 'https://ledger-review.example/2022/12/bytedance-fires-four',
      published: '2022-12-23',
      language: 'en',
    });
  });
});

describe('PDF extraction (pdf.js text layer)', () => {
  const paragraphs = [
    'ByteDance has fired four employees who used TikTok data to follow journalists, the company said on Thursday. An internal investigation found that the employees had taken the IP addresses of reporters at BuzzFeed, the Financial Times and Forbes.',
    'Among those tracked was Emily Baker-White, a reporter at Forbes.',
  ];

  it('reads the text page by page as paragraphs, and the info dictionary', async () => {
    const pdf = await makeArticlePdf({
      title: 'ByteDance fires four employees',
      author: 'Dana Whitfield',
      published: new Date(Date.UTC(2022, 11, 23, 12)),
      paragraphs,
    });
    const pages: number[] = [];
    const d = await extractPdf(await pdfjs(), pdf, (done) => pages.push(done));
    expect(d.text.split('\n\n')).toEqual(paragraphs);
    expect(d).toMatchObject({
      title: 'ByteDance fires four employees',
      author: 'Dana Whitfield',
      published: '2022-12-23',
    });
    expect(pages).toEqual([1]);
  });

  it('says a PDF without a text layer (a scan) has none, instead of storing nothing', async () => {
    const scan = await makeArticlePdf({
      title: 'Scanned',
      author: 'x',
      published: new Date(),
      paragraphs: [],
    });
    const err = await extractPdf(await pdfjs(), scan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/no text layer.*OCR/);
  });

  it('refuses bytes that are not a PDF with a sentence', async () => {
    const err = await extractPdf(await pdfjs(), new TextEncoder().encode('hello')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/cannot be read as a PDF/);
  });
});

describe('Word extraction (mammoth, core.xml)', () => {
  const paragraphs = [
    'ByteDance has fired four employees who used TikTok data to follow journalists & their sources.',
    'Among those tracked was Emily Baker-White, a reporter at Forbes.',
  ];

  it('reads the paragraphs and prefills title, author and date from the core properties', async () => {
    const docx = await makeArticleDocx({
      title: 'ByteDance fires four <employees>',
      author: 'Dana Whitfield',
      published: new Date(Date.UTC(2022, 11, 23, 12)),
      paragraphs,
    });
    const d = await extractDocx(docx, 'third-article');
    expect(d.text.split('\n\n')).toEqual(paragraphs);
    expect(d).toMatchObject({
      title: 'ByteDance fires four <employees>',
      author: 'Dana Whitfield',
      published: '2022-12-23',
    });
  });

  it('refuses bytes that are not a Word document with a sentence', async () => {
    const err = await extractDocx(new TextEncoder().encode('hello'), 'notes').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/cannot be read as a Word document/);
  });
});

describe('Markdown and dates', () => {
  it('reduces Markdown to its words and reads front matter', () => {
    const d = extractMarkdown(
      '---\ntitle: "Leaks"\nauthor: Ana\ndate: 2022-12\n---\n# Leaks\n\n**ByteDance** fired [four](http://x) _staff_.\n',
    );
    expect(d.text).toBe('Leaks\n\nByteDance fired four staff.');
    expect(d).toMatchObject({ title: 'Leaks', author: 'Ana', published: '2022-12' });
  });

  it('reads dates as files carry them', () => {
    expect(publishedDate('D:20221222093000Z')).toBe('2022-12-22');
    expect(publishedDate('2022-12-23T09:30:00Z')).toBe('2022-12-23');
    expect(publishedDate('nonsense')).toBe('');
  });
});
