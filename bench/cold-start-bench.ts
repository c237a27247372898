import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import {
  freePort,
  isAlive,
  localNeo4jArchive,
  startLocalNeo4j,
} from '../server/neo4j/local-neo4j.js';
import { fromRoot } from '../server/paths.js';
import { median } from './lib/stats.js';
import { ensureBuild, SERVER_MAIN } from '../scripts/fresh-build.mjs';

/**
 * Cold start: Dossier's start (`node dist/server-bundle/main.js`, which starts its own Neo4j,
 * connects and serves) until /ready answers 200, against the local Neo4j alone until Bolt
 * answers, on the same data directory (the story graph already loaded), alternated run by run;
 * and `npm start`, the README's command, the same way, with the build already current.
 */
export interface ColdStartResult {
  readonly command: string;
  readonly appToReadyMs: readonly number[];
  readonly bareNeo4jMs: readonly number[];
  readonly appMedianMs: number;
  readonly bareMedianMs: number;
  /** App median / bare Neo4j median (target ≤ 1.2). */
  readonly ratio: number;
  /** `npm start` (npm, its dependency and build checks, then the same server) until /ready. */
  readonly npmStartMs?: readonly number[];
  readonly npmStartMedianMs?: number;
  /** npm start median / bare Neo4j median. */
  readonly npmStartRatio?: number;
  /** First starts on an empty data directory (create the store, seed the story) until /ready. */
  readonly firstStartsMs?: readonly number[];
  /** Their median. */
  readonly firstStartMs?: number;
  /** Within each, loading the story: the seed's first log line to "Story graph loaded", by the app's own timestamps. */
  readonly seedsMs?: readonly number[];
  /** Their median. */
  readonly seedMs?: number;
  /**
   * One first start before those, with no class-data archive, as a fresh clone's very first start
   * runs (its stop writes the archive the later starts map): to /ready, and loading the story.
   */
  readonly noArchive?: { readonly firstStartMs: number; readonly seedMs?: number };
}

const RUNS = 3;
/**
 * First starts, each on a new empty directory. One sample of a 2 s load on this shared machine
 * moves by ±150 ms from run to run, as much as the changes measured against it.
 */
const FIRST_RUNS = 3;

/**
 * CPU seconds a process has used so far (user + system, from /proc), or undefined without /proc.
 * On the shared 2-core machine wall time moves with the load; the JVM's CPU much less.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** The pid of the java process the app started (its child), if there is one. */
function javaChildOf(ppid: number | undefined): number | undefined {
  if (ppid === undefined) return undefined;
  try {
    for (const pid of readFileSync(`/proc/${ppid}/task/${ppid}/children`, 'utf8').split(' ')) {
      if (pid && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java') return Number(pid);
    }
  } catch {
    // No /proc.
  }
  return undefined;
}

/** The 1-minute load average, '?' without /proc. */
function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0] ?? '?';
  } catch {
    return '?';
  }
}

const cpuText = (s: number | undefined): string =>
  s === undefined ? '' : ` (JVM CPU ${s.toFixed(1)} s)`;
const COMMAND = `node ${SERVER_MAIN}`;
/** The server as `npm start` runs it (scripts/bundle-server.mjs). */
const MAIN_SCRIPT = fromRoot(SERVER_MAIN);

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    // Every 10 ms: the bare start is timed from Neo4j's own ready line, so a coarser poll would add
    // half its interval to the app's side alone (25 ms at 50 ms).
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Milliseconds between the seed's first and last log lines (JSON log lines with `time`). */
export function seedDuration(log: string): number | undefined {
  let from: number | undefined;
  for (const line of log.split('\n')) {
    let entry: { time?: number | string; msg?: string };
    try {
      entry = JSON.parse(line) as { time?: number | string; msg?: string };
    } catch {
      continue;
    }
    // Epoch milliseconds or an ISO string, depending on the logger's timestamp setting.
    const time = typeof entry.time === 'string' ? Date.parse(entry.time) : entry.time;
    if (time === undefined || Number.isNaN(time) || typeof entry.msg !== 'string') continue;
    if (from === undefined && /^Creating \d+ constraints/.test(entry.msg)) from = time;
    if (from !== undefined && entry.msg.startsWith('Story graph loaded')) return time - from;
  }
  return undefined;
}

/** The environment an app start gets: free ports, its own local Neo4j on dataDir. */
async function appEnv(
  dataDir: string,
  logLevel: string,
): Promise<{ port: number; env: NodeJS.ProcessEnv }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    LOCAL_NEO4J_PORT: String(await freePort()),
    DOSSIER_DATA_DIR: dataDir,
    LOG_LEVEL: logLevel,
  };
  delete env['NEO4J_URI'];
  return { port, env };
}

/**
 * Starts the app, returns ms until /ready is 200 (and its log when asked for), then stops it
 * (SIGTERM) and waits for it.
 */
