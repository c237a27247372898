import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import type { JsonValue } from '../../server/db/convert.js';
import { fromRoot } from '../../server/paths.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { loadPole, pole, poleDir } from '../support/load-pole.js';

/** The shape stated in ../shared/datasets/pole/README.md. */
const README_LABELS = {
  Crime: 28_762,
  Location: 14_904,
  PostCode: 14_196,
  Officer: 1_000,
  Vehicle: 1_000,
  PhoneCall: 534,
  Person: 369,
  Email: 328,
  Phone: 328,
  Area: 93,
  Object: 7,
};
const README_NODES = 61_521;
const README_RELATIONSHIPS = 105_840;
const README_TYPE_COUNT = 17;

let db: Database;

/** JSON with sorted keys, so equal maps give equal text. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Everything the graph holds, as a digest: every node's labels and properties, and every
 * relationship's endpoints (by importId), type and properties. Equal digests mean equal graphs.
 */
async function graphDigest(): Promise<{ nodes: number; relationships: number; digest: string }> {
  const nodes = await db.read(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { timeoutMs: 120_000 },
  );
  const rels = await db.read(
    'MATCH (a)-[r]->(b) RETURN a.importId AS s, type(r) AS t, b.importId AS e, properties(r) AS props',
    {},
    { timeoutMs: 120_000 },
  );
  const lines = [
    ...nodes.map((r) => `N${canonical(r)}`),
    ...rels.map((r) => `R${canonical(r)}`),
  ].sort();
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { nodes: nodes.length, relationships: rels.length, digest };
}

async function countsByLabel(): Promise<Record<string, number>> {
  const rows = await db.read(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label',
  );
  return Object.fromEntries(rows.map((r) => [String(r['label']), Number(r['n'])]));
}

async function countsByType(): Promise<Record<string, number>> {
  const rows = await db.read('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  return Object.fromEntries(rows.map((r) => [String(r['type']), Number(r['n'])]));
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/**
 * Runs `npm run import` as a child process against the test database. With killAfter, SIGKILLs
 * it as soon as a progress line reports at least that many relationships written: the next batch
 * is then already in flight, so the kill lands in the middle of a transaction.
 */
function runImportCli(batchSize: number, killAfter?: number): Promise<CliRun> {
  const neo4j = inject('neo4j');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fromRoot('server', 'import', 'import-cli.ts'),
      poleDir,
      '--batch-size',
      String(batchSize),
    ],
    {
      cwd: fromRoot(),
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: neo4j.database,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const onData = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (killAfter === undefined || child.killed) return;
    for (const m of output.matchAll(/([\d,]+) relationships · /g)) {
      if (Number((m[1] ?? '0').replace(/,/g, '')) >= killAfter) {
        child.kill('SIGKILL');
        return;
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolveRun) =>
    child.on('exit', (code, signal) => resolveRun({ code, signal, output })),
  );
}

let clean: Awaited<ReturnType<typeof graphDigest>> | undefined;

beforeAll(async () => {
  if (!pole.present) return;
  db = connectTestDatabase({ queryTimeoutMs: 120_000 });
  await resetDatabase(db);
});
afterAll(async () => {
  if (pole.present) await db.close();
});

describe.skipIf(!pole.present)('importing POLE', () => {
  it('gives exactly the README counts: nodes per label, relationships and types', async () => {
    const summary = await loadPole(db);
    expect(summary).toMatchObject({
      files: 28,
      nodes: README_NODES,
      relationships: README_RELATIONSHIPS,
      nodesCreated: README_NODES,
      relationshipsCreated: README_RELATIONSHIPS,
    });
    expect(summary.labels).toEqual(README_LABELS);
    expect(await countsByLabel()).toEqual(README_LABELS);
    const types = await countsByType();
    expect(Object.keys(types)).toHaveLength(README_TYPE_COUNT);
    expect(Object.values(types).reduce((a, b) => a + b, 0)).toBe(README_RELATIONSHIPS);
    expect(types).toEqual(summary.types);
    clean = await graphDigest();
    expect(clean).toMatchObject({ nodes: README_NODES, relationships: README_RELATIONSHIPS });
  }, 600_000);

  it('keeps typed columns typed and leaves empty fields out', async () => {
    const [location] = await db.read(
      "MATCH (l:Location {importId: '1'}) RETURN l.latitude AS lat, l.longitude AS lon, l.address AS address",
    );
    expect(location).toEqual({ lat: 53.530988, lon: -2.61741, address: '178 Polding Street' });
    const [object] = await db.read(
      "MATCH (o:Object {importId: '61507'}) RETURN o.description AS d",
    );
    expect(object).toEqual({ d: '£3,500 currency' });
    // Person.age is empty for Todd Hamilton in the file: no property, not an empty string.
    const [person] = await db.read(
      "MATCH (p:Person {importId: '0'}) RETURN keys(p) AS keys ORDER BY keys",
    );
    expect([...((person?.['keys'] as string[]) ?? [])].sort()).toEqual([
      'importId',
      'name',
      'nhs_no',
      'surname',
    ]);
  });

  it('run a second time, creates nothing and leaves the same graph', async () => {
    expect(clean).toBeDefined();
    const summary = await loadPole(db);
    expect(summary).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0 });
    expect(await graphDigest()).toEqual(clean);
  }, 600_000);

  it('killed with SIGKILL part-way and run again, gives the graph of a clean load', async () => {
    expect(clean).toBeDefined();
    await resetDatabase(db);
    const killed = await runImportCli(2_000, 20_000);
    expect(killed.signal).toBe('SIGKILL');
    const partial = await graphDigest();
    // The kill landed part-way: every node, some but not all relationships.
    expect(partial.nodes).toBe(README_NODES);
    expect(partial.relationships).toBeGreaterThanOrEqual(20_000);
    expect(partial.relationships).toBeLessThan(README_RELATIONSHIPS);

    const rerun = await runImportCli(10_000);
    expect(rerun.code, rerun.output).toBe(0);
    expect(rerun.output).toMatch(/Imported 61,521 nodes \(0 new\) and 105,840 relationships/);
    expect(await graphDigest()).toEqual(clean);
    expect(await countsByLabel()).toEqual(README_LABELS);
  }, 900_000);
});
