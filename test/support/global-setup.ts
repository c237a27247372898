import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/config.js';
import { startLocalNeo4j, type LocalNeo4j } from '../../server/neo4j/local-neo4j.js';
import { settingsAsDockerEnv } from '../../server/neo4j/settings.js';
import type { TestNeo4j } from './provided.js';

const NEO4J_IMAGE = 'neo4j:5.26-community';

/**
 * The local Neo4j of this vitest run, shared by its projects: vitest calls each project's global
 * setup in the same process, one after another, before any test, and the projects run one after
 * another (e2e after integration), so one JVM serves both. A second JVM cost a start (seconds of
 * both cores), a stop and a gigabyte of heap that sat idle through the integration files. Kept on
 * globalThis because each project loads this file as its own module.
 */
interface SharedNeo4j {
  readonly started: Promise<{ local: LocalNeo4j; dataDir: string }>;
  users: number;
}
const SHARED = Symbol.for('dossier.test-neo4j');
const registry = globalThis as { [SHARED]?: SharedNeo4j };

/** True when the JVM writes its class-data archive as it exits (see class-data-sharing.ts). */
function writesClassArchive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('-XX:ArchiveClassesAtExit=');
  } catch {
    // No /proc: stop it cleanly, as if it did.
    return true;
  }
}

/**
 * Stops the run's JVM. Its store is deleted next, so a clean shutdown buys nothing but the
 * class-data archive: SIGKILL unless the JVM writes one (then stop(): SIGTERM, and SIGKILL only
 * after its grace). stop() no longer leaves its grace timer running once the JVM has exited
 * (4fc65e7): that timer kept this process, vitest's main one, alive into the 60 s "close timed out".
 */
async function stopAndRelease(local: LocalNeo4j): Promise<void> {
  if (writesClassArchive(local.pid)) return local.stop();
  process.kill(local.pid, 'SIGKILL');
  await local.exited;
}

/** True when testcontainers can reach a container engine (Docker socket or DOCKER_HOST). */
async function containerRuntimeAvailable(): Promise<boolean> {
  const hasSocket =
    process.env['DOCKER_HOST'] !== undefined ||
    existsSync('/var/run/docker.sock') ||
    existsSync(join(process.env['HOME'] ?? '', '.docker', 'run', 'docker.sock'));
  if (!hasSocket) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/**
 * Provides ONE Neo4j for the whole run: NEO4J_URI if set (only with DOSSIER_TESTS_MAY_WIPE=true,
 * because tests delete everything in it); else a testcontainers Neo4j when a container engine is
 * reachable; else the same local Neo4j the start command uses, on a temporary data directory and
 * a free port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.neo4j.uri !== undefined) {
    if (process.env['DOSSIER_TESTS_MAY_WIPE'] !== 'true') {
      throw new Error(
        `NEO4J_URI is set (${config.neo4j.uri}). The tests delete everything in that database; set DOSSIER_TESTS_MAY_WIPE=true to allow it, or unset NEO4J_URI to use a throw-away local Neo4j.`,
      );
    }
    project.provide('neo4j', {
      uri: config.neo4j.uri,
      user: config.neo4j.user,
      password: config.neo4j.password,
      database: config.neo4j.database,
      kind: 'external',
    } satisfies TestNeo4j);
    return async () => undefined;
  }

  if (await containerRuntimeAvailable()) {
    const { Neo4jContainer } = await import('@testcontainers/neo4j');
    const container = await new Neo4jContainer(NEO4J_IMAGE)
      .withEnvironment(settingsAsDockerEnv())
      .withStartupTimeout(180_000)
      .start();
    project.provide('neo4j', {
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
      database: 'neo4j',
      kind: 'container',
    } satisfies TestNeo4j);
    return async () => {
      await container.stop();
    };
  }

  let shared = registry[SHARED];
  if (!shared) {
    const dataDir = mkdtempSync(join(tmpdir(), 'dossier-test-neo4j-'));
    const started = startLocalNeo4j({
      dataDir,
      cacheDir: config.localNeo4j.cacheDir,
      port: 0,
      heap: '1g',
      progress: (m) => console.log(`[neo4j] ${m}`),
    }).then((local) => ({ local, dataDir }));
    shared = registry[SHARED] = { started, users: 0 };
  }
  const mine = shared;
  mine.users++;
  const { local, dataDir } = await mine.started;
  project.provide('neo4j', {
    uri: local.uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    kind: 'local',
    pid: local.pid,
    dataDir,
  } satisfies TestNeo4j);
  return async () => {
    // The last project to finish stops it.
    if (--mine.users > 0) return;
    delete registry[SHARED];
    const t0 = Date.now();
    await stopAndRelease(local);
    console.log(`[neo4j] stopped in ${Date.now() - t0} ms`);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
