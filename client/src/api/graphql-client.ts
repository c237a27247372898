import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
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
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query, variables }),
      signal: options.signal ?? null,
    });
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
