import type { JsonValue } from '../db/convert.js';
import type { Database, Row } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { BOOKKEEPING_LABELS } from './bookkeeping.js';
import { lockFact } from './element.js';
import { runWrite } from './run-write.js';

const CASE = BOOKKEEPING_LABELS.savedCase;

/** Longest name, description and encoded view accepted (a link of 3,000 nodes is ~60k). */
export const CASE_LIMITS = { name: 200, description: 2000, view: 200_000, slug: 80 } as const;

/** One saved version of a case, as stored (one DossierCase node each). */
export interface CaseVersionModel {
  readonly slug: string;
  readonly version: number;
  readonly name: string;
  readonly description: string | null;
  readonly view: string;
  readonly savedBy: string;
  readonly savedAt: string;
}

/** A case: its latest version, and all its versions newest first. */
export interface CaseModel extends CaseVersionModel {
  readonly path: string;
  readonly versions: CaseVersionModel[];
}

export interface SaveCaseInput {
  readonly name: string;
  readonly description?: string | null;
  readonly view: string;
  readonly slug?: string | null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What the explorer's link encoding (lz-string, URI-safe) is made of. */
const ENCODED_VIEW = /^[A-Za-z0-9+\-$]+$/;

/** A slug from a name: lower-case ASCII letters and digits joined by hyphens. Pure. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, CASE_LIMITS.slug - 4)
    .replace(/-+$/, '');
  return slug || 'case';
}

/** The first of base, base-2, base-3 … not in `taken`. Pure. */
export function freeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The input checked, trimmed; a GraphQL BAD_USER_INPUT error naming what to fix otherwise. */
export function checkCaseInput(input: SaveCaseInput): SaveCaseInput {
  const name = input.name.trim();
  if (!name || name.length > CASE_LIMITS.name)
    throw userError(
      'BAD_USER_INPUT',
      `A case needs a name of 1 to ${CASE_LIMITS.name} characters; give it one, e.g. “Forbes surveillance”.`,
    );
  const description = input.description?.trim() || null;
  if (description && description.length > CASE_LIMITS.description)
    throw userError(
      'BAD_USER_INPUT',
      `A case's description is at most ${CASE_LIMITS.description} characters; shorten it.`,
    );
  if (!input.view || input.view.length > CASE_LIMITS.view || !ENCODED_VIEW.test(input.view))
    throw userError(
      'BAD_USER_INPUT',
      `The view must be the explorer's encoded view (what a Share link holds after #view=), at most ${CASE_LIMITS.view} characters; save it from the explorer.`,
    );
  if (input.slug !== undefined && input.slug !== null && !SLUG.test(input.slug))
    throw userError(
      'BAD_USER_INPUT',
      `“${input.slug}” is not a case's slug (lower-case letters, digits and hyphens, as in /c/forbes-surveillance); omit it to save a new case.`,
    );
  return { name, description, view: input.view, slug: input.slug ?? null };
}

const VERSIONS_OF = `
MATCH (c:${CASE} {slug: $slug})
RETURN max(c.version) AS version`;

const SLUGS_LIKE = `
MATCH (c:${CASE})
WHERE c.slug = $base OR c.slug STARTS WITH $base + '-'
RETURN collect(DISTINCT c.slug) AS slugs`;

const CREATE_VERSION = `
CREATE (c:${CASE} {slug: $slug, version: toInteger($version), name: $name, description: $description,
                   view: $view, savedBy: $author, savedAt: toString(datetime())})`;

/** Each case's versions, newest first, the cases by their latest save, newest first. */
const CASES = `
MATCH (c:${CASE})
WHERE $slug IS NULL OR c.slug = $slug
WITH c ORDER BY c.version DESC
WITH c.slug AS slug, collect(c {.slug, .version, .name, .description, .view, .savedBy, .savedAt}) AS versions
RETURN versions
ORDER BY versions[0].savedAt DESC
LIMIT toInteger($first)`;

/**
 * saveCase: one write transaction (runWrite) that takes a lock on the slug — so two saves of one
 * case get versions n and n+1, and two new cases of one name get two slugs — then creates the
 * version node. Returns the case as it now is.
 */
export async function saveCase(
  ctx: Pick<GraphQLContext, 'db' | 'actor'>,
  raw: SaveCaseInput,
  idempotencyKey?: string | null,
): Promise<CaseModel> {
  const input = checkCaseInput(raw);
  const saved = await runWrite(
    ctx,
    { operation: 'saveCase', idempotencyKey, input },
    async ({ tx, actor }) => {
      let slug: string;
      let version: number;
      if (input.slug) {
        slug = input.slug;
        await lockFact(tx, `case:${slug}`);
        const [row] = await tx.run(VERSIONS_OF, { slug });
        if (typeof row?.version !== 'number')
          throw userError(
            'NOT_FOUND',
            `No case has the slug “${slug}”. Omit slug to save a new case, or list them with cases.`,
          );
        version = row.version + 1;
      } else {
        const base = slugify(input.name);
        await lockFact(tx, `case-slug:${base}`);
        const [row] = await tx.run(SLUGS_LIKE, { base });
        const taken = new Set((row?.slugs as string[] | undefined) ?? []);
        slug = freeSlug(base, taken);
        version = 1;
      }
      await tx.run(CREATE_VERSION, {
        slug,
        version,
        name: input.name,
        description: input.description ?? null,
        view: input.view,
        author: actor.name,
      });
      return { slug, version };
    },
  );
  const found = await findCase(ctx.db, saved.slug);
  // The answer describes this save's version, not the latest: a concurrent save of the same case
  // may have committed a newer one before the read. (An idempotent replay stored before the
  // version was recorded has none and gets the latest, as it did then.)
  const mine =
    saved.version === undefined
      ? found?.versions[0]
      : found?.versions.find((v) => v.version === saved.version);
  if (!found || !mine) throw new Error(`The case ${saved.slug} was saved but cannot be read back`);
  return { ...mine, path: found.path, versions: found.versions };
}

function toCase(row: Row): CaseModel {
  const versions = (row.versions as JsonValue[]).map((v) => v as unknown as CaseVersionModel);
  const latest = versions[0] as CaseVersionModel;
  return { ...latest, path: `/c/${latest.slug}`, versions };
}

/** Every case (its latest version first in `versions`), most recently saved first. */
export async function listCases(db: Database, first: number): Promise<CaseModel[]> {
  if (!Number.isInteger(first) || first < 1 || first > 1000)
    throw userError('BAD_USER_INPUT', 'first must be between 1 and 1000.');
  const rows = await db.read(CASES, { slug: null, first });
  return rows.map(toCase);
}

/** One case by slug; null when none has it. */
export async function findCase(db: Database, slug: string): Promise<CaseModel | null> {
  const [row] = await db.read(CASES, { slug, first: 1 });
  return row ? toCase(row) : null;
}
