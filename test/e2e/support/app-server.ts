import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../server/app.js';
import type { Config } from '../../../server/config.js';
import { testConfig } from '../../support/test-config.js';
import type { Database } from '../../../server/db/database.js';
import { fromRoot } from '../../../server/paths.js';
import { seedStory } from '../../../server/seed/seed.js';
import { connectTestDatabase, resetDatabase, silentLogger } from '../../support/database.js';
import { usePole } from '../../support/load-pole.js';

/** The app on a free port, serving the built client, against the run's Neo4j seeded with the story. */
export interface RunningApp {
  readonly url: string;
  readonly db: Database;
  close(): Promise<void>;
}

export async function startSeededApp(): Promise<RunningApp> {
  const db = connectTestDatabase();
  await resetDatabase(db);
  await seedStory(db);
  return serveApp(db);
}

/**
 * The app against POLE (which the caller checked is present: `pole.present`). The e2e files that
 * use it are named `pole-*` so they run one after another and load POLE once (usePole).
 */
export async function startPoleApp(): Promise<RunningApp> {
  const db = connectTestDatabase();
  await usePole(db);
  return serveApp(db);
}

/**
 * The app on `db` (already filled by the caller) on a free port: the one way every e2e file
 * serves the client. With `emptyOnClose`, close() also empties the database; `config` for a
 * file that needs its own (users with tokens).
 */
export async function serveApp(
  db: Database,
  options: { emptyOnClose?: boolean; config?: Config } = {},
): Promise<RunningApp> {
  const built = fromRoot('dist', 'client');
  if (!existsSync(`${built}/index.html`)) {
    await db.close();
    throw new Error(
      'The web client is not built: run `npm run build` (or `npx vite build client`) first.',
    );
  }
  // A copy: the console, exporters, reader and other panels are lazy chunks named by hash, and a
  // rebuild of dist/client while the file runs (another suite, a developer) would delete the
  // chunks the open page still asks for.
  const clientDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-client-'));
  cpSync(built, clientDir, { recursive: true });
  const app = createApp({
    config: options.config ?? testConfig(),
    db,
    logger: silentLogger,
    clientDir,
  });
  const server: Server = createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    db,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (options.emptyOnClose) await resetDatabase(db);
      await db.close();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}
