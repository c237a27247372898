import { createApp, type App } from '../../server/app.js';
import { testConfig } from './test-config.js';
import type { Database } from '../../server/db/database.js';
import { LIVE_SCHEMA_STATEMENTS, liveSchema } from '../../server/graph/live-schema.js';
import { silentLogger } from './database.js';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** What one request sent to Neo4j: its own statements, and any refresh of the live schema. */
export interface Sent {
  statements: string[];
  liveSchemaReads: number;
}

export interface GraphQLClient {
  readonly app: App;
  /** Runs a document through the app (no socket); resolves with the response body. */
  query<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Like query, and also returns the statements the request sent (live schema warmed first). */
  counted<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T> & { sent: Sent }>;
  /** Throws on GraphQL errors; returns data. */
  data<T = Record<string, unknown>>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<T>;
}

/** The app on `db`, driven through yoga.fetch as a client would. */
export function graphqlClient(db: Database, env: Record<string, string> = {}): GraphQLClient {
  const app = createApp({ config: testConfig(env), db, logger: silentLogger });
  const query = async <T>(
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> => {
    const res = await app.yoga.fetch('http://dossier.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await res.json()) as GraphQLResponse<T>;
  };
  return {
    app,
    query,
    counted: async <T>(document: string, variables?: Record<string, unknown>) => {
      await liveSchema(db, { maxAgeMs: 0 });
      const sent: Sent = { statements: [], liveSchemaReads: 0 };
      const off = db.onStatement((cypher) => {
        if (LIVE_SCHEMA_STATEMENTS.includes(cypher)) sent.liveSchemaReads++;
        else sent.statements.push(cypher);
      });
      try {
        return { ...(await query<T>(document, variables)), sent };
      } finally {
        off();
      }
    },
    data: async <T>(document: string, variables?: Record<string, unknown>) => {
      const res = await query<T>(document, variables);
      if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
      return res.data as T;
    },
  };
}
