import neo4j from 'neo4j-driver';
import { quoteName } from '../graph/cypher-names.js';
import type { Database } from './database.js';

/** What one transaction of deleteAllNodes removed. */
export interface DeletedBatch {
  readonly relationships: number;
  readonly nodes: number;
}

export interface DeleteAllOptions {
  /** Relationships, then nodes, per transaction (default 10,000). */
  readonly batchSize?: number;
  /** Called after every committed transaction. */
  readonly onBatch?: (batch: DeletedBatch) => void;
}

/**
 * Deletes every node and relationship in transactions of at most `batchSize` entities each, so a
 * large graph never needs one huge transaction (CALL … IN TRANSACTIONS would need an auto-commit
 * transaction, which the driver does not retry).
 *
 * Relationships go first: a batch of nodes removed with DETACH DELETE also removes all their
 * relationships, and on a graph with hubs (30,000 relationships on one node of a 1M graph) a batch
 * of 10,000 nodes took hundreds of thousands of relationships with it and broke the transaction
 * memory limit. Nodes are still DETACH DELETEd in case a writer added a relationship meanwhile.
 */
export async function deleteAllNodes(db: Database, options: DeleteAllOptions = {}): Promise<void> {
  const batchSize = options.batchSize ?? 10_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  // LIMIT takes an integer; a plain JS number would be sent as a float.
  const params = { batchSize: neo4j.int(batchSize) };
  /** Runs `cypher` until a transaction finds no more of `kind` to delete. */
  const loop = async (cypher: string, kind: keyof DeletedBatch): Promise<void> => {
    for (;;) {
      const [row] = await db.write(cypher, params);
      const batch = {
        relationships: Number(row?.['relationships'] ?? 0),
        nodes: Number(row?.['nodes'] ?? 0),
      };
      if (batch[kind] === 0) return;
      options.onBatch?.(batch);
    }
  };
  await loop(
    'MATCH ()-[r]->() WITH r LIMIT $batchSize DELETE r RETURN count(r) AS relationships, 0 AS nodes',
    'relationships',
  );
  await loop(
    // COUNT { } before the delete: a relationship added since the first loop is counted too.
    'MATCH (n) WITH n LIMIT $batchSize WITH n, COUNT { (n)--() } AS degree DETACH DELETE n RETURN sum(degree) AS relationships, count(n) AS nodes',
    'nodes',
  );
}

/**
 * Deletes every node and relationship (as deleteAllNodes) and then drops every constraint and
 * every index but the built-in lookup indexes: an empty database, for tests and benchmarks.
 */
export async function deleteEverything(db: Database): Promise<void> {
  await deleteAllNodes(db);
  for (const c of await db.read('SHOW CONSTRAINTS YIELD name RETURN name')) {
    await db.write(`DROP CONSTRAINT ${quoteName(String(c['name']))} IF EXISTS`);
  }
  for (const i of await db.read(
    "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
  )) {
    await db.write(`DROP INDEX ${quoteName(String(i['name']))} IF EXISTS`);
  }
}
