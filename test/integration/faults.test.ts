import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../server/neo4j/local-neo4j.js';
import { fromRoot } from '../../server/paths.js';
import { neo4jJvmsFor, spawnApp, waitFor200, type AppProcess } from '../support/app-process.js';
import { LEAKS } from '../support/http-app.js';
import '../support/provided.js';

// These tests kill and freeze the app's own local Neo4j, so they run only where the suite uses
// the local Neo4j (not NEO4J_URI or a container).
const local = inject('neo4j').kind === 'local';
// Long enough that a busy machine does not miss deadlines before the fault; short enough that a
// frozen Neo4j shows up quickly.
const QUERY_TIMEOUT_MS = 5_000;
/** JSON with object keys sorted, so property order cannot make equal graphs differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `done()` holds, or at most `ms`: the load's samples are polled instead of slept on
 * for a fixed time, which a fast machine spent idle (the assertions after it decide, not this).
 */
async function until(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await sleep(50);
}

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
  status: number;
  body: string;
}

/** Workers POST a read query in a loop until stopped; every response is kept. */
function readLoad(base: string, workers: number): { samples: Sample[]; stop: () => Promise<void> } {
  const samples: Sample[] = [];
  let running = true;
  const worker = async (): Promise<void> => {
    while (running) {
      const at = Date.now();
      try {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ about { neo4jVersion database } }' }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = await res.text();
        samples.push({
          at,
          ms: Date.now() - at,
          ok: res.status === 200 && body.includes('"neo4jVersion"'),
          status: res.status,
          body,
        });
      } catch (err) {
        samples.push({ at, ms: Date.now() - at, ok: false, status: 0, body: String(err) });
      }
      await sleep(50);
    }
  };
  const all = Array.from({ length: workers }, worker);
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(all);
    },
  };
}

/** Waits for a read to succeed: a cold JVM on a busy machine can miss the first deadlines. */
async function warmUp(base: string): Promise<void> {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ about { neo4jVersion database } }' }),
    }).catch(() => undefined);
    if (res && (await res.text()).includes('"neo4jVersion"')) return;
    await sleep(500);
  }
  throw new Error('no read succeeded within 120 s');
}

async function readyStatus(base: string): Promise<number> {
  try {
    return (await fetch(`${base}/ready`, { signal: AbortSignal.timeout(10_000) })).status;
  } catch {
    return 0;
  }
}

async function waitForReady(base: string, want: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if ((await readyStatus(base)) === want) return Date.now();
    await sleep(200);
  }
  throw new Error(`/ready never answered ${want} within ${timeoutMs} ms`);
}

