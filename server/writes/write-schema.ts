import type { Database } from '../db/database.js';
import { BOOKKEEPING_LABELS } from './bookkeeping.js';

const { change, idempotency, lock } = BOOKKEEPING_LABELS;

/**
 * Constraints and indexes the writes rely on. Each is IF NOT EXISTS, so running them again (every
 * start, every test database) changes nothing. The idempotency key's uniqueness is what makes two
 * concurrent requests with one key write once; the source's sha256 uniqueness does the same for
 * one text added twice at once.
 */
export const WRITE_SCHEMA: readonly string[] = [
  `CREATE CONSTRAINT dossier_idempotency_key IF NOT EXISTS FOR (k:${idempotency}) REQUIRE k.key IS UNIQUE`,
  `CREATE CONSTRAINT dossier_lock_key IF NOT EXISTS FOR (l:${lock}) REQUIRE l.key IS UNIQUE`,
  `CREATE CONSTRAINT dossier_change_id IF NOT EXISTS FOR (c:${change}) REQUIRE c.id IS UNIQUE`,
  `CREATE INDEX dossier_change_at IF NOT EXISTS FOR (c:${change}) ON (c.at)`,
  `CREATE INDEX dossier_change_author IF NOT EXISTS FOR (c:${change}) ON (c.author)`,
];

/**
 * Constraints on the user's own Article label. They may fail on a graph whose imported Article
 * nodes already break them (two with one id); writes then still work, without the guarantee
 * under concurrency, rather than not at all.
 */
export const SOURCE_SCHEMA: readonly string[] = [
  `CREATE CONSTRAINT dossier_article_sha256 IF NOT EXISTS FOR (a:Article) REQUIRE a.sha256 IS UNIQUE`,
  // The same statement as cypher/schema.cypher's, so it is a no-op on the story graph.
  `CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE`,
];

const ensured = new WeakMap<Database, Promise<void>>();

/**
 * Creates the write schema once per Database (schema commands cannot share a transaction with
 * data writes, so this runs before the first write rather than inside it).
 */
export function ensureWriteSchema(db: Database): Promise<void> {
  let done = ensured.get(db);
  if (!done) {
    done = (async () => {
      for (const statement of WRITE_SCHEMA) await db.write(statement);
      for (const statement of SOURCE_SCHEMA) await db.write(statement).catch(() => undefined);
    })();
    // A failure (database down) is not remembered: the next write tries again.
    done.catch(() => ensured.delete(db));
    ensured.set(db, done);
  }
  return done;
}
