import {
  draft,
  firstLine,
  publishedDate,
  tidyText,
  type SourceDraft,
  ExtractError,
} from './source-draft.js';

/** The parts of pdf.js the extractor uses (its browser build and its Node "legacy" build both fit). */
interface PdfTextItem {
  readonly str: string;
  readonly hasEOL?: boolean;
  readonly transform: readonly number[];
  readonly height: number;
}
interface PdfPage {
  getTextContent(): Promise<{ items: readonly unknown[] }>;
}
interface PdfDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info: unknown }>;
  destroy(): Promise<void>;
}
export interface PdfLib {
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; verbosity?: number }): {
    promise: Promise<PdfDocument>;
  };
}

const isTextItem = (x: unknown): x is PdfTextItem =>
  typeof x === 'object' && x !== null && typeof (x as { str?: unknown }).str === 'string';

/**
 * One page's text layer as paragraphs: items on one line joined as they come, a line that starts
 * close below the previous one continues its paragraph (joined with a space), a wider gap starts
 * a new paragraph.
 */
export function pageText(items: readonly unknown[]): string {
  let out = '';
  let lastY: number | null = null;
  let lastHeight = 0;
  let lineDone = false;
  for (const item of items.filter(isTextItem)) {
    const y = item.transform[5] ?? 0;
    if (lastY !== null && (lineDone || Math.abs(y - lastY) > 1)) {
      const gap = Math.abs(lastY - y);
      const height = item.height || lastHeight || 10;
      if (gap > height * 1.8) out = `${out.trimEnd()}\n\n`;
      else if (!/\s$/.test(out) && item.str !== '') out += ' ';
    }
    out += item.str;
    if (item.str !== '') {
      lastY = y;
      lastHeight = item.height || lastHeight;
    }
    lineDone = item.hasEOL === true;
  }
  return out.replace(/[ \t]+/g, ' ').trim();
}

function infoString(info: unknown, key: string): string {
  const v = (info as Record<string, unknown> | null)?.[key];
  return typeof v === 'string' ? v.trim() : '';
}

/**
 * A PDF's text layer, page by page (`onPage` after each, for a progress bar), and what its info
 * dictionary says: Title, Author, CreationDate. A PDF with no text (a scan) is refused with a
 * sentence saying so; nothing is stored.
 */
export async function extractPdf(
  pdfjs: PdfLib,
  data: Uint8Array,
  onPage: (done: number, total: number) => void = () => {},
): Promise<SourceDraft> {
  let doc: PdfDocument;
  try {
    doc = await pdfjs.getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    throw new ExtractError(
      `This file cannot be read as a PDF (${e instanceof Error ? e.message : String(e)}). Check that it opens in a PDF viewer, or paste its text.`,
    );
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      pages.push(pageText((await page.getTextContent()).items));
      onPage(n, doc.numPages);
    }
    const text = tidyText(pages.filter(Boolean).join('\n\n'));
    if (!/[\p{L}\p{N}]/u.test(text)) {
      throw new ExtractError(
        `This PDF has no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'} of images, as a scan is): Dossier reads a PDF's text, not its pictures. Run it through OCR first, or paste the text.`,
      );
    }
    const { info } = await doc.getMetadata().catch(() => ({ info: null }));
    return draft({
      text,
      title: infoString(info, 'Title') || firstLine(text),
      author: infoString(info, 'Author'),
      published: publishedDate(infoString(info, 'CreationDate')),
      language: infoString(info, 'Language'),
    });
  } finally {
    await doc.destroy();
  }
}
