import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';
import { recordToRow, type Database, type Params } from '../../server/db/database.js';

/**
 * The floor for an HTTP API over Neo4j: a bare node:http handler that runs one statement through
 * Dossier's own driver with the session settings of `db.read` (auto-commit on a READ session, the
 * same transaction timeout), converts the records with Dossier's `recordToRow` and answers
 * `JSON.stringify` of the rows. No GraphQL, no validation, no deadline, no retry: anything Dossier
 * spends above this is its own per-request work.
 *
 * The bench registers each statement Dossier sent once (`POST /floor/register`, body
 * `{cypher, params}` with params in the tagged form of `encodeParams`) and then sends
 * `POST /floor/<n>` with `{params}`, so each request still carries and parses its variables.
 */
export function createFloor(
  db: Database,
  timeoutMs = 60_000,
): (req: IncomingMessage, res: ServerResponse) => void {
  const statements: string[] = [];
  const answer = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            cypher?: string;
            params?: unknown;
          };
          const which = (req.url ?? '').slice('/floor/'.length);
          if (which === 'register') {
            statements.push(String(body.cypher));
            answer(res, 200, JSON.stringify({ id: statements.length - 1 }));
            return;
          }
          const cypher = statements[Number(which)];
          if (cypher === undefined) return answer(res, 404, '{"error":"unknown statement"}');
          const session = db.driver.session({
            database: db.name,
            defaultAccessMode: neo4j.session.READ,
          });
          try {
            const result = await session.run(cypher, decodeParams(body.params) as Params, {
              timeout: timeoutMs,
            });
            answer(res, 200, JSON.stringify(result.records.map(recordToRow)));
          } finally {
            await session.close();
          }
        } catch (err) {
          answer(res, 500, JSON.stringify({ error: String(err) }));
        }
      })();
    });
  };
}

/** Params as JSON that keeps driver integers integers: `{"$int": "100"}`. */
export function encodeParams(value: unknown): unknown {
  if (neo4j.isInt(value)) return { $int: String(value) };
  if (Array.isArray(value)) return value.map(encodeParams);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeParams(v)]));
  }
  return value;
}

export function decodeParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeParams);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['$int'] === 'string' && Object.keys(o).length === 1) return neo4j.int(o['$int']);
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeParams(v)]));
  }
  return value;
}
