import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { root } from '../../scripts/generate-seed-articles.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run seed`'s script (tsx server/seed/seed-cli.ts) with the given env overrides. */
function seedCli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'server', 'seed', 'seed-cli.ts'), ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: undefined, ...env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// Each test runs the CLI under tsx and loads the whole story: minutes on a busy 2-core machine.
describe(
  'npm run seed (server/seed/seed-cli.ts) against a real Neo4j',
  { timeout: 240_000 },
  () => {
    let db: Database;
    const neo4j = inject('neo4j');
    const target = {
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    };

    beforeAll(async () => {
      db = connectTestDatabase();
      await resetDatabase(db);
    });
    afterAll(async () => {
      await resetDatabase(db);
      await db.close();
    });

    it('loads the story graph into NEO4J_URI, showing progress, and exits 0', async () => {
      const run = await seedCli([], target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Creating 10 constraints and indexes');
      expect(run.stdout).toMatch(/… \d+\/\d+/);
      expect(run.stdout).toContain('Story graph loaded: 78 nodes, 180 relationships.');
      const [row] = await db.read('MATCH (n) RETURN count(n) AS n');
      expect(row?.['n']).toBe(78);
    });

    it('with --reset deletes what else is in the database and reloads the same graph', async () => {
      await db.write("CREATE (:Scratch {id: 'left-over'})");
      const run = await seedCli(['--reset'], target);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('Deleting the existing graph');
      const [row] = await db.read(
        'MATCH (n) RETURN count(n) AS n, count(CASE WHEN n:Scratch THEN 1 END) AS scratch',
      );
      expect(row).toEqual({ n: 78, scratch: 0 });
    });

    it('exits 1 with a clear message when Neo4j cannot be reached', async () => {
      const run = await seedCli(['--wait', '1'], { ...target, NEO4J_URI: 'bolt://127.0.0.1:1' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Seeding failed: Neo4j did not answer within 1s');
      expect(run.stderr).toContain('Check that Neo4j is running at bolt://127.0.0.1:1');
      expect(run.stderr).not.toContain('    at '); // no stack traces
    });

    it('exits 2 with the usage on an unknown option', async () => {
      const run = await seedCli(['--wipe'], target);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Unknown option '--wipe'");
      expect(run.stderr).toContain('Usage: npm run seed');
    });
  },
);
