import type { Plugin } from 'graphql-yoga';
import { Kind, type DocumentNode } from 'graphql';
import { userError } from '../db/errors.js';

/** A token bucket per client: `perMinute` requests, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly perMinute: number) {}

  /** Takes one token for `client`; false when the client has none left. */
  take(client: string, now = Date.now()): boolean {
    const b = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) this.prune(now);
    return ok;
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (now - b.at > 120_000) this.buckets.delete(k);
  }
}

/** True when an operation of the document selects a root field whose name matches. */
export function selectsRootField(document: DocumentNode, pattern: RegExp): boolean {
  return document.definitions.some(
    (d) =>
      d.kind === Kind.OPERATION_DEFINITION &&
      d.selectionSet.selections.some((s) => s.kind === Kind.FIELD && pattern.test(s.name.value)),
  );
}

/**
 * Limits how often one client may run root fields matching `pattern` (the Cypher console: an
 * analyst's statement can be expensive). The client is the bearer token when there is one, else
 * the remote address.
 */
export function useRootFieldRateLimit(pattern: RegExp, perMinute: number): Plugin {
  const limiter = new RateLimiter(perMinute);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!selectsRootField(args.document, pattern)) return;
      const ctx = args.contextValue as {
        req?: { socket?: { remoteAddress?: string }; headers?: Record<string, unknown> };
      };
      const auth = ctx.req?.headers?.['authorization'];
      const client =
        typeof auth === 'string' ? auth : (ctx.req?.socket?.remoteAddress ?? 'unknown');
      if (!limiter.take(client)) {
        setResultAndStopExecution({
          errors: [
            userError(
              'RATE_LIMITED',
              `Too many Cypher queries: at most ${perMinute} a minute per client. Wait a few seconds and try again.`,
            ),
          ],
        });
      }
    },
  };
}
