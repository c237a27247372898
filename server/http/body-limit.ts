import type { IncomingMessage, ServerResponse } from 'node:http';

function tooLarge(res: ServerResponse, max: number): void {
  if (res.headersSent) return;
  res.writeHead(413, { 'content-type': 'application/json', connection: 'close' });
  res.end(
    JSON.stringify({
      errors: [
        {
          message: `The request body is larger than ${max} bytes. Send a smaller query, or pass large data as variables in several requests.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    }),
  );
}

/**
 * Refuses bodies over `max` bytes: at once when Content-Length says so, otherwise as soon as the
 * streamed body passes the limit (the connection is then closed). Returns false when refused.
 */
export function enforceBodyLimit(req: IncomingMessage, res: ServerResponse, max: number): boolean {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) {
    tooLarge(res, max);
    req.resume();
    return false;
  }
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > max) {
      tooLarge(res, max);
      req.destroy();
    }
  });
  return true;
}
