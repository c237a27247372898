import { readFileSync } from 'node:fs';
import type { Database, Tx } from '../db/database.js';
import { deleteAllNodes } from '../db/delete-all.js';
import { fromRoot } from '../paths.js';
import { splitStatements } from '../cypher/split-statements.js';
import { seedSteps, type SeedStep } from './seed-batches.js';

export const schemaFile = fromRoot('cypher', 'schema.cypher');
export const seedFile = fromRoot('cypher', 'seed.cypher');

export interface SeedOptions {
  /** Delete every node and relationship first. */
  readonly reset?: boolean;
  readonly progress?: (message: string) => void;
  /**
   * 'batches' (the default): seed.cypher's statements as a few UNWIND batches (see
   * seed-batches.ts), planned a handful of times instead of once per statement.
   * 'statements': the file as written, one statement after another, as cypher-shell runs it.
   */
  readonly method?: 'batches' | 'statements';
  /** The caller has just seen the database hold no nodes (main.ts asks before seeding). */
  readonly empty?: boolean;
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
  // One after another: sent all at once (each constraint locks only its own label), a first start
  // saved 0.15 s, but IF NOT EXISTS is not safe against a concurrent schema transaction: a seed into
  // a database that had them failed with "There already exists an index called …".
  for (const s of schema) await db.write(s.text);
  await db.write('CALL db.awaitIndexes(300)');

  // After a reset the database is empty too.
  const empty = options.reset === true || options.empty === true;
  const loaded = await loadSeed(db, readFileSync(seedFile, 'utf8'), {
    progress,
    method: options.method ?? 'batches',
    ...(empty ? { empty: true } : {}),
  });
  // Into an empty database, what the transaction added is the whole graph: Neo4j's counters say
  // so without a counting statement, which a first start's cold JVM planned for 0.15 s.
  const result = {
    statements: loaded.statements,
    ...(empty ? loaded.added : await countGraph(db)),
  };
  progress(`Story graph loaded: ${result.nodes} nodes, ${result.relationships} relationships.`);
  return result;
}

/**
 * Loads seed Cypher (the text of a file like cypher/seed.cypher) in ONE write transaction, either
 * as written or as the batches of seedSteps; returns how many statements the text holds and the
 * nodes and relationships the transaction added (net of any it deleted).
 */
export async function loadSeed(
  db: Database,
  seed: string,
  options: Required<Pick<SeedOptions, 'progress' | 'method'>> & Pick<SeedOptions, 'empty'>,
): Promise<{ statements: number; added: { nodes: number; relationships: number } }> {
  const { progress } = options;
  const statements = splitStatements(seed);
  if (options.method === 'statements') {
    progress(`Loading the story graph (${statements.length} statements, one transaction) …`);
    const added = await db.writeTransaction(
      async (tx) => {
        let done = 0;
        for (const s of statements) {
          await tx.run(s.text);
          done++;
          if (done % 25 === 0 || done === statements.length)
            progress(`  … ${done}/${statements.length}`);
        }
        return tx.added();
      },
      { timeoutMs: 600_000 },
    );
    return { statements: statements.length, added };
  }
  const empty = options.empty ?? (await isEmpty(db));
  const steps = seedSteps(statements, { dynamicLabels: empty });
  progress(
    `Loading the story graph (${statements.length} statements as ${steps.length} batches, one transaction) …`,
  );
  const added = await db.writeTransaction(
    async (tx) => {
      await runSteps(tx, steps, progress);
      return tx.added();
    },
    { timeoutMs: 600_000 },
  );
  return { statements: statements.length, added };
}

/**
 * Runs the steps of seedSteps in one transaction: node batches return the element id of every
 * node they MERGEd, which the relationship batches use to name their endpoints.
 */
async function runSteps(
  tx: Tx,
  steps: readonly SeedStep[],
  progress: (message: string) => void,
): Promise<void> {
  const elements = new Map<string, string>();
  let done = 0;
  for (const step of steps) {
    if (step.kind === 'nodes') {
      for (const row of await tx.run(step.cypher, { rows: step.rows }))
        elements.set(String(row['key']), String(row['element']));
    } else if (step.kind === 'relationships') {
      const rows = step.rows.map((r) => ({
        ...r,
        from: elements.get(r.from),
        to: elements.get(r.to),
      }));
      await tx.run(step.cypher, { rows });
    } else {
      await tx.run(step.cypher);
    }
    done++;
    progress(`  … ${done}/${steps.length}`);
  }
}

const COUNT_GRAPH =
  'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships';

async function countGraph(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read(COUNT_GRAPH);
  return { nodes: Number(row?.['nodes'] ?? 0), relationships: Number(row?.['relationships'] ?? 0) };
}

/**
 * True when the database holds no nodes at all. The start-up probe (main.ts): the first statement
 * a fresh JVM plans, so the simplest that answers — it cost a cold JVM about 0.7 s of CPU less than
 * the two counts it replaced.
 */
export async function isEmpty(db: Database): Promise<boolean> {
  return (await db.read('MATCH (n) RETURN 1 AS found LIMIT 1')).length === 0;
}
