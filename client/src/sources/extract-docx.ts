import {
  ExtractError,
  draft,
  firstLine,
  publishedDate,
  tidyText,
  type SourceDraft,
} from './source-draft.js';

/** The five XML entities and numeric references, as core.xml may carry them in a title. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    return String.fromCodePoint(
      e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
}

/**
 * One element of docProps/core.xml (Dublin Core: dc:title, dc:creator, dcterms:created …). The
 * file is a flat list of such elements written by Word and its kin, so a pattern reads it the
 * same in the browser and in Node, without an XML parser for a dozen tags.
 */
function coreField(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
  return m?.[1] ? unescapeXml(m[1]).trim() : '';
}

/** The document's own properties (File › Properties in Word), or '' when it has none. */
async function coreProperties(bytes: Uint8Array): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file('docProps/core.xml')?.async('string')) ?? '';
}

/**
 * A Word document's text through mammoth (paragraphs as paragraphs, no formatting), with its
 * title, author, date and language prefilled from docProps/core.xml where the file says them.
 * `name` (the file's name without .docx) is the title when neither core.xml nor the text has one.
 */
export async function extractDocx(bytes: Uint8Array, name: string): Promise<SourceDraft> {
  const mammoth = await import('mammoth');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let value: string;
  let core: string;
  try {
    // The browser build of mammoth reads `arrayBuffer`, the Node one `buffer`; both take this.
    const input = { arrayBuffer: buffer, buffer } as unknown as { arrayBuffer: ArrayBuffer };
    [{ value }, core] = await Promise.all([mammoth.extractRawText(input), coreProperties(bytes)]);
  } catch (e) {
    throw new ExtractError(
      `This file cannot be read as a Word document (${e instanceof Error ? e.message : String(e)}). Check that it opens in Word, or paste its text.`,
    );
  }
  const text = tidyText(value);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new ExtractError(`“${name}.docx” has no text. Check the file, or paste the text.`);
  }
  return draft({
    text,
    title: coreField(core, 'dc:title') || firstLine(text) || name,
    author: coreField(core, 'dc:creator'),
    published: publishedDate(coreField(core, 'dcterms:created')),
    language: coreField(core, 'dc:language'),
  });
}
