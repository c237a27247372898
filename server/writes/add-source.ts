import { createHash, randomUUID } from 'node:crypto';
import type { JsonValue } from '../db/convert.js';
import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { BOOKKEEPING_KEYS } from './bookkeeping.js';
import { citationParams, lockFact, NEW_ELEMENT_SET } from './element.js';
import type { ChangeEntry, CitationRecord } from './history.js';
import { runWrite } from './run-write.js';
import { checkText } from './write-input.js';

export interface AddSourceInput {
  readonly text: string;
  readonly title: string;
  readonly publisher?: string | null;
  readonly author?: string | null;
  readonly url?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
}

/** A stored source as the API returns it. */
export interface SourceDocument {
  readonly id: string;
  readonly nodeId: string;
  readonly uid: string;
  readonly title: string;
  readonly publisher: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly publishedPrecision: string | null;
  readonly language: string | null;
  readonly sha256: string;
  readonly length: number;
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface SourceWrite {
  readonly source: SourceDocument;
  readonly change: ChangeEntry;
}

/** A publication date at the precision known: bounds for a year, month or day; none for words. */
export interface PublishedDate {
  readonly text: string;
  readonly precision: 'year' | 'month' | 'day' | 'text';
  readonly start: string | null;
  readonly end: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Reads "2022", "2022-12", "2022-12-22" as bounded dates; anything else is kept as words. */
export function parsePublished(value: string): PublishedDate {
  const text = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return { text, precision: 'text', start: null, end: null };
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  const daysIn = (mo: number): number => new Date(Date.UTC(year, mo, 0)).getUTCDate();
  if (month !== null && (month < 1 || month > 12)) throw badDate(text);
  if (month === null)
    return { text, precision: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
  if (day === null) {
    const first = `${year}-${pad(month)}`;
    return {
      text,
      precision: 'month',
      start: `${first}-01`,
      end: `${first}-${pad(daysIn(month))}`,
    };
  }
  if (day < 1 || day > daysIn(month)) throw badDate(text);
  return { text, precision: 'day', start: text, end: text };
}

function badDate(text: string): Error {
  return userError(
    'BAD_USER_INPUT',
    `published ${JSON.stringify(text)} is not a real date. Give a year (2022), a month (2022-12), a day (2022-12-22) or words ("summer 2022").`,
  );
}

/** The passage an Article cites for itself (the story's Article nodes quote their title): its opening line. */
export function openingPassage(text: string): CitationRecord & { start: number; end: number } {
  const start = text.search(/\S/);
  const lineEnd = text.indexOf('\n', start);
  let end = Math.min(lineEnd < 0 ? text.length : lineEnd, start + 200);
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { source: '', quote: text.slice(start, end), start, end };
}

const EXISTING = `
MATCH (a:Article) WHERE a.sha256 = $sha256 OR a.text = $text
RETURN a.id AS id LIMIT 1`;

const UID = BOOKKEEPING_KEYS.uid;

const CREATE_SOURCE = `
CREATE (e:Article)${NEW_ELEMENT_SET},
    e.addedAt = datetime(),
    e.publishedStart = CASE WHEN $start IS NULL THEN null ELSE date($start) END,
    e.publishedEnd = CASE WHEN $end IS NULL THEN null ELSE date($end) END
RETURN e {.*, nodeId: elementId(e)} AS source`;

/**
 * Stores a source document as an Article node: the same model as the story's two articles, so
 * everything that reads provenance (details panel, "Open source", disagreements, exports, the
 * typed API) reads it too. Refuses a text already stored, naming the source that has it.
 */
export async function addSource(
  ctx: GraphQLContext,
  input: AddSourceInput,
  idempotencyKey?: string | null,
): Promise<SourceWrite> {
  const max = ctx.config.writes.sourceMaxChars;
  if (input.text.length > max) {
    throw userError(
      'BAD_USER_INPUT',
      `The source's text has ${input.text.length.toLocaleString('en-GB')} characters; Dossier stores at most ${max.toLocaleString('en-GB')} (SOURCE_MAX_CHARS). Split the document into parts, or raise the limit.`,
      { limit: max },
    );
  }
  checkText('text', input.text, max);
  const title = checkText('title', input.title, 1_000);
  const optional = (field: string, v: string | null | undefined, limit: number): string | null =>
    v === null || v === undefined || v.trim() === '' ? null : checkText(field, v, limit);
  const published = input.published
    ? parsePublished(checkText('published', input.published, 200))
    : null;
  const sha256 = createHash('sha256').update(input.text, 'utf8').digest('hex');
  const id = `article-${sha256.slice(0, 16)}`;
  const opening = { ...openingPassage(input.text), source: id };
  const properties: Record<string, string | null> = {
    id,
    name: title,
    title,
    text: input.text,
    publisher: optional('publisher', input.publisher, 2_000),
    author: optional('author', input.author, 2_000),
    url: optional('url', input.url, 2_000),
    published: published?.text ?? null,
    publishedPrecision: published?.precision ?? null,
    language: optional('language', input.language, 35),
    sha256,
    addedBy: ctx.actor.name,
  };
  return runWrite(
    ctx,
    { operation: 'addSource', idempotencyKey, input },
    async ({ tx, record }) => {
      await lockFact(tx, `source:${sha256}`);
      const [existing] = await tx.run(EXISTING, { sha256, text: input.text });
      if (existing) {
        throw userError(
          'BAD_USER_INPUT',
          `This text is already stored as source ${JSON.stringify(existing['id'])}; cite that id instead of adding it again.`,
          { existingSourceId: existing['id'] },
        );
      }
      const uid = randomUUID();
      const [row] = await tx.run(CREATE_SOURCE, {
        uid,
        properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null)),
        start: published?.start ?? null,
        end: published?.end ?? null,
        ...citationParams([opening]),
      });
      const source = toSourceDocument(row?.['source']);
      const change = await record({
        action: 'create',
        targets: [uid],
        kind: 'source',
        before: null,
        after: source as unknown as JsonValue,
        citations: [opening],
        version: 1,
      });
      return { source, change };
    },
  );
}

function toSourceDocument(value: JsonValue | undefined): SourceDocument {
  const p = (value ?? {}) as Record<string, JsonValue>;
  const str = (k: string): string | null => (typeof p[k] === 'string' ? p[k] : null);
  return {
    id: String(p['id']),
    nodeId: String(p['nodeId']),
    uid: String(p[UID]),
    title: String(p['title']),
    publisher: str('publisher'),
    author: str('author'),
    url: str('url'),
    published: str('published'),
    publishedPrecision: str('publishedPrecision'),
    language: str('language'),
    sha256: String(p['sha256']),
    length: typeof p['text'] === 'string' ? p['text'].length : 0,
    addedBy: String(p['addedBy']),
    addedAt: String(p['addedAt']),
  };
}
