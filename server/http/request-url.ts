import type { IncomingMessage } from 'node:http';

/**
 * The request's URL, parsed as a path on this server. `new URL(req.url, base)` treats a path
 * starting with `//` as another host (and throws on some), so the path is appended to the base
 * instead. Undefined when it still cannot be parsed.
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  const raw = req.url ?? '/';
  try {
    return new URL(`http://localhost${raw.startsWith('/') ? raw : `/${raw}`}`);
  } catch {
    return undefined;
  }
}
