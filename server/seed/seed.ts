import { readFileSync } from 'node:fs';
import type { Database } from '../db/database.js';
import { deleteAllNodes } from '../db/delete-all.js';
import { fromRoot } from '../paths.js';
import { splitStatements } from '../cypher/split-statements.js';

export const schemaFile = fromRoot('cypher', 'schema.cypher');
export const seedFile = fromRoot('cypher', 'seed.cypher');

export interface SeedOptions {
  /** Delete every node and relationship first. */
  readonly reset?: boolean;
  readonly progress?: (message: string) => void;
}

export interface SeedResult {
  readonly statements: number;
  readonly nodes: number;
  readonly relationships: number;
}

/**
 * Loads cypher/schema.cypher (constraints and indexes, each its own transaction, as Neo4j
 * requires) and then cypher/seed.cypher in ONE write transaction: a crash part-way leaves the
 * graph as it was, and because the seed MERGEs on ids, loading twice gives the same graph.
 */
export async function seedStory(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const progress = options.progress ?? (() => undefined);
  if (options.reset) {
    progress('Deleting the existing graph …');
    await deleteAllNodes(db);
  }
  const schema = splitStatements(readFileSync(schemaFile, 'utf8'));
  progress(`Creating ${schema.length} constraints and indexes …`);
  for (const s of schema) await db.write(s.text);
  await db.write('CALL db.awaitIndexes(300)');

  const statements = splitStatements(readFileSync(seedFile, 'utf8'));
  progress(`Loading the story graph (${statements.length} statements, one transaction) …`);
  await db.writeTransaction(
    async (tx) => {
      let done = 0;
      for (const s of statements) {
        await tx.run(s.text);
        done++;
        if (done % 25 === 0 || done === statements.length)
          progress(`  … ${done}/${statements.length}`);
      }
    },
    { timeoutMs: 600_000 },
  );
  const [counts] = await db.read(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  const result = {
    statements: statements.length,
    nodes: Number(counts?.['nodes'] ?? 0),
    relationships: Number(counts?.['relationships'] ?? 0),
  };
  progress(`Story graph loaded: ${result.nodes} nodes, ${result.relationships} relationships.`);
  return result;
}

/** True when the database holds no nodes at all. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await db.read('MATCH (n) RETURN count(n) = 0 AS empty LIMIT 1');
  return row?.['empty'] === true;
}
