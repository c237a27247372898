/**
 * A source as the intake reads it from a paste or a file, before the person saves it: its text and
 * whatever the file says about it (each field editable in the form, so all are plain strings).
 */
export interface SourceDraft {
  readonly text: string;
  readonly title: string;
  readonly publisher: string;
  readonly author: string;
  readonly url: string;
  /** As precise as the file says: 2022, 2022-12 or 2022-12-22 (else ''). */
  readonly published: string;
  readonly language: string;
}

/** A file Dossier cannot read, with a sentence saying what to do instead. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
}

/** A draft with every field empty but those given. */
export function draft(fields: Partial<SourceDraft> & { text: string }): SourceDraft {
  return {
    title: '',
    publisher: '',
    author: '',
    url: '',
    published: '',
    language: '',
    ...fields,
  };
}

/** The first line of a text that has words in it, cut to a title's length. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => /[\p{L}\p{N}]/u.test(l)) ?? '';
  const t = line.trim();
  return t.length > 200 ? `${t.slice(0, 199)}…` : t;
}

/**
 * A date as the API takes it (year, month or day), from what files carry: ISO timestamps,
 * "2022-12-22", PDF dates ("D:20221222…"), or a Date's own parse of anything else; '' when none.
 */
export function publishedDate(value: string | null | undefined): string {
  const v = (value ?? '').trim();
  if (v === '') return '';
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(v);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter(Boolean).join('-');
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const t = Date.parse(v);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/** Tidies extracted text: no trailing spaces, at most one blank line between paragraphs. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
