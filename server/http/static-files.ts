import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { requestUrl } from './request-url.js';

const gzipAsync = promisify(gzip);

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

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

/** Below this, gzip's header costs about what it saves. */
const COMPRESS_ABOVE = 1024;

/**
 * Gzipped files, each compressed once (off the event loop) and kept for as long as the file is
 * the same: the built client is a few megabytes, and its first page a third as many bytes to send
 * gzipped (about 740 kB of JavaScript and CSS, 219 kB gzipped).
 */
const gzipped = new Map<string, { mtimeMs: number; size: number; body: Promise<Buffer> }>();

function gzippedFile(path: string, stat: Stats): Promise<Buffer> {
  const cached = gzipped.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.body;
  const body = readFile(path).then((raw) => gzipAsync(raw));
  gzipped.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, body });
  body.catch(() => gzipped.delete(path));
  return body;
}

/** Whether the request says it takes gzip (and does not refuse it with q=0). */
function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part
      .toLowerCase()
      .split(';')
      .map((x) => x.trim());
    if (coding !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Serves the built client from `root`, text gzipped for clients that take it; unknown paths
 * without an extension get index.html so the client's own routes work on reload. Paths that climb
 * out of root are refused.
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
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    const stat = statSync(target);
    if (COMPRESSIBLE.has(extname(target)) && stat.size > COMPRESS_ABOVE) {
      headers['vary'] = 'accept-encoding';
      if (acceptsGzip(req)) {
        gzippedFile(target, stat).then(
          (body) => {
            res.writeHead(200, {
              ...headers,
              'content-encoding': 'gzip',
              'content-length': String(body.length),
            });
            res.end(req.method === 'HEAD' ? undefined : body);
          },
          () => {
            if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
            res.end('Could not read the file\n');
          },
        );
        return;
      }
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  };
}
