import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { SERVER_MAIN } from '../../scripts/fresh-build.mjs';
import { fromRoot } from '../../server/paths.js';

/** The built server as `npm start` runs it, the bundle (npm test builds it first). */
export const mainScript = fromRoot(SERVER_MAIN);

export interface AppProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node dist/server-bundle/main.js` with the given environment (on top of a minimal one). */
export function spawnApp(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, [mainScript], {
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  running.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      r({ code, signal });
    }),
  );
  return { child, output: () => out, exited };
}

/** Apps spawned and not yet exited. */
const running = new Set<ChildProcess>();

/**
 * Stops every app a test spawned and did not stop, for an afterAll: a test that fails before its
 * own SIGINT would otherwise leave the app and its Neo4j running past the run (and the next test
 * on the same data directory finds them). SIGINT, so each stops its JVM as it exits.
 */
export async function stopLeftoverApps(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGINT');
        }),
    ),
  );
}

/** Polls url until it answers 200 or the deadline passes; returns the milliseconds it took. */
export async function waitFor200(url: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return Date.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** Pids of Dossier Neo4j JVMs serving dataDir (read from /proc). */
export function neo4jJvmsFor(dataDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.includes('DossierNeo4j') && cmd.includes(dataDir)) pids.push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  return pids;
}
