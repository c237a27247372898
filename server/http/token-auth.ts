import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Access } from '../auth/access.js';
import type { Actor } from '../graphql/context.js';
import { requestUrl } from './request-url.js';

const COOKIE = 'dossier_token';

function cookieValue(cookie: string | null | undefined, name: string): string | undefined {
  for (const part of (cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) {
      try {
        return decodeURIComponent(v.join('='));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The credential a request presents: `Authorization: Bearer <token>` first, else the cookie set by
 * `/?token=`. Works on Node's headers and on a Fetch Request's (the GraphQL context reads those).
 */
export function credentialOf(headers: {
  authorization?: string | null | undefined;
  cookie?: string | null | undefined;
}): string | undefined {
  const header = headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  return bearer || cookieValue(headers.cookie, COOKIE);
}

/**
 * Enforces access when it is required (DOSSIER_TOKEN or users configured, or not loopback). API
 * clients send `Authorization: Bearer <token>`; a browser opens `/?token=<token>` once, which sets
 * an HttpOnly SameSite=Strict cookie and redirects to the same page without the token in the
 * address bar. Any person's token works as well as DOSSIER_TOKEN. Resolves to the actor the
 * request's credential stands for when it may go on (so the GraphQL context need not look it up
 * again); otherwise to undefined, having answered.
 */
export async function checkAccess(
  req: IncomingMessage,
  res: ServerResponse,
  access: Access,
): Promise<Actor | undefined> {
  const credential = credentialOf({
    authorization: req.headers.authorization,
    cookie: req.headers.cookie,
  });
  const actor = await access.actorFor(credential);
  if (actor !== undefined) return actor;

  const url = requestUrl(req);
  const fromQuery = url?.searchParams.get('token') ?? undefined;
  if (url && req.method === 'GET' && (await access.actorFor(fromQuery)) !== undefined) {
    url.searchParams.delete('token');
    res.writeHead(303, {
      location: url.pathname + url.search,
      'set-cookie': `${COOKIE}=${encodeURIComponent(fromQuery ?? '')}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    });
    res.end();
    return undefined;
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
            'This Dossier needs an access token: send "Authorization: Bearer <token>", or open /?token=<token> once in the browser. Ask its administrator for a token (npm run users -- add NAME).',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    }),
  );
  return undefined;
}
