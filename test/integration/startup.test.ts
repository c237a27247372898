import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { ensureNeo4jInstalled } from '../../server/neo4j/fetch-jars.js';
import { freePort, startLocalNeo4j } from '../../server/neo4j/local-neo4j.js';
import { settingsFile } from '../../server/neo4j/settings.js';
import { neo4jJvmsFor, spawnApp, stopLeftoverApps, waitFor200 } from '../support/app-process.js';
import { inject } from 'vitest';
import '../support/provided.js';

// These tests run the real start path (`node dist/server-bundle/main.js`) with its own local
// Neo4j, so they only apply when the suite itself runs on the local Neo4j (not NEO4J_URI or a
// container).
const local = inject('neo4j').kind === 'local';

async function graphqlTypename(port: number): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return res.json();
}

/** The local Neo4j alone on a data directory, as the app would start it. */
function startBare(dataDir: string): ReturnType<typeof startLocalNeo4j> {
  return startLocalNeo4j({
    dataDir,
    cacheDir: loadConfig({}).localNeo4j.cacheDir,
    port: 0,
    heap: '512m',
    progress: () => undefined,
  });
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: unknown;
}

async function answer(url: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(url, init);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

/**
 * Polls /ready until it answers 503 "starting" (the server listens, the app is not built yet),
 * then asks the other routes at once: the JVM's start leaves seconds for them.
 */
async function whileStarting(port: number, timeoutMs: number) {
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > until) throw new Error('never saw the starting answer');
    try {
      const ready = await answer(`${base}/ready`);
      if (ready.status === 503 && (ready.body as { status?: string }).status === 'starting') {
        const [health, graphql, page] = await Promise.all([
          fetch(`${base}/health`).then(async (r) => ({ status: r.status, body: await r.json() })),
          answer(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ __typename }' }),
          }),
          fetch(`${base}/`, { headers: { accept: 'text/html' } }).then(async (r) => ({
            status: r.status,
            text: await r.text(),
          })),
        ]);
        return { ready, health, graphql, page };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function countMarkers(boltPort: number): Promise<number> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', ''));
  try {
    const r = await driver.executeQuery('MATCH (m:StartupMarker) RETURN count(m) AS c');
    return (r.records[0]?.get('c') as { toNumber(): number }).toNumber();
  } finally {
    await driver.close();
  }
}

async function addMarker(boltPort: number): Promise<void> {
  const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', ''));
  try {
    await driver.executeQuery("CREATE (:StartupMarker {at: 'first run'})");
  } finally {
    await driver.close();
  }
}

