import { byId, h } from './dom.js';

/** Shows a short message in the corner; errors stay longer. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = h(
    'div',
    { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    message,
  );
  byId('toasts').append(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 3500);
}

/** Message for any failure: GraphQL errors already say what to do; others get a generic hint. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return 'Something went wrong. Try again; if it persists, check the server log.';
}
