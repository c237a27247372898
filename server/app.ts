import type { IncomingMessage, ServerResponse } from 'node:http';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { GraphQLContext } from './graphql/context.js';
import { buildSchema } from './graphql/schema.js';
import { staticFiles } from './http/static-files.js';
import type { Logger } from './logger.js';
import { fromRoot } from './paths.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
  /** Where the built client lives; defaults to dist/client. */
  readonly clientDir?: string;
}

export interface App {
  /** A Node request listener: give it to http.createServer. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The GraphQL server; tests call yoga.fetch() without a socket. */
  readonly yoga: YogaServerInstance<Record<string, never>, GraphQLContext>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Builds the whole HTTP app; listening, signals and shutdown belong to main.ts. */
export function createApp(deps: AppDeps): App {
  const { config, db, logger } = deps;
  const yoga = createYoga<Record<string, never>, GraphQLContext>({
    schema: buildSchema(),
    graphqlEndpoint: '/graphql',
    context: () => ({ db, config, logger }),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    maskedErrors: true,
    landingPage: false,
  });
  const serveClient = staticFiles(deps.clientDir ?? fromRoot('dist', 'client'));

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health') {
      json(res, 200, { status: 'ok' });
    } else if (path === '/ready') {
      void db
        .ping()
        .then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unavailable' }));
    } else if (path === '/graphql' || path.startsWith('/graphql/')) {
      void yoga.handle(req, res);
    } else {
      serveClient(req, res);
    }
  };
  return { handle, yoga };
}
