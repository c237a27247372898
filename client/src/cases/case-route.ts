import { decodeView, type SavedView } from '../state/url-state.js';
import { fetchCase, type SavedCase } from './cases-api.js';

/** The case a short link /c/<slug> names, or null for any other path. Pure. */
export function caseSlugOf(pathname: string): string | null {
  const m = /^\/c\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(pathname);
  return m ? (m[1] ?? null) : null;
}

let opened: SavedCase | null = null;

/** The case this page opened or last saved (Save then offers a new version of it). */
export function currentCase(): SavedCase | null {
  return opened;
}

export function setCurrentCase(c: SavedCase | null): void {
  opened = c;
}

/**
 * Resolves a short link: the case's latest view, decoded as a link's would be. Throws with a
 * sentence when the case does not exist or its view cannot be read.
 */
export async function savedViewFromPath(pathname: string): Promise<SavedView | null> {
  const slug = caseSlugOf(pathname);
  if (!slug) return null;
  const found = await fetchCase(slug);
  if (!found)
    throw new Error(`No saved case is called “${slug}”. Open the list of cases to find it`);
  const view = decodeView(found.view);
  if (!view) throw new Error(`The case “${found.name}” holds a view this explorer cannot read`);
  opened = found;
  document.title = `${found.name} — Dossier`;
  return view;
}
