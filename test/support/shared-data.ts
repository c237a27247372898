import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../../server/paths.js';

/** Set by .ci/run: in CI every data set must be there, so a missing one fails instead of skipping. */
export const REQUIRE_SHARED = 'DOSSIER_REQUIRE_SHARED';

/** Data that lives outside the repository (../shared beside the checkout, as CI lays it out). */
export interface SharedData {
  /** Where the tests look for it. */
  readonly dir: string;
  /** False on a bare clone: the tests that need it skip (see sharedData). */
  readonly present: boolean;
}

/**
 * Finds data a test needs from outside the repository: `relative` under DOSSIER_SHARED_DIR, or
 * ../shared beside the checkout. When it is missing, prints ONE line naming what is missing, where
 * it was looked for and where to get it, and returns present: false so the caller skips its tests
 * (`describe.skipIf(!data.present)`); with DOSSIER_REQUIRE_SHARED=1 (CI) it throws instead, which
 * fails the test file.
 */
export function sharedData(
  what: string,
  relative: readonly string[],
  whereToGetIt: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): SharedData {
  const root = env['DOSSIER_SHARED_DIR'] || fromRoot('..', 'shared');
  const dir = join(root, ...relative);
  if (existsSync(dir)) return { dir, present: true };
  if (env[REQUIRE_SHARED] === '1' || env[REQUIRE_SHARED] === 'true') {
    throw new Error(
      `${what} is not at ${dir}, and ${REQUIRE_SHARED} is set, so missing data fails the tests. ${whereToGetIt}`,
    );
  }
  console.warn(
    `SKIPPED: ${what} is not at ${dir}, so the tests that need it are skipped. ${whereToGetIt}`,
  );
  return { dir, present: false };
}
