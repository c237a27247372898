import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DocumentNode } from 'graphql';
import { print } from 'graphql/language/printer.js';

/** One GraphQL error as the server sends it (`extensions.code` says what kind). */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** A failed request: the server's errors, or a network/HTTP failure described in plain words. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly errors: readonly GraphQLErrorPayload[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }

  /** The first error's `extensions.code`, e.g. NOT_FOUND or BAD_USER_INPUT. */
  get code(): string | undefined {
    const c = this.errors[0]?.extensions?.['code'];
    return typeof c === 'string' ? c : undefined;
  }
}

/** Where the app's GraphQL endpoint is; same origin as the page. */
export const GRAPHQL_ENDPOINT = '/graphql';

const printed = new WeakMap<object, string>();

function printedQuery(document: DocumentNode): string {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  return query;
}

function send(body: string, signal?: AbortSignal): Promise<Response> {
  return fetch(GRAPHQL_ENDPOINT, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body,
    signal: signal ?? null,
  });
}

/** Requests sent ahead (prefetch), by body, until `request` takes their answer. */
const prefetched = new Map<string, Promise<Response>>();

function takePrefetched(body: string): Promise<Response> | undefined {
  const answer = prefetched.get(body);
  prefetched.delete(body);
  return answer;
}

/**
 * Sends an operation now, before the code that needs its answer has loaded (the first page's
 * requests go out while the explorer's bundle downloads): the first `request` with the same
 * document and variables takes this answer instead of asking again.
 */
export function prefetch<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): void {
  const body = JSON.stringify({ query: printedQuery(document), variables });
  const answer = send(body);
  // A failure is reported by the request that takes it, not as an unhandled rejection here.
  answer.catch(() => undefined);
  prefetched.set(body, answer);
}

/**
 * Runs a typed operation generated from client/src/graphql/*.graphql. Rejects with a
 * GraphQLRequestError on any error (a partial result is not useful to the explorer), and with the
 * AbortError when `signal` aborts.
 */
export async function request<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal } = {},
): Promise<TData> {
  const query = printedQuery(document);
  const sent = JSON.stringify({ query, variables });
  let response: Response;
  try {
    response = await (takePrefetched(sent) ?? send(sent, options.signal));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new GraphQLRequestError(
      'The server cannot be reached. Check that Dossier is running, then try again.',
    );
  }
  let body: { data?: TData | null; errors?: GraphQLErrorPayload[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(
      `The server answered ${response.status} without a GraphQL response.`,
      [],
      response.status,
    );
  }
  if (body.errors?.length) {
    throw new GraphQLRequestError(
      body.errors.map((e) => e.message).join('\n'),
      body.errors,
      response.status,
    );
  }
  if (!body.data)
    throw new GraphQLRequestError('The server returned no data.', [], response.status);
  return body.data;
}
