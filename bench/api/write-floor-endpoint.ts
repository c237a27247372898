import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../../server/db/database.js';
import { replayWrite, type WriteRecording } from '../write-bench.js';
import { decodeParams } from './floor-endpoint.js';

/**
 * The floor for the write row: the least an HTTP endpoint can do for the same write. Bare
 * node:http; the statements Dossier sent for one addRelationship (given once at
 * `POST /write-floor/register`, params in the tagged form of `encodeParams`) replayed for the
 * posted node pair (`POST /write-floor`, `{from, to}`) on Dossier's own driver, exactly as the raw
 * replay runs them, answering a small JSON. What Dossier spends above this is its own per-request
 * work; what this spends above the raw replay is the HTTP hop into a second process.
 */
export function createWriteFloor(
  db: Database,
): (req: IncomingMessage, res: ServerResponse) => void {
  let recording: WriteRecording | undefined;
  const readBody = async (req: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  };
  const floor = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    if (req.url === '/write-floor/register') recording = decodeParams(body) as WriteRecording;
    else if (recording) {
      await replayWrite(db.driver, db.name, recording, body as { from: string; to: string });
    } else {
      res.writeHead(409, { 'content-type': 'application/json' });
      res.end('{"error":"no recording registered"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ outcome: 'CREATED' }));
  };
  return (req, res) => {
    floor(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  };
}
