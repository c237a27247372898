import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { startingHandler } from './http/starting.js';
import { createLogger, logProgress } from './logger.js';
import { MissingToolError } from './neo4j/fetch-jars.js';
import { stepFromCount } from './terminal-progress.js';
import { openRuntime, waitForDatabase, type Runtime } from './runtime.js';

/**
 * The GraphQL app's modules (graphql-yoga, the resolvers, neo4j-driver) and its executable schema:
 * seconds of CPU on a small machine, none of it needing the database, so main() does it while the
 * local Neo4j's JVM starts rather than before spawning it.
 */
async function prepareApp() {
  const [{ createApp }, { buildSchema }, { isEmpty, seedStory }] = await Promise.all([
    import('./app.js'),
    import('./graphql/schema.js'),
    import('./seed/seed.js'),
  ]);
  return { createApp, schema: buildSchema(), isEmpty, seedStory };
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel, config.logFormat);
  const startedAt = Date.now();

  // Listening comes first: a port in use fails here, before a JVM is started for nothing, and
  // until the app is built every request gets the starting answer (http/starting.ts).
  let handler: (req: IncomingMessage, res: ServerResponse) => void = startingHandler;
  const server = createServer((req, res) => handler(req, res));
  // A slow or stalled client cannot hold a socket for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  try {
    await listen(server, config.port, config.host);
  } catch (err) {
    console.error(listenError(err, config.host, config.port));
    process.exit(1);
  }

  let runtime: Runtime | undefined;
  let shuttingDown = false;
  const stopRuntime = async (): Promise<void> => {
    await runtime?.close();
  };
  // Ctrl-C during the first start (e.g. while jars download) must not leave a JVM behind either.
  const earlyExit = (): void => {
    shuttingDown = true;
    void stopRuntime().finally(() => process.exit(130));
  };
  process.once('SIGINT', earlyExit);
  process.once('SIGTERM', earlyExit);

  let preparing: ReturnType<typeof prepareApp> | undefined;
  let empty = false;
  try {
    runtime = await openRuntime(config, logger, {
      onWaiting: () => {
        preparing = prepareApp();
        // Awaited below; a failure here must not count as unhandled before then.
        preparing.catch(() => undefined);
      },
    });
    // With auto-seed on, "is the database empty?" is the question that proves Neo4j answers.
    const db = runtime.db;
    await waitForDatabase(
      db,
      logger,
      120_000,
      config.autoSeed
        ? async () => {
            empty = await (await (preparing ??= prepareApp())).isEmpty(db);
          }
        : undefined,
    );
  } catch (err) {
    if (err instanceof MissingToolError) {
      console.error(err.message);
    } else {
      logger.fatal({ err }, 'could not connect to Neo4j');
    }
    await stopRuntime();
    process.exit(1);
  }
  if (shuttingDown) return;
  const { db } = runtime;
  const { createApp, schema, seedStory } = await (preparing ?? prepareApp());

  if (empty) {
    logger.info('The database is empty: loading the story graph.');
    const progress = logProgress(logger);
    try {
      await seedStory(db, {
        empty: true,
        progress: (m) => progress(m, stepFromCount(m, 'story graph', 'steps')),
      });
    } catch (err) {
      // Serving an empty graph as if it were the story would hide the failure; stopping says it.
      logger.fatal(
        { err },
        'Loading the story graph failed; none of its nodes or relationships were kept (they load in one transaction). Dossier stops.',
      );
      await stopRuntime();
      process.exit(1);
    }
  }
  if (shuttingDown) return;

  const app = createApp({ config, db, logger, schema });
  handler = app.handle;
  logger.info(
    { url: `http://${config.host}:${config.port}/`, startupMs: Date.now() - startedAt },
    `Dossier is ready at http://${config.host}:${config.port}/ (GraphQL at /graphql)`,
  );

  const shutdown = (signal: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    // Stop accepting; let in-flight requests finish (bounded), then close the driver and Neo4j.
    server.close();
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    force.unref();
    void new Promise<void>((r) => server.once('close', () => r())).then(stopRuntime).then(() => {
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.removeListener('SIGINT', earlyExit);
  process.removeListener('SIGTERM', earlyExit);
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** One line that says what to do, for the errors a user can cause; the message otherwise. */
function listenError(err: unknown, host: string, port: number): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `Port ${port} on ${host} is in use: stop what is using it, or set PORT to another port.`;
  if (code === 'EACCES')
    return `Not allowed to listen on port ${port} on ${host}: set PORT to a port above 1023.`;
  if (code === 'EADDRNOTAVAIL')
    return `Cannot listen on ${host}: it is not an address of this machine; check HOST.`;
  return `Cannot listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`;
}

// A bug in one request must not take the server down for everyone: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  console.error(JSON.stringify({ level: 50, msg: 'unhandled rejection', reason: String(reason) }));
});

void main();
