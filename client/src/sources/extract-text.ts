import { draft, firstLine, publishedDate, tidyText, type SourceDraft } from './source-draft.js';

/** Plain text: kept as it is; its first line is the title. */
export function extractPlainText(text: string): SourceDraft {
  const t = tidyText(text);
  return draft({ text: t, title: firstLine(t) });
}

/** YAML-ish front matter (`key: value` lines between `---`), as many Markdown files open. */
function frontMatter(md: string): { fields: Record<string, string>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(md);
  if (!m) return { fields: {}, body: md };
  const fields: Record<string, string> = {};
  for (const line of (m[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_-]+)\s*:\s*(.*)$/.exec(line);
    if (kv) fields[(kv[1] ?? '').toLowerCase()] = (kv[2] ?? '').replace(/^["']|["']$/g, '').trim();
  }
  return { fields, body: md.slice(m[0].length) };
}

/**
 * Markdown as the words a reader sees (quotes are checked against the stored text, so it must not
 * keep `**` or link targets): headings, emphasis, links and images reduced to their text; front
 * matter gives title, author, date and URL.
 */
export function extractMarkdown(md: string): SourceDraft {
  const { fields, body } = frontMatter(md.replace(/\r\n?/g, '\n'));
  const text = tidyText(
    body
      .replace(/^```[^\n]*\n([\s\S]*?)```$/gm, '$1')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s{0,3}>\s?/gm, '')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]*?\S)\1(?![\p{L}\p{N}*_])/gu, '$2')
      .replace(/`([^`]+)`/g, '$1'),
  );
  return draft({
    text,
    title: fields['title'] ?? firstLine(text),
    author: fields['author'] ?? '',
    publisher: fields['publisher'] ?? fields['site'] ?? '',
    url: fields['url'] ?? fields['canonical'] ?? '',
    published: publishedDate(fields['date'] ?? fields['published'] ?? ''),
    language: fields['lang'] ?? fields['language'] ?? '',
  });
}
