import type { Database } from './database.js';

/**
 * Deletes every node and relationship, 10,000 nodes per transaction so a large graph never needs
 * one huge transaction (CALL … IN TRANSACTIONS would need an auto-commit transaction, which the
 * driver does not retry).
 */
export async function deleteAllNodes(db: Database): Promise<void> {
  for (;;) {
    const [row] = await db.write(
      'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
    );
    if (Number(row?.['deleted'] ?? 0) === 0) return;
  }
}
