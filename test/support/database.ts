import { pino, type Logger } from 'pino';
import { inject } from 'vitest';
import { Database } from '../../server/db/database.js';
import { deleteEverything } from '../../server/db/delete-all.js';
import './provided.js';

export const silentLogger = pino({ level: 'silent' });

/** A Database on the run's Neo4j (see global-setup.ts). Close it in afterAll. */
export function connectTestDatabase(
  options: { queryTimeoutMs?: number; logger?: Logger } = {},
): Database {
  const n = inject('neo4j');
  return Database.connect({
    uri: n.uri,
    user: n.user,
    password: n.password,
    database: n.database,
    logger: options.logger ?? silentLogger,
    queryTimeoutMs: options.queryTimeoutMs ?? 120_000,
  });
}

/** Deletes every node and relationship and drops every constraint and (non-lookup) index. */
export const resetDatabase = deleteEverything;