describe.runIf(local)('the start command on the local Neo4j', { timeout: 240_000 }, () => {
  let dataDir: string;
  let orphanStdin: number | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dossier-startup-'));
  });
  afterAll(async () => {
    // A test that failed before its own stop leaves its app (and that app's Neo4j) running.
    await stopLeftoverApps();
    if (orphanStdin !== undefined) closeSync(orphanStdin);
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The second start here is also the SIGKILL case, and the orphan test ends with SIGINT: each
  // start of the app and its Neo4j costs seconds, so no test starts one only to stop it.
  it('comes up ready, answers GraphQL, and SIGTERM leaves no node or java process behind; a JVM whose app was killed with SIGKILL stops by itself (its stdin pipe closes)', async () => {
    const [port, boltPort] = [await freePort(), await freePort()];
    const env = {
      PORT: String(port),
      LOCAL_NEO4J_PORT: String(boltPort),
      DOSSIER_DATA_DIR: dataDir,
    };
    const first = spawnApp(env);
    // It listens before Neo4j is up: while it starts, it answers that it is starting.
    const starting = await whileStarting(port, 180_000);
    expect(starting.health).toEqual({ status: 200, body: { status: 'starting' } });
    expect(starting.ready).toMatchObject({ status: 503, retryAfter: '2' });
    expect(starting.graphql).toMatchObject({
      status: 503,
      retryAfter: '2',
      body: { errors: [{ extensions: { code: 'STARTING' } }] },
    });
    expect(starting.page.status).toBe(503);
    expect(starting.page.text).toContain('<meta http-equiv="refresh" content="2">');
    const firstMs = await waitFor200(`http://127.0.0.1:${port}/ready`, 180_000);
    expect(await graphqlTypename(port)).toEqual({ data: { __typename: 'Query' } });
    expect(neo4jJvmsFor(dataDir)).toHaveLength(1);
    await addMarker(boltPort);
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(neo4jJvmsFor(dataDir)).toEqual([]);

    // A second start reuses the data directory: the marker written by the first run is there.
    const second = spawnApp(env);
    const secondMs = await waitFor200(`http://127.0.0.1:${port}/ready`, 180_000);
    expect(await countMarkers(boltPort)).toBe(1);
    console.log(
      `start to /ready: first ${firstMs} ms (new store + seed), second ${secondMs} ms (reused data)`,
    );
    expect(neo4jJvmsFor(dataDir)).toHaveLength(1);
    second.child.kill('SIGKILL');
    await second.exited;
    const deadline = Date.now() + 60_000;
    while (neo4jJvmsFor(dataDir).length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(neo4jJvmsFor(dataDir)).toEqual([]);
  });

  it('a JVM orphaned while holding the data directory is stopped on the next start; one still in use is left alone', async () => {
    const install = await ensureNeo4jInstalled(loadConfig({}).localNeo4j.cacheDir, () => undefined);
    const orphanPort = await freePort();
    const readyFile = join(dataDir, 'orphan.out');
    // A real orphan: started in the background by a shell that then exits (so init adopts it),
    // with a stdin that stays open, so only the pid file can find it. Its stdin is a FIFO that
    // this process holds open (not a helper, which would outlive the test): closing it ends the
    // JVM if the test fails first. Not the shell's own stdin pipe: Node closes a child's stdin
    // when the child exits, so the orphan saw EOF at once and was only still alive here because
    // its shutdown used to take seconds.
    const fifo = join(dataDir, 'orphan.stdin');
    execFileSync('mkfifo', [fifo]);
    // Read-write, so opening does not wait for a reader.
    orphanStdin = openSync(fifo, constants.O_RDWR);
    const javaArgs = [
      '-Xmx512m',
      '-cp',
      install.classpath,
      'DossierNeo4j',
      dataDir,
      settingsFile,
      String(orphanPort),
    ]
      .map((a) => `'${a}'`)
      .join(' ');
    const shell = spawn(
      'sh',
      ['-c', `exec java ${javaArgs} < '${fifo}' > '${readyFile}' 2>/dev/null & echo $!`],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let shellOut = '';
    shell.stdout.on('data', (d: Buffer) => (shellOut += d.toString()));
    await new Promise((r) => shell.on('close', r));
    const orphanPid = Number(shellOut.trim());
    const until = Date.now() + 180_000;
    while (!(
      existsSync(readyFile) && readFileSync(readyFile, 'utf8').includes('DOSSIER_NEO4J_READY')
    )) {
      if (Date.now() > until) throw new Error('the orphan JVM did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    writeFileSync(
      join(dataDir, 'dossier-neo4j.pid'),
      JSON.stringify({ pid: orphanPid, port: orphanPort }),
    );

    const [port, boltPort] = [await freePort(), await freePort()];
    const app = spawnApp({
      PORT: String(port),
      LOCAL_NEO4J_PORT: String(boltPort),
      DOSSIER_DATA_DIR: dataDir,
    });
    await waitFor200(`http://127.0.0.1:${port}/ready`, 180_000);
    expect(neo4jJvmsFor(dataDir)).not.toContain(orphanPid);
    expect(app.output()).toContain('left running by an earlier run');

    // A second app (or npm run seed / import) on the same data directory must not stop the
    // first one's Neo4j: it refuses and says how to share it.
    const second = spawnApp({
      PORT: String(await freePort()),
      LOCAL_NEO4J_PORT: String(await freePort()),
      DOSSIER_DATA_DIR: dataDir,
    });
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`is already running`);
    expect(second.output()).toContain(`NEO4J_URI=bolt://127.0.0.1:${boltPort}`);
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);

    app.child.kill('SIGINT');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(neo4jJvmsFor(dataDir)).toEqual([]);
  });

  it('with its port in use, says so in one line and exits non-zero without starting Neo4j', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const app = spawnApp({
        PORT: String(port),
        LOCAL_NEO4J_PORT: String(await freePort()),
        DOSSIER_DATA_DIR: dataDir,
      });
      const { code } = await app.exited;
      expect(code).toBe(1);
      expect(app.output().trim().split('\n')).toEqual([
        `Port ${port} on 127.0.0.1 is in use: stop what is using it, or set PORT to another port.`,
      ]);
      expect(existsSync(join(dataDir, 'dossier-neo4j.pid'))).toBe(false);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });

  it('when the story cannot load on a first start, says so and exits non-zero, its Neo4j stopped and the database still empty', async () => {
    // An index on (:Person {id}) makes schema.cypher's person_id constraint fail, in a database
    // that holds no node, so the app still finds it empty and loads the story.
    const dir = mkdtempSync(join(tmpdir(), 'dossier-seed-fails-'));
    try {
      const bare = await startBare(dir);
      const driver = neo4j.driver(bare.uri, neo4j.auth.basic('neo4j', ''));
      try {
        await driver.executeQuery('CREATE INDEX blocker FOR (n:Person) ON (n.id)');
        await driver.executeQuery('CALL db.awaitIndexes(60)');
      } finally {
        await driver.close();
        await bare.stop();
      }

      const boltPort = await freePort();
      const app = spawnApp({
        PORT: String(await freePort()),
        LOCAL_NEO4J_PORT: String(boltPort),
        DOSSIER_DATA_DIR: dir,
      });
      const { code } = await app.exited;
      expect(code).toBe(1);
      expect(app.output()).toContain('Loading the story graph failed');
      expect(app.output()).not.toContain('Dossier is ready');
      expect(neo4jJvmsFor(dir)).toEqual([]);

      const again = await startBare(dir);
      const check = neo4j.driver(again.uri, neo4j.auth.basic('neo4j', ''));
      try {
        const r = await check.executeQuery('MATCH (n) RETURN count(n) AS c');
        expect((r.records[0]?.get('c') as { toNumber(): number }).toNumber()).toBe(0);
      } finally {
        await check.close();
        await again.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without java on PATH, says in one line what to install and exits non-zero', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'dossier-nojava-'));
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, join(bin, 'node'));
    const app = spawnApp({ PATH: bin, DOSSIER_DATA_DIR: dataDir, PORT: String(await freePort()) });
    const { code } = await app.exited;
    rmSync(bin, { recursive: true, force: true });
    expect(code).not.toBe(0);
    const lines = app.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^java not found on PATH: .*install openjdk-17-jdk-headless/);
    expect(existsSync(join(dataDir, 'dossier-neo4j.pid'))).toBe(false);
  });
});
