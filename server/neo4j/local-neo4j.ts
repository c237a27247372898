import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { archivePath, classDataSharing } from './class-data-sharing.js';
import { ensureNeo4jInstalled, missingTools, type Progress } from './fetch-jars.js';
import { readSettings, settingsFile } from './settings.js';
import { exitedWithin } from './exit-within.js';

export interface LocalNeo4jOptions {
  /** Where the graph lives; kept between runs. */
  readonly dataDir: string;
  /** Where Neo4j's jars are cached. */
  readonly cacheDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  /** JVM heap, e.g. "1g". */
  readonly heap: string;
  readonly progress: Progress;
  /** Neo4j's own console output, line by line (debug logging). */
  readonly onOutput?: (line: string) => void;
  /** Seconds to wait for Bolt to come up. */
  readonly startTimeoutSeconds?: number;
  /**
   * A settings file whose keys override server/neo4j/neo4j.conf for this instance only (the
   * benchmark allows LOAD CSV from one directory this way); the default stays untouched.
   */
  readonly extraSettingsFile?: string;
  /**
   * Called once the JVM process has been spawned, long before it is ready: the app loads its
   * modules and builds its schema meanwhile, so that work overlaps the JVM's start.
   */
  readonly onSpawned?: () => void;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly pid: number;
  /** Resolves when the JVM has exited (gracefully if possible). */
  stop(): Promise<void>;
  /** Resolves with the exit code if the JVM ends on its own. */
  readonly exited: Promise<number | null>;
}

const MAIN_CLASS = 'DossierNeo4j';

interface PidRecord {
  pid: number;
  port: number;
}

/** True while the process (or, for a negative pid, any process of that group) exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when pid is a Dossier Neo4j launcher serving this data directory. */
function isOurJvm(pid: number, home: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes(MAIN_CLASS) && cmdline.includes(home);
  } catch {
    // No /proc (macOS): trust the pid file only if the process is alive.
    return isAlive(pid);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * The pid of pid's parent when that parent is a live Node process (a running Dossier app or
 * command), i.e. when the JVM is in use rather than orphaned. An orphan has been re-parented to
 * init or a subreaper. Undefined without /proc.
 */
function liveNodeParent(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; the parent pid follows the state.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid) || ppid <= 1 || ppid === process.pid) return undefined;
    const parent = readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return /(^|\/)node$/.test(parent) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A JVM left behind by a crashed app still holds the store lock and the port. The launcher exits
 * on its own when its parent dies (stdin EOF), so this is rare, but e.g. `kill -9` of a process
 * group leader with a detached JVM can do it. Stop it before starting a new one.
 */
async function stopOrphan(pidFile: string, home: string, progress: Progress): Promise<void> {
  if (!existsSync(pidFile)) return;
  let record: PidRecord | undefined;
  try {
    record = JSON.parse(readFileSync(pidFile, 'utf8')) as PidRecord;
  } catch {
    record = undefined;
  }
  if (record && isAlive(record.pid) && isOurJvm(record.pid, home)) {
    const owner = liveNodeParent(record.pid);
    if (owner !== undefined) {
      throw new Error(
        `The local Neo4j for ${home} is already running (pid ${record.pid}, Bolt on 127.0.0.1:${record.port}) for another Dossier process (pid ${owner}). Stop that one first, or use its database: NEO4J_URI=bolt://127.0.0.1:${record.port}`,
      );
    }
    progress(`Stopping a Neo4j left running by an earlier run (pid ${record.pid}) …`);
    process.kill(record.pid, 'SIGTERM');
    if (!(await waitForExit(record.pid, 30_000))) {
      process.kill(record.pid, 'SIGKILL');
      await waitForExit(record.pid, 5_000);
    }
  }
  rmSync(pidFile, { force: true });
}

/** neo4j.conf with the keys of extraFile overriding it, written into home; returns its path. */
function mergedSettingsFile(home: string, extraFile: string): string {
  const merged = { ...readSettings(settingsFile), ...readSettings(extraFile) };
  const path = join(home, 'dossier-neo4j-merged.conf');
  writeFileSync(
    path,
    Object.entries(merged)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
  return path;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() =>
        typeof addr === 'object' && addr ? resolvePort(addr.port) : reject(new Error('no port')),
      );
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const srv = createServer();
    srv.once('error', () => resolveFree(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolveFree(true)));
  });
}

/**
 * The flags an archive of loaded classes must have been written with to be used (see
 * class-data-sharing.ts): the same for the app's start and a bare one, such as the bench's.
 */
