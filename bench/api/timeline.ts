import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '../../server/db/database.js';

/**
 * Where the wall-clock time of one request goes inside the API server: each phase stamped with
 * process.hrtime.bigint() relative to the HTTP 'request' event. Meant for concurrency 1 (one request
 * at a time, so the stamps need no request identity), by bench/api/request-timeline.ts.
 */
export interface Timeline {
  /** yoga hooks, run after Dossier's own plugins. */
  readonly plugin: Plugin;
  /** Wraps a request handler so its requests are stamped under `kind`. */
  wrap(
    kind: string,
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ): (req: IncomingMessage, res: ServerResponse) => void;
  /** Median milliseconds from arrival to each stamp, per kind, in the order first seen. */
  report(): Record<string, { requests: number; stamps: [string, number][] }>;
  reset(): void;
}

export function createTimeline(db: Database): Timeline {
  let current: { kind: string; at: bigint; stamps: [string, bigint][] } | undefined;
  let runs: { kind: string; stamps: [string, number][] }[] = [];
  const stamp = (name: string): void => {
    current?.stamps.push([name, process.hrtime.bigint()]);
  };
  db.onStatement(() => stamp('statement sent'));
  const read = db.read.bind(db);
  db.read = async (...args: Parameters<Database['read']>) => {
    const rows = await read(...args);
    stamp('db.read resolved');
    return rows;
  };
  const driverSession = db.driver.session.bind(db.driver);
  // The floor's session.run: statement sent and records back, as db.read stamps Dossier's.
  db.driver.session = ((...args: Parameters<typeof driverSession>) => {
    const s = driverSession(...args);
    const run = s.run.bind(s);
    s.run = ((...runArgs: Parameters<typeof run>) => {
      stamp('session.run');
      const result = run(...runArgs);
      void result.summary().then(
        () => stamp('summary'),
        () => undefined,
      );
      return result;
    }) as typeof s.run;
    return s;
  }) as typeof driverSession;

  const plugin: Plugin = {
    onRequest: () => stamp('yoga onRequest'),
    onRequestParse: () => ({ onRequestParseDone: () => stamp('params parsed') }),
    onParse: () => {
      stamp('parse');
      return () => stamp('parsed');
    },
    onValidate: () => {
      stamp('validate');
      return () => stamp('validated');
    },
    onContextBuilding: () => {
      stamp('context');
      return () => stamp('context built');
    },
    onExecute: () => {
      stamp('execute');
      return { onExecuteDone: () => stamp('executed') };
    },
    onResultProcess: () => stamp('result process'),
    onResponse: () => stamp('yoga onResponse'),
  };

  return {
    plugin,
    wrap(kind, handler) {
      return (req, res) => {
        const at = process.hrtime.bigint();
        current = { kind, at, stamps: [] };
        const mine = current;
        req.once('end', () => stamp('body end'));
        const write = res.write.bind(res) as (...a: unknown[]) => boolean;
        res.write = ((...a: unknown[]) => {
          stamp('res.write');
          return write(...a);
        }) as typeof res.write;
        const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
        res.end = ((...a: unknown[]) => {
          stamp('res.end');
          return end(...a);
        }) as typeof res.end;
        res.once('finish', () => {
          stamp('finish');
          runs.push({
            kind,
            stamps: mine.stamps.map(([n, t]) => [n, Number(t - mine.at) / 1e6]),
          });
        });
        handler(req, res);
        stamp('handler returned');
      };
    },
    report() {
      const out: Record<string, { requests: number; stamps: [string, number][] }> = {};
      const kinds = [...new Set(runs.map((r) => r.kind))];
      for (const kind of kinds) {
        const mine = runs.filter((r) => r.kind === kind);
        const names: string[] = [];
        const values = new Map<string, number[]>();
        for (const r of mine) {
          for (const [n, ms] of r.stamps) {
            if (!values.has(n)) {
              names.push(n);
              values.set(n, []);
            }
            values.get(n)?.push(ms);
          }
        }
        out[kind] = {
          requests: mine.length,
          stamps: names.map((n) => {
            const v = (values.get(n) ?? []).sort((a, b) => a - b);
            return [n, Math.round((v[Math.floor(v.length / 2)] ?? 0) * 1000) / 1000];
          }),
        };
      }
      return out;
    },
    reset() {
      runs = [];
    },
  };
}