describe.runIf(local)('database faults on the local Neo4j', { timeout: 300_000 }, () => {
  let dataDir: string;
  let app: AppProcess;
  let base: string;
  let boltPort: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dossier-faults-'));
    const port = await freePort();
    boltPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = spawnApp({
      PORT: String(port),
      LOCAL_NEO4J_PORT: String(boltPort),
      DOSSIER_DATA_DIR: dataDir,
      QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      // Room for the deliberately slow statement of the shutdown test.
      CYPHER_TIMEOUT_MS: '60000',
    });
    await waitFor200(`${base}/ready`, 240_000);
  });
  afterAll(async () => {
    if (app.child.exitCode === null) app.child.kill('SIGTERM');
    await app.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('survives kill -9 of Neo4j under read load: /ready 503 then 200, reads succeed again within 5 s, nothing leaks', async () => {
    const [jvm] = neo4jJvmsFor(dataDir);
    expect(jvm).toBeDefined();
    await warmUp(base);
    const load = readLoad(base, 4);
    // Some reads answered before the kill (the assertions need at least one).
    await until(() => load.samples.filter((s) => s.ok).length >= 8, 2_000);
    const killedAt = Date.now();
    process.kill(jvm as number, 'SIGKILL');
    await waitForReady(base, 503, 30_000);
    const readyAt = await waitForReady(base, 200, 240_000);
    // Until the first read after /ready answered (checked below to be within 5 s), at most 6 s.
    await until(() => load.samples.some((s) => s.at >= readyAt && s.ok), 6_000);
    await load.stop();

    expect(app.child.exitCode).toBeNull();
    expect(neo4jJvmsFor(dataDir)).not.toContain(jvm);
    // A read still in flight when the JVM dies may fail like any read of the outage; "before" is
    // only what had answered before the kill.
    const before = load.samples.filter((s) => s.at + s.ms < killedAt);
    const outage = load.samples.filter((s) => s.at + s.ms >= killedAt && !s.ok);
    const firstOkAfterReady = load.samples.find((s) => s.at >= readyAt && s.ok);
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((s) => !s.ok).map((s) => s.body)).toEqual([]);
    expect(outage.length).toBeGreaterThan(0);
    expect(firstOkAfterReady).toBeDefined();
    expect(
      (firstOkAfterReady as Sample).at + (firstOkAfterReady as Sample).ms - readyAt,
    ).toBeLessThanOrEqual(5_000);
    for (const s of outage) {
      expect(s.status).toBeLessThan(500);
      expect(s.body).toMatch(/DATABASE_UNAVAILABLE/);
      for (const leak of LEAKS) expect(s.body).not.toMatch(leak);
    }
    console.log(
      `kill -9: ${before.length} reads before, ${outage.length} failed fast during the outage (max ${Math.max(...outage.map((s) => s.ms))} ms), back ${firstOkAfterReady ? firstOkAfterReady.at - readyAt : '?'} ms after /ready`,
    );
  });

  it('a frozen Neo4j (kill -STOP for 20 s) makes requests end by their timeouts, and it recovers after kill -CONT', async () => {
    const [jvm] = neo4jJvmsFor(dataDir);
    await waitFor200(`${base}/ready`, 60_000);
    const load = readLoad(base, 4);
    await until(() => load.samples.filter((s) => s.ok).length >= 4, 1_000);
    const frozenAt = Date.now();
    process.kill(jvm as number, 'SIGSTOP');
    try {
      await sleep(3_000);
      expect(await readyStatus(base)).toBe(503);
      await sleep(17_000);
    } finally {
      process.kill(jvm as number, 'SIGCONT');
    }
    const thawedAt = Date.now();
    await waitForReady(base, 200, 60_000);
    await until(() => load.samples.some((s) => s.at > thawedAt && s.ok), 30_000);
    await load.stop();

    const during = load.samples.filter((s) => s.at >= frozenAt && s.at < thawedAt);
    expect(during.length).toBeGreaterThan(0);
    // Each request ended on its own: the statement's timeout plus the client deadline's grace,
    // with generous slack for a loaded machine; none waited for the thaw.
    for (const s of during) {
      expect(s.ms).toBeLessThan(QUERY_TIMEOUT_MS + 2_000 + 5_000);
      for (const leak of LEAKS) expect(s.body).not.toMatch(leak);
    }
    expect(during.some((s) => !s.ok && s.body.includes('DATABASE_UNAVAILABLE'))).toBe(true);
    expect(load.samples.some((s) => s.at > thawedAt && s.ok)).toBe(true);
    console.log(
      `kill -STOP: ${during.length} requests during the freeze, longest ${Math.max(...during.map((s) => s.ms))} ms`,
    );
  });

  it('kill -9 of the seeding process, or of Neo4j during seeding, then a re-run gives exactly the clean graph', async () => {
    const uri = `bolt://127.0.0.1:${boltPort}`;
    const dump = async (): Promise<string> => {
      const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
      try {
        const nodes = await driver.executeQuery(
          'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p ORDER BY id',
        );
        const rels = await driver.executeQuery(
          'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p ORDER BY a, t, b, r.id',
        );
        return canonical([
          nodes.records.map((x) => x.toObject()),
          rels.records.map((x) => x.toObject()),
        ]);
      } finally {
        await driver.close();
      }
    };
    const seed = (
      reset: boolean,
    ): { done: Promise<number | null>; output: () => string; kill: () => void } => {
      const child = spawn(
        process.execPath,
        [fromRoot('dist', 'server', 'seed', 'seed-cli.js'), ...(reset ? ['--reset'] : [])],
        {
          env: { PATH: process.env['PATH'] ?? '', NEO4J_URI: uri, NEO4J_PASSWORD: 'unused' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      return {
        done: new Promise((r) => child.on('exit', (code) => r(code))),
        output: () => out,
        kill: () => child.kill('SIGKILL'),
      };
    };
    const killWhenLoading = async (
      s: ReturnType<typeof seed>,
      victim: () => void,
    ): Promise<void> => {
      const until = Date.now() + 120_000;
      while (!/… \d+\/\d+/.test(s.output()) && Date.now() < until) await sleep(20);
      victim();
    };

    // The clean graph.
    expect(await seed(true).done).toBe(0);
    const clean = await dump();

    // 1. SIGKILL of the seeding process part-way through its transaction.
    const first = seed(true);
    await killWhenLoading(first, first.kill);
    await first.done;
    expect(await seed(false).done).toBe(0);
    expect(await dump()).toBe(clean);

    // 2. SIGKILL of Neo4j part-way through the seeding transaction; the app restarts it.
    const second = seed(true);
    const [killed] = neo4jJvmsFor(dataDir);
    await killWhenLoading(second, () => process.kill(killed as number, 'SIGKILL'));
    const secondCode = await second.done;
    await waitForReady(base, 200, 240_000);
    expect(neo4jJvmsFor(dataDir)).not.toContain(killed);
    if (secondCode === 0) {
      // The seeder retries a transaction that failed for a lost connection; when the restarted
      // Neo4j answered within its retry time, that retry loaded the whole graph already.
      expect(await dump()).toBe(clean);
    }
    expect(await seed(false).done).toBe(0);
    expect(await dump()).toBe(clean);
  });

  it('SIGTERM lets an in-flight request finish, then closes the driver, stops Neo4j and exits 0', async () => {
    await waitForReady(base, 200, 240_000);
    const started = Date.now();
    const slow = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ cypher(query: "UNWIND range(1, 60000000) AS x RETURN count(x) AS c") { rows } }',
      }),
    }).then(async (res) => ({ at: Date.now(), status: res.status, body: await res.text() }));
    await sleep(500);
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    const response = await slow;
    const { code } = await app.exited;
    console.log(
      `shutdown: request answered ${response.at - signalledAt} ms after SIGTERM (ran ${response.at - started} ms)`,
    );
    expect(response.at).toBeGreaterThan(signalledAt);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ data: { cypher: { rows: [[60000000]] } } });
    expect(code).toBe(0);
    expect(neo4jJvmsFor(dataDir)).toEqual([]);
    // No longer accepting connections.
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});
