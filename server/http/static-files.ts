import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { requestUrl } from './request-url.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file (.mjs); a module worker needs a JavaScript MIME type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built client from `root`; unknown paths without an extension get index.html so the
 * client's own routes work on reload. Paths that climb out of root are refused.
 */
export function staticFiles(root: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' })
        .end('Method not allowed\n');
      return;
    }
    const url = requestUrl(req);
    let pathname: string;
    try {
      if (!url) throw new Error('unparseable');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad path\n');
      return;
    }
    const file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    let target = file;
    if (!existsSync(target) || statSync(target).isDirectory()) {
      target = extname(pathname) === '' ? join(root, 'index.html') : '';
    }
    if (!target || !existsSync(target)) {
      if (!existsSync(join(root, 'index.html'))) {
        res
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
          .end(
            'The web client is not built. Run `npm run build`, or use `npm start`, which builds it.\n',
          );
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    const immutable = target.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  };
}
