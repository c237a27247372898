/**
 * The server side of bench/write-compare.ts: Dossier's app alone in a node:http server (the code of
 * the checkout it runs from, so two checkouts compare two versions), production settings. With
 * `phases` it stamps each phase of every request (process.hrtime.bigint() from the HTTP 'request'
 * event: yoga's hooks, each statement of the write transaction sent and answered, the work done,
 * the commit answered, the response ended) and answers the median stamps at /phases. Meant for
 * concurrency 1, so stamps need no request identity. It also serves the write floor
 * (/write-floor, bench/api/write-floor-endpoint.ts), as the API bench server does.
 *
 * Usage: tsx bench/write-server.ts <bolt-uri> [phases]; prints "READY <port>".
 */
import { createServer } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { createApp } from '../server/app.js';
import type { Tx } from '../server/db/database.js';
import { createWriteFloor } from './api/write-floor-endpoint.js';
import { benchServerDeps, serveBench } from './lib/api-server-process.js';

async function main(): Promise<void> {
  const [uri, mode = 'plain'] = process.argv.slice(2);
  if (uri === undefined) throw new Error('usage: write-server.ts <bolt-uri> [phases]');
  const { config, db, logger } = benchServerDeps(uri);
  const phases = mode === 'phases';
  let current: [string, bigint][] | undefined;
  const runs: [string, number][][] = [];
  const stamp = (name: string): void => {
    current?.push([name, process.hrtime.bigint()]);
  };
  const plugins: Plugin[] = phases
    ? [
        {
          onRequest: () => stamp('yoga onRequest'),
          onParse: () => () => stamp('parsed'),
          onValidate: () => () => stamp('validated'),
          onContextBuilding: () => () => stamp('context built'),
          onExecute: () => {
            stamp('execute');
            return { onExecuteDone: () => stamp('executed') };
          },
          onResponse: () => stamp('yoga onResponse'),
        },
      ]
    : [];
  if (phases) {
    // Each statement of the write sent and answered, numbered in order; then work done and commit.
    const writeTransaction = db.writeTransaction.bind(db);
    db.writeTransaction = (<T>(work: (tx: Tx) => Promise<T>, options?: object) => {
      let n = 0;
      const stamped = (tx: Tx): Tx => ({
        run: async (cypher, params) => {
          const k = ++n;
          stamp(`sent ${k}`);
          const rows = await tx.run(cypher, params);
          stamp(`answer ${k}`);
          return rows;
        },
        runRecords: (cypher, params) => tx.runRecords(cypher, params),
        added: () => tx.added(),
      });
      stamp('transaction');
      return writeTransaction(async (tx) => {
        const result = await work(stamped(tx));
        stamp('work done (COMMIT sent)');
        return result;
      }, options).then((r) => {
        stamp('committed');
        return r;
      });
    }) as typeof db.writeTransaction;
  }
  const app = createApp({ config, db, logger, plugins });
  const floor = createWriteFloor(db);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/write-floor')) {
      floor(req, res);
      return;
    }
    if (req.url === '/phases') {
      res.end(JSON.stringify(report(runs)));
      runs.length = 0;
      return;
    }
    if (phases) {
      const at = process.hrtime.bigint();
      const mine: [string, bigint][] = [];
      current = mine;
      req.once('end', () => stamp('body end'));
      res.once('finish', () => {
        stamp('finish');
        runs.push(mine.map(([name, t]) => [name, Number(t - at) / 1e6]));
      });
    }
    app.handle(req, res);
  });
  serveBench(server, () => db.close());
}

/** Median milliseconds from arrival to each stamp, in the order first seen. */
function report(runs: readonly [string, number][][]): [string, number][] {
  const names: string[] = [];
  const values = new Map<string, number[]>();
  for (const run of runs) {
    for (const [name, ms] of run) {
      if (!values.has(name)) {
        names.push(name);
        values.set(name, []);
      }
      values.get(name)?.push(ms);
    }
  }
  return names.map((name) => {
    const v = (values.get(name) ?? []).sort((a, b) => a - b);
    return [name, Math.round((v[Math.floor(v.length / 2)] ?? 0) * 1000) / 1000];
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
