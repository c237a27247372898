import type { ServerResponse } from 'node:http';

/** The client is built by Vite into same-origin files: nothing inline, nothing from elsewhere. */
const CLIENT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Cytoscape and CodeMirror set style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** GraphiQL's page is one self-contained HTML file with inline scripts and styles. */
const GRAPHIQL_CSP = CLIENT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** Headers every response carries; the CSP depends on what is served. */
export function setSecurityHeaders(res: ServerResponse, kind: 'client' | 'graphiql' | 'api'): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  res.setHeader('content-security-policy', kind === 'graphiql' ? GRAPHIQL_CSP : CLIENT_CSP);
}