async function appRun(
  dataDir: string,
  withLog = false,
): Promise<{ ms: number; log: string; jvmCpu?: number }> {
  const { port, env } = await appEnv(dataDir, withLog ? 'info' : 'warn');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [MAIN_SCRIPT], {
    cwd: fromRoot(),
    env,
    stdio: ['ignore', withLog ? 'pipe' : 'ignore', 'inherit'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  let ms: number;
  let jvmCpu: number | undefined;
  try {
    await waitReady(`http://127.0.0.1:${port}/ready`, 300_000);
    ms = Number(process.hrtime.bigint() - started) / 1e6;
    jvmCpu = cpuSeconds(javaChildOf(child.pid));
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  // Read after the exit: the logger buffers its lines and writes the last ones as it stops.
  return { ms, log, ...(jvmCpu === undefined ? {} : { jvmCpu }) };
}

/**
 * `npm start` as a user types it, until /ready is 200; then SIGTERM to its process group (npm, the
 * shell it runs the script in, and node) and wait for it.
 */
async function npmStartRun(dataDir: string): Promise<{ ms: number }> {
  const { port, env } = await appEnv(dataDir, 'warn');
  const started = process.hrtime.bigint();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: fromRoot(),
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  try {
    await waitReady(`http://127.0.0.1:${port}/ready`, 300_000);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6 };
  } finally {
    const group = child.pid;
    if (group !== undefined) {
      process.kill(-group, 'SIGTERM');
      await exited;
      // npm exits at once; the server in its group is still stopping its Neo4j, which the next
      // run would find holding the data directory. Wait until the whole group has gone.
      while (isAlive(-group)) await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function bareRun(dataDir: string): Promise<{ ms: number; jvmCpu?: number }> {
  const started = process.hrtime.bigint();
  const neo4j = await startLocalNeo4j({
    dataDir,
    cacheDir: fromRoot('.cache'),
    port: 0,
    heap: '1g',
    progress: () => undefined,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const jvmCpu = cpuSeconds(neo4j.pid);
  await neo4j.stop();
  return { ms, ...(jvmCpu === undefined ? {} : { jvmCpu }) };
}

export async function benchColdStart(log: (m: string) => void): Promise<ColdStartResult> {
  if (!existsSync(MAIN_SCRIPT)) {
    throw new Error(`${MAIN_SCRIPT} is missing: run npm run build first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'dossier-bench-cold-'));
  try {
    // A first start creates the store and seeds the story: reported apart, not in the ratio. The
    // last one's directory is the warm starts' (the story loaded).
    const firstStart = async (
      label: string,
    ): Promise<{ ms: number; seedMs: number | undefined }> => {
      log(`cold start: ${label} …`);
      rmSync(dataDir, { recursive: true, force: true });
      const first = await appRun(dataDir, true);
      const ms = Math.round(first.ms);
      const seedMs = seedDuration(first.log);
      log(
        `cold start: ${label}: ${ms} ms${cpuText(first.jvmCpu)}, of which loading the story ${seedMs ?? '?'} ms, load ${loadAverage()}`,
      );
      return { ms, seedMs };
    };
    // What the archive holds depends on what its JVM ran before it stopped (a bare start that ran
    // no statement wrote one without the Cypher classes, and the story then loaded 0.3 s slower).
    // Removed here, the first start below writes it as a fresh clone's first `npm start` does.
    const archive = await localNeo4jArchive(fromRoot('.cache'), loadConfig({}).localNeo4j.heap);
    let noArchive: ColdStartResult['noArchive'];
    if (archive !== undefined) {
      rmSync(archive, { force: true });
      const { ms, seedMs } = await firstStart(
        'first start without a class-data archive (as on a fresh clone)',
      );
      noArchive = { firstStartMs: ms, ...(seedMs === undefined ? {} : { seedMs }) };
      log(`cold start: archive written: ${existsSync(archive)}`);
    }
    const firstStartsMs: number[] = [];
    const seedsMs: number[] = [];
    for (let i = 0; i < FIRST_RUNS; i++) {
      const { ms, seedMs } = await firstStart(
        `first start ${i + 1} (creates the store, seeds the story)`,
      );
      firstStartsMs.push(ms);
      if (seedMs !== undefined) seedsMs.push(seedMs);
    }
    // npm start is timed on its warm path: a build it found stale would be timed with it.
    ensureBuild(fromRoot(), { log });
    const app: number[] = [];
    const bare: number[] = [];
    const npmStart: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Rotate which goes first so none always finds the page cache warmer.
      let a: { ms: number; jvmCpu?: number } = { ms: 0 };
      let b: { ms: number; jvmCpu?: number } = { ms: 0 };
      let n: { ms: number } = { ms: 0 };
      const order = [
        async () => (a = await appRun(dataDir)),
        async () => (b = await bareRun(dataDir)),
        async () => (n = await npmStartRun(dataDir)),
      ];
      for (let k = 0; k < order.length; k++) await order[(i + k) % order.length]!();
      app.push(Math.round(a.ms));
      bare.push(Math.round(b.ms));
      npmStart.push(Math.round(n.ms));
      log(
        `cold start: run ${i + 1}: app ${app.at(-1)} ms${cpuText(a.jvmCpu)}, bare Neo4j ${bare.at(-1)} ms${cpuText(b.jvmCpu)}, npm start ${npmStart.at(-1)} ms, load ${loadAverage()}`,
      );
    }
    const appMedianMs = median(app);
    const bareMedianMs = median(bare);
    const npmStartMedianMs = median(npmStart);
    const ratioTo = (x: number): number => Math.round((x / bareMedianMs) * 100) / 100;
    return {
      command: COMMAND,
      appToReadyMs: app,
      bareNeo4jMs: bare,
      appMedianMs,
      bareMedianMs,
      ratio: ratioTo(appMedianMs),
      npmStartMs: npmStart,
      npmStartMedianMs,
      npmStartRatio: ratioTo(npmStartMedianMs),
      firstStartsMs,
      firstStartMs: median(firstStartsMs),
      ...(seedsMs.length === 0 ? {} : { seedsMs, seedMs: median(seedsMs) }),
      ...(noArchive === undefined ? {} : { noArchive }),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
