import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { pino, type Logger } from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { Database } from '../../server/db/database.js';

/** POSTs a JSON body and answers the parsed JSON: the one HTTP client every API bench uses. */
export async function postJson(url: string, body: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  // A failed floor or server answers text, which would fail as "invalid JSON" without saying why.
  if (!res.ok)
    throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** The port a spawned bench/api/api-server.ts prints ("READY <port>") once it listens. */
export function readyPort(child: ChildProcess, what: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolvePort(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${what} exited (${code}) before it was ready`)));
  });
}

/**
 * What a bench server process runs Dossier with: production settings (what a newsroom would run),
 * a silent logger, and Dossier's own database module on the bench's Neo4j.
 */
export function benchServerDeps(uri: string): { config: Config; db: Database; logger: Logger } {
  const logger = pino({ level: 'silent' });
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', NEO4J_URI: uri });
  const db = Database.connect({
    uri,
    user: 'neo4j',
    password: '',
    database: 'neo4j',
    logger,
    queryTimeoutMs: 60_000,
  });
  return { config, db, logger };
}

/**
 * The server side of readyPort: listens on a free loopback port, prints "READY <port>", and on
 * SIGTERM or SIGINT stops accepting, drops its connections, runs `close` (drivers) and exits.
 */
export function serveBench(server: Server, close: () => Promise<unknown>): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`READY ${typeof address === 'object' && address ? address.port : 0}`);
  });
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
