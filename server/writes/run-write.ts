import { createHash } from 'node:crypto';
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import type { JsonValue } from '../db/convert.js';
import type { Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { Actor, GraphQLContext } from '../graphql/context.js';
import { BOOKKEEPING_LABELS } from './bookkeeping.js';
import { changeRecorder, type ChangeEntry, type ChangeInput } from './history.js';
import { ensureWriteSchema } from './write-schema.js';

/** Longest idempotency key accepted; a UUID is 36 characters. */
export const MAX_IDEMPOTENCY_KEY_CHARS = 200;

export interface WriteRequest {
  /** The mutation's name; recorded on every change and on the idempotency key. */
  readonly operation: string;
  /** Client-supplied: the same key again returns the first result instead of writing again. */
  readonly idempotencyKey?: string | null;
  /** The mutation's arguments: a key reused with different arguments is refused, not replayed. */
  readonly input?: unknown;
}

/** What a write's work receives: its transaction, the history recorder and the actor. */
export interface WriteScope {
  readonly tx: Tx;
  /** Records one change in the same transaction as the change itself. */
  readonly record: (change: ChangeInput) => Promise<ChangeEntry>;
  readonly actor: Actor;
  readonly operation: string;
}

const KEY = BOOKKEEPING_LABELS.idempotency;

/*
 * MERGE on a key with a uniqueness constraint: a second request with the same key waits on the
 * first's lock and then finds its node (with its result), so two concurrent requests write once.
 * A node without a result can only be this transaction's own, just created.
 */
const CLAIM_KEY = `
MERGE (k:${KEY} {key: $key})
ON CREATE SET k.operation = $operation, k.author = $author, k.request = $request, k.at = datetime()
RETURN k.result AS result, k.operation AS operation, k.author AS author, k.request AS request`;

const STORE_RESULT = `MATCH (k:${KEY} {key: $key}) SET k.result = $result`;

/**
 * Runs one mutation as ONE write transaction: the idempotency check, the work and the history
 * entries it records commit together or not at all. Transient failures (deadlocks, a leader
 * switch) are retried by the driver, which the transaction and the key make safe. The result
 * must be JSON: it is what a retried request with the same key gets back.
 */
export async function runWrite<T extends JsonValue | object>(
  ctx: Pick<GraphQLContext, 'db' | 'actor'>,
  request: WriteRequest,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  const key = checkKey(request.idempotencyKey);
  await ensureWriteSchema(ctx.db);
  const author = ctx.actor.name;
  return runTransaction(ctx, request, key, author, work).catch((err: unknown) => {
    throw writeError(err);
  });
}

function runTransaction<T extends JsonValue | object>(
  ctx: Pick<GraphQLContext, 'db' | 'actor'>,
  request: WriteRequest,
  key: string | undefined,
  author: string,
  work: (scope: WriteScope) => Promise<T>,
): Promise<T> {
  return ctx.db.writeTransaction(
    async (tx) => {
      const requestHash = key === undefined ? null : hashRequest(request.input);
      if (key !== undefined) {
        const [claim] = await tx.run(CLAIM_KEY, {
          key,
          operation: request.operation,
          author,
          request: requestHash,
        });
        if (claim && typeof claim.result === 'string') {
          refuseMismatch(claim, request.operation, author, requestHash);
          return JSON.parse(claim.result) as T;
        }
      }
      const record = changeRecorder(tx, { operation: request.operation, author });
      const result = await work({ tx, record, actor: ctx.actor, operation: request.operation });
      if (key !== undefined) {
        await tx.run(STORE_RESULT, { key, result: JSON.stringify(result) });
      }
      return result;
    },
    { metadata: { app: 'dossier', operation: request.operation } },
  );
}

/**
 * The Neo4j errors a write can meet that the person can act on. A transient one (deadlock, lock
 * timeout) still failing after the driver's retries means the write did not happen and may be
 * sent again; a uniqueness constraint refusing a value is the person's input.
 */
function writeError(err: unknown): unknown {
  if (!(err instanceof Neo4jError)) return err;
  if (isRetryableError(err)) {
    return userError(
      'DATABASE_UNAVAILABLE',
      'The database was too busy with other writes to finish this one, and nothing was written. Send it again (with the same idempotencyKey it cannot be written twice).',
    );
  }
  if (err.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return userError(
      'BAD_USER_INPUT',
      `A uniqueness constraint of the graph refused a value: ${err.message}. Use another value (for an id, leave it out and Dossier makes one).`,
      { neo4jCode: err.code },
    );
  }
  return err;
}

function checkKey(key: string | null | undefined): string | undefined {
  if (key === null || key === undefined) return undefined;
  if (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_CHARS) {
    throw userError(
      'BAD_USER_INPUT',
      `An idempotency key must be 1 to ${MAX_IDEMPOTENCY_KEY_CHARS} characters; send a fresh UUID for each new request.`,
    );
  }
  return key;
}

function hashRequest(input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(input ?? null))
    .digest('hex');
}

function refuseMismatch(
  claim: Record<string, JsonValue>,
  operation: string,
  author: string,
  requestHash: string | null,
): void {
  if (claim.operation !== operation || claim.author !== author || claim.request !== requestHash) {
    throw userError(
      'BAD_USER_INPUT',
      `This idempotency key was already used for a different request (${String(claim.operation)} by ${String(claim.author)}). Send a fresh key for each new request, and the same key only to retry the same one.`,
    );
  }
}
