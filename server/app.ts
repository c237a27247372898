import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { createAccess } from './auth/access.js';
import { LOCAL_ACTOR, type Actor, type GraphQLContext } from './graphql/context.js';
import { useCompiledExecution } from './graphql/compiled-execution.js';
import { graphiqlExamples } from './graphql/graphiql-examples.js';
import { protections } from './graphql/protections.js';
import { buildSchema } from './graphql/schema.js';
import { enforceBodyLimit } from './http/body-limit.js';
import { requestUrl } from './http/request-url.js';
import { setSecurityHeaders } from './http/security-headers.js';
import { staticFiles } from './http/static-files.js';
import { checkAccess, credentialOf } from './http/token-auth.js';
import { actorOrRefuse, useWriteGuard } from './graphql/write-guard.js';
import type { Logger } from './logger.js';
import { fromRoot } from './paths.js';

export interface AppDeps {
  readonly config: Config;
  readonly db: Database;
  readonly logger: Logger;
  /** Where the built client lives; defaults to dist/client. */
  readonly clientDir?: string;
  /** The executable schema, when already built (main.ts builds it while Neo4j starts). */
  readonly schema?: GraphQLSchema;
  /** False runs every document on graphql-js's executor (the API bench compares the two). */
  readonly compiledExecution?: boolean;
  /** Plugins run after Dossier's own (the API bench stamps each phase of a request with them). */
  readonly plugins?: readonly Plugin[];
}

export interface App {
  /** A Node request listener: give it to http.createServer. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The GraphQL server; tests call yoga.fetch() without a socket. */
  readonly yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
}

/** How long /ready waits for Neo4j to answer `RETURN 1`. */
const READY_TIMEOUT_MS = 5_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Builds the whole HTTP app; listening, signals and shutdown belong to main.ts. */
export function createApp(deps: AppDeps): App {
  const { config, db, logger } = deps;
  const access = createAccess({
    token: config.access.token,
    usersFile: config.access.usersFile,
    loopback: config.access.loopback,
    onFileError: (err) =>
      logger.error({ err }, 'the users file cannot be read; only DOSSIER_TOKEN is accepted'),
  });
  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: deps.schema ?? buildSchema(),
    graphqlEndpoint: '/graphql',
    // The actor comes from the request's own token: the HTTP layer has already looked it up (and
    // refused requests without a valid one) and passes it in the server context, so it is not
    // looked up twice; yoga.fetch callers such as tests go through the same lookup here.
    context: async ({ request, actor }) => ({
      db,
      config,
      logger,
      actor: actorOrRefuse(
        (actor as Actor | undefined) ??
          (await access.actorFor(
            credentialOf({
              authorization: request.headers.get('authorization'),
              cookie: request.headers.get('cookie'),
            }),
          )),
      ),
    }),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    // Unexpected errors become "Unexpected error." with no stack, in every environment; expected
    // ones (GraphQLError with extensions.code) pass through.
    maskedErrors: { isDev: false },
    // Off unless an allow-list is configured: the client is same-origin.
    cors:
      config.access.corsOrigins.length > 0
        ? { origin: [...config.access.corsOrigins], methods: ['GET', 'POST'], credentials: true }
        : false,
    batching: false,
    // The HTTP layer enforces MAX_BODY_BYTES before yoga sees a request (http/body-limit.ts).
    // yoga's own 25 MB limit piped every body through a TransformStream and a stream pipeline,
    // about 0.1-0.2 ms of each request before its statement could be sent.
    maxRequestBodySize: false,
    // GraphiQL is bundled (render-graphiql), so it works without reaching a CDN. Its page and
    // scripts are 8.8 MB of strings: loaded the first time someone opens it, not at every start.
    graphiql: config.access.graphiql
      ? { title: 'Dossier GraphQL', defaultQuery: graphiqlExamples }
      : false,
    renderGraphiQL: async (options) =>
      (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    landingPage: false,
    plugins: [
      ...protections(config),
      useWriteGuard(),
      ...(deps.compiledExecution === false ? [] : [useCompiledExecution()]),
      ...(deps.plugins ?? []),
    ],
  });
  const serveClient = staticFiles(deps.clientDir ?? fromRoot('dist', 'client'));

  const route = (req: IncomingMessage, res: ServerResponse): void => {
    const path = requestUrl(req)?.pathname ?? '/';
    // Probes carry no data, so orchestrators can call them without the token.
    if (path === '/health') {
      json(res, 200, { status: 'ok' });
      return;
    }
    if (path === '/ready') {
      // Generous: a busy machine can make a healthy Neo4j take a second or two.
      void db
        .ping(READY_TIMEOUT_MS)
        .then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'database unavailable' }));
      return;
    }
    const isGraphQL = path === '/graphql' || path.startsWith('/graphql/');
    const wantsHtml = (req.headers.accept ?? '').includes('text/html');
    setSecurityHeaders(res, isGraphQL ? (wantsHtml ? 'graphiql' : 'api') : 'client');
    const serve = (actor: Actor): void => {
      if (isGraphQL) {
        if (!enforceBodyLimit(req, res, config.access.maxBodyBytes)) return;
        void yoga.handle(req, res, { actor });
      } else {
        serveClient(req, res);
      }
    };
    if (!access.required()) {
      serve(LOCAL_ACTOR);
      return;
    }
    checkAccess(req, res, access)
      .then((actor) => {
        if (actor) serve(actor);
      })
      .catch((err: unknown) => {
        logger.error({ err, url: req.url }, 'request failed');
        if (!res.headersSent) json(res, 500, { errors: [{ message: 'Unexpected error.' }] });
        else res.destroy();
      });
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      route(req, res);
    } catch (err) {
      logger.error({ err, url: req.url }, 'request failed');
      if (!res.headersSent) json(res, 500, { errors: [{ message: 'Unexpected error.' }] });
      else res.destroy();
    }
  };
  return { handle, yoga };
}
