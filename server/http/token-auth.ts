import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestUrl } from './request-url.js';

const COOKIE = 'dossier_token';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
function matches(candidate: string | undefined, token: string): boolean {
  return candidate !== undefined && timingSafeEqual(digest(candidate), digest(token));
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Enforces the access token when one is configured. API clients send
 * `Authorization: Bearer <token>`; a browser opens `/?token=<token>` once, which sets an HttpOnly
 * SameSite=Strict cookie and redirects to the same page without the token in the address bar.
 * Returns true when the request may go on; otherwise it has already answered.
 */
export function checkAccess(req: IncomingMessage, res: ServerResponse, token: string): boolean {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (matches(bearer, token) || matches(cookieValue(req, COOKIE), token)) return true;

  const url = requestUrl(req);
  const fromQuery = url?.searchParams.get('token') ?? undefined;
  if (url && req.method === 'GET' && matches(fromQuery, token)) {
    url.searchParams.delete('token');
    res.writeHead(303, {
      location: url.pathname + url.search,
      'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    });
    res.end();
    return false;
  }
  res.writeHead(401, {
    'content-type': 'application/json',
    'www-authenticate': 'Bearer realm="dossier"',
    'cache-control': 'no-store',
  });
  res.end(
    JSON.stringify({
      errors: [
        {
          message:
            'This Dossier needs its access token: send "Authorization: Bearer <token>", or open /?token=<token> once in the browser.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    }),
  );
  return false;
}
