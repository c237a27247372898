import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import { int } from '../graph/model.js';
import { BOOKKEEPING_KEYS, BOOKKEEPING_LABELS } from './bookkeeping.js';
import { findElement } from './element.js';
import { toChangeEntry, type ChangeEntry } from './history.js';

const CHANGE = BOOKKEEPING_LABELS.change;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HISTORY = `
MATCH (c:${CHANGE}) WHERE $uid IN c.targets
RETURN c {.*} AS change
ORDER BY c.at DESC, c.seq DESC LIMIT $first`;

const CHANGES = `
MATCH (c:${CHANGE})
WHERE ($since IS NULL OR c.at >= datetime($since)) AND ($by IS NULL OR c.author = $by)
RETURN c {.*} AS change
ORDER BY c.at DESC, c.seq DESC LIMIT $first`;

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > 1000) {
    throw userError('BAD_USER_INPUT', `first must be a whole number from 1 to 1000, not ${first}.`);
  }
  return first;
}

/**
 * An element's changes, newest first. `id` is its dossierUid (which outlives the element: a
 * merged-away node's history stays readable), or an element id or story id, read through the
 * element's dossierUid. An element Dossier never changed has no history.
 */
export async function findHistory(db: Database, id: string, first = 100): Promise<ChangeEntry[]> {
  checkFirst(first);
  let uid = UUID.test(id) ? id : null;
  if (uid === null) {
    const element = await db.readTransaction((tx) => findElement(tx, id, 'history'));
    const value = element.value.properties[BOOKKEEPING_KEYS.uid];
    if (typeof value !== 'string') return [];
    uid = value;
  }
  const rows = await db.read(HISTORY, { uid, first: int(first) });
  return rows.map((r) => toChangeEntry(r['change']));
}

/** The investigation's changes, newest first, optionally since a time and by one person. */
export async function findChanges(
  db: Database,
  filter: { since?: string | null; by?: string | null; first?: number | null },
): Promise<ChangeEntry[]> {
  const first = checkFirst(filter.first ?? 100);
  let since: string | null = null;
  if (filter.since) {
    const ms = Date.parse(filter.since);
    if (Number.isNaN(ms)) {
      throw userError(
        'BAD_USER_INPUT',
        `since ${JSON.stringify(filter.since)} is not a time; give an ISO-8601 time such as 2026-11-29T00:00:00Z.`,
      );
    }
    since = new Date(ms).toISOString();
  }
  const rows = await db.read(CHANGES, { since, by: filter.by ?? null, first: int(first) });
  return rows.map((r) => toChangeEntry(r['change']));
}
