import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from './request-url.js';
import { setSecurityHeaders } from './security-headers.js';

/** Seconds a client is asked to wait before trying again. */
const STARTING_RETRY_AFTER_S = 2;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${STARTING_RETRY_AFTER_S}">
<title>Dossier is starting</title>
</head>
<body>
<h1>Dossier is starting</h1>
<p>It is starting Neo4j and, on a first start, loading the story graph. This page reloads by
itself every ${STARTING_RETRY_AFTER_S} seconds; the terminal that ran <code>npm start</code> shows the progress.</p>
</body>
</html>
`;

/**
 * What the server answers while it starts: it listens before Neo4j is up, so a port in use fails
 * at once instead of after the JVM's start, and a browser opened early sees a page that says what
 * is happening rather than a refused connection. `/health` is 200 (the process is alive),
 * `/ready` and everything else 503 with Retry-After.
 */
export function startingHandler(req: IncomingMessage, res: ServerResponse): void {
  const path = requestUrl(req)?.pathname ?? '/';
  const body = (status: number, type: string, text: string): void => {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(status === 503 ? { 'retry-after': String(STARTING_RETRY_AFTER_S) } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  };
  if (path === '/health') {
    body(200, 'application/json', JSON.stringify({ status: 'starting' }));
    return;
  }
  const wantsHtml = (req.headers.accept ?? '').includes('text/html');
  setSecurityHeaders(res, 'client');
  if (wantsHtml && path !== '/ready') {
    body(503, 'text/html; charset=utf-8', PAGE);
    return;
  }
  body(
    503,
    'application/json',
    JSON.stringify(
      path === '/ready'
        ? { status: 'starting' }
        : {
            status: 'starting',
            errors: [
              {
                message: 'Dossier is starting; try again in a few seconds.',
                extensions: { code: 'STARTING' },
              },
            ],
          },
    ),
  );
}
