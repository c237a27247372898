/**
 * What the HTTP and GraphQL layers cost without a database: Dossier's app with the lean path in
 * front of yoga (server/http/graphql-fast-path.ts) and without it, both in one server process
 * pinned to core 1, answering `{ me { name role } }` (no statement) to requests interleaved one by
 * one from this process: p50 latency and the server main thread's CPU per request (from
 * /proc/PID/task/PID/schedstat, in nanoseconds). Without Neo4j in the way it resolves differences
 * of a few microseconds. Not part of `npm run bench`; run it by hand:
 *
 *   npx tsx bench/api/graphql-overhead.ts [--requests 10000] [--rounds 3]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import type { Database } from '../../server/db/database.js';
import { silent } from '../lib/bench-neo4j.js';
import { median, round } from '../lib/stats.js';

const VARIANTS = ['lean', 'yoga'] as const;

/** The server side: both apps on their own ports; prints "READY <port>,<port>". */
async function serve(): Promise<void> {
  const ports: number[] = [];
  for (const variant of VARIANTS) {
    const app = createApp({
      config: loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent' }),
      // The query answers from the context; nothing reaches the database.
      db: {} as Database,
      logger: silent,
      graphqlFastPath: variant === 'lean',
    });
    const server = createServer(app.handle);
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    ports.push((server.address() as AddressInfo).port);
  }
  console.log(`READY ${ports.join(',')}`);
}

async function drive(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '3' },
    },
  });
  const child = spawn(
    'taskset',
    ['-c', '1', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), '--serve'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const ports = await new Promise<number[]>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /READY (\S+)/.exec(String(d));
        if (m?.[1]) resolve(m[1].split(',').map(Number));
      });
      child.once('exit', () => reject(new Error('the server exited')));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const body = JSON.stringify({ query: 'query Me { me { name role } }' });
    const post = (port: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              accept: 'application/graphql-response+json, application/json',
            },
          },
          (res) => {
            res.resume();
            res.on('end', resolve);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const cpuNs = (): number =>
      Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/schedstat`, 'utf8').split(' ')[0]);
    for (let i = 0; i < 3000; i++) for (const p of ports) await post(p);
    const n = Number(values.requests);
    for (let r = 0; r < Number(values.rounds); r++) {
      const load = loadavg()[0] ?? 0;
      const lat: number[][] = VARIANTS.map(() => []);
      const cpu: number[][] = VARIANTS.map(() => []);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < VARIANTS.length; k++) {
          const j = (i + k) % VARIANTS.length;
          const before = cpuNs();
          const at = process.hrtime.bigint();
          await post(ports[j] ?? 0);
          lat[j]?.push(Number(process.hrtime.bigint() - at) / 1e6);
          // The server is idle between requests (concurrency 1), so its CPU is this request's.
          cpu[j]?.push((cpuNs() - before) / 1e6);
        }
      }
      console.log(
        `round ${r + 1} (load ${load.toFixed(1)}): ${VARIANTS.map(
          (v, j) =>
            `${v} p50 ${round(median(lat[j] ?? []), 3)} ms, CPU ${round(median(cpu[j] ?? []), 3)} ms/req`,
        ).join('; ')}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

if (process.argv.includes('--serve')) await serve();
else await drive();