const archivedVmFlags = (heap: string): string[] => [`-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC'];

/**
 * The class-data archive a local Neo4j with this heap maps (see class-data-sharing.ts), whether
 * or not it has been written yet; undefined where class-data sharing does not apply. The cold-start
 * bench removes it to time a start as a fresh clone's first one runs.
 */
export async function localNeo4jArchive(
  cacheDir: string,
  heap: string,
): Promise<string | undefined> {
  const install = await ensureNeo4jInstalled(cacheDir, () => undefined);
  return archivePath(install.dir, install.classpath, archivedVmFlags(heap));
}

/** Starts Neo4j Community as a child JVM bound to 127.0.0.1 and waits until Bolt answers. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const install = await ensureNeo4jInstalled(options.cacheDir, options.progress);
  const home = options.dataDir;
  mkdirSync(home, { recursive: true });
  const pidFile = join(home, 'dossier-neo4j.pid');
  await stopOrphan(pidFile, home, options.progress);

  const port = options.port === 0 ? await freePort() : options.port;
  if (!(await portIsFree(port))) {
    throw new Error(
      `Port ${port} on 127.0.0.1 is taken by another program; set LOCAL_NEO4J_PORT to a free port, or NEO4J_URI to use that server.`,
    );
  }

  const vmFlags = archivedVmFlags(options.heap);
  const cds = classDataSharing(install.dir, install.classpath, vmFlags);
  const jvmArgs = [
    ...vmFlags,
    ...cds.flags,
    // No -XX:+ExitOnOutOfMemoryError: Neo4j answers an OutOfMemoryError inside a query with
    // Neo.TransientError.General.OutOfMemoryError and carries on, while the flag would let one read
    // that builds a huge list in a single expression (Neo4j does not count those against
    // db.memory.transaction.max) take the whole database down.
    // The same opens Neo4j's own launcher passes on Java 17, for its off-heap and Netty code.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.attach.allowAttachSelf=true',
    '-cp',
    install.classpath,
    MAIN_CLASS,
    home,
    options.extraSettingsFile === undefined
      ? settingsFile
      : mergedSettingsFile(home, options.extraSettingsFile),
    String(port),
  ];
  const started = Date.now();
  // stdin stays a pipe: when this process dies, the JVM sees EOF and shuts itself down.
  const child: ChildProcess = spawn('java', jvmArgs, { stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid === undefined) {
    // No java on PATH (ENOENT; its 'error' event follows and says the same).
    child.on('error', () => undefined);
    throw missingTools(['java']);
  }
  const pid = child.pid;
  writeFileSync(pidFile, JSON.stringify({ pid, port } satisfies PidRecord));
  options.onSpawned?.();

  // 'close', not 'exit': the output is read to its end first, which says whether a class archive
  // was written in full.
  const exited = new Promise<number | null>((resolveExit) => {
    child.on('close', (code) => {
      rmSync(pidFile, { force: true });
      try {
        cds.settle();
      } finally {
        resolveExit(code);
      }
    });
  });

  const recent: string[] = [];
  const ready = new Promise<void>((resolveReady, reject) => {
    const onLine = (line: string): void => {
      recent.push(line);
      if (recent.length > 30) recent.shift();
      options.onOutput?.(line);
      cds.onOutput(line);
      if (line.startsWith('DOSSIER_NEO4J_READY')) resolveReady();
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream?.on('data', (chunk: Buffer) => {
        buf += chunk.toString('utf8');
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    void exited.then((code) =>
      reject(
        new Error(
          `Neo4j exited (code ${code}) before it was ready. See ${join(home, 'logs', 'debug.log')}. Last output:\n${recent.join('\n')}`,
        ),
      ),
    );
    const timeout = (options.startTimeoutSeconds ?? 180) * 1000;
    setTimeout(
      () => reject(new Error(`Neo4j did not start within ${timeout / 1000}s`)),
      timeout,
    ).unref();
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Without a word, a stop that takes half a minute looks like a hang.
      if (cds.writesArchive)
        options.progress(
          'Writing the class-data archive, once: Neo4j takes up to a minute longer to stop now, and later starts are faster.',
        );
      child.stdin?.end();
      child.kill('SIGTERM');
      // Writing the class archive at exit takes seconds more, once.
      const grace = cds.writesArchive ? 120_000 : 30_000;
      const done = await exitedWithin(exited, grace);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    })();
    return stopping;
  };

  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  options.progress(
    `Local Neo4j ${install.version} ready on bolt://127.0.0.1:${port} in ${((Date.now() - started) / 1000).toFixed(1)}s (data: ${home})`,
  );
  return { uri: `bolt://127.0.0.1:${port}`, pid, stop, exited };
}
