import { extractPdf, type PdfLib } from './extract-pdf.js';
import { extractMarkdown, extractPlainText } from './extract-text.js';
import { ExtractError, type SourceDraft } from './source-draft.js';

/** What the intake reports while it reads: a fraction done, and what it is doing. */
export type Progress = (fraction: number, what: string) => void;

/** The kinds of file the intake reads, by what their names end with. */
export const ACCEPTED = '.txt,.md,.markdown,.html,.htm,.pdf,.docx';

/** Reads a file's bytes in chunks, reporting how far it got (a large PDF takes a moment). */
export async function readBytes(file: File, progress: Progress): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    progress(file.size ? at / file.size : 1, `Reading ${file.name}…`);
  }
  return out.subarray(0, at);
}

/** pdf.js for the browser, its worker served from this origin; loaded on the first PDF only. */
async function browserPdfjs(): Promise<PdfLib> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs as unknown as PdfLib;
}

function kindOf(file: File): 'pdf' | 'html' | 'md' | 'docx' | 'txt' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.pdf') || file.type === 'application/pdf') return 'pdf';
  if (/\.html?$/.test(name) || file.type === 'text/html') return 'html';
  if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') return 'md';
  if (name.endsWith('.docx')) return 'docx';
  if (name.endsWith('.txt') || file.type.startsWith('text/')) return 'txt';
  return null;
}

/**
 * A dropped or chosen file as a draft source, read in the browser (nothing is uploaded but the
 * text addSource stores): .txt and .md as text, .html through Readability, .pdf's text layer
 * through pdf.js, .docx's text through mammoth. The libraries load when a file needs them.
 */
export async function extractFile(file: File, progress: Progress): Promise<SourceDraft> {
  const kind = kindOf(file);
  if (!kind) {
    throw new ExtractError(
      `“${file.name}” is not a kind of file Dossier reads. Use .txt, .md, .html, .pdf or .docx, or paste the text.`,
    );
  }
  const bytes = await readBytes(file, (f, what) => progress(f * 0.3, what));
  const decoded = (): string => new TextDecoder().decode(bytes);
  const base = file.name.replace(/\.[^.]+$/, '');
  switch (kind) {
    case 'txt':
      return extractPlainText(decoded());
    case 'md':
      return extractMarkdown(decoded());
    case 'html': {
      progress(0.4, 'Finding the article text…');
      const { extractHtml } = await import('./extract-html.js');
      return extractHtml(new DOMParser().parseFromString(decoded(), 'text/html'));
    }
    case 'pdf': {
      progress(0.35, 'Loading the PDF reader…');
      const pdfjs = await browserPdfjs();
      return extractPdf(pdfjs, bytes, (done, total) =>
        progress(0.4 + (0.6 * done) / total, `Reading page ${done} of ${total}…`),
      );
    }
    case 'docx': {
      progress(0.4, 'Reading the Word document…');
      const { extractDocx } = await import('./extract-docx.js');
      return extractDocx(bytes, base);
    }
  }
}
