import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App } from '../../server/app.js';
import { testConfig } from './test-config.js';
import type { Database } from '../../server/db/database.js';
import { silentLogger } from './database.js';

export interface RunningApp {
  readonly app: App;
  readonly server: Server;
  readonly base: string;
  close(): Promise<void>;
}

/** Starts createApp on a real socket (127.0.0.1, free port) with the given environment. */
export async function startHttpApp(
  db: Database,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  const app = createApp({ config: testConfig(env), db, logger: silentLogger });
  const server = createServer(app.handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    server,
    base,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** POSTs a GraphQL document as JSON (with the CSRF header a real client sends). */
export async function postGraphQL(
  base: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Things no response may contain: stack frames, Neo4j status codes, file paths. */
export const LEAKS = [
  /\bat \S+ \(/,
  /\bNeo\.(Client|Transient|Database)Error\b/,
  /\/(work|tmp|home|root|usr)\//,
  /\.(ts|js|java):\d+/,
];
