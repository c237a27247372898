import { pino } from 'pino';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import { deleteAllNodes } from '../../server/db/delete-all.js';
import './provided.js';

export const silentLogger = pino({ level: 'silent' });

/** A Database on the run's Neo4j (see global-setup.ts). Close it in afterAll. */
export function connectTestDatabase(options: { queryTimeoutMs?: number } = {}): Database {
  const n = inject('neo4j');
  return Database.connect({
    uri: n.uri,
    user: n.user,
    password: n.password,
    database: n.database,
    logger: silentLogger,
    queryTimeoutMs: options.queryTimeoutMs ?? 120_000,
  });
}

/** Deletes every node and relationship and drops every constraint and (non-lookup) index. */
export async function resetDatabase(db: Database): Promise<void> {
  await deleteAllNodes(db);
  for (const c of await db.read('SHOW CONSTRAINTS YIELD name RETURN name')) {
    await db.write(`DROP CONSTRAINT \`${String(c['name'])}\` IF EXISTS`);
  }
  for (const i of await db.read(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  )) {
    await db.write(`DROP INDEX \`${String(i['name'])}\` IF EXISTS`);
  }
}
