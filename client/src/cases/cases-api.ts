import { request } from '../api/graphql-client.js';
import {
  CaseDocument,
  CasesDocument,
  SaveCaseDocument,
  type CaseFieldsFragment,
} from '../generated/graphql.js';

export type SavedCase = CaseFieldsFragment;

export async function fetchCases(): Promise<SavedCase[]> {
  return (await request(CasesDocument, {})).cases;
}

export async function fetchCase(slug: string): Promise<SavedCase | null> {
  return (await request(CaseDocument, { slug })).case ?? null;
}

/** Saves the encoded view: a new case, or with `slug` a new version of that one. */
export async function saveCase(
  name: string,
  description: string,
  view: string,
  slug: string | null,
): Promise<SavedCase> {
  const key = crypto.randomUUID();
  return (await request(SaveCaseDocument, { name, description, view, slug, key })).saveCase;
}
