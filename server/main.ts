import { createServer } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { MissingToolError } from './neo4j/fetch-jars.js';
import { openRuntime, waitForDatabase, type Runtime } from './runtime.js';
import { isEmpty, seedStory } from './seed/seed.js';

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
  const logger = createLogger(config.logLevel);
  const startedAt = Date.now();

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

  try {
    runtime = await openRuntime(config, logger);
    await waitForDatabase(runtime.db, logger, 120_000);
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

  if (config.autoSeed && (await isEmpty(db))) {
    logger.info('The database is empty: loading the story graph.');
    await seedStory(db, { progress: (m) => logger.info(m) });
  }

  const app = createApp({ config, db, logger });
  const server = createServer(app.handle);
  // A slow or stalled client cannot hold a socket for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  server.listen(config.port, config.host, () => {
    logger.info(
      { url: `http://${config.host}:${config.port}/`, startupMs: Date.now() - startedAt },
      `Dossier is ready at http://${config.host}:${config.port}/ (GraphQL at /graphql)`,
    );
  });

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

// A bug in one request must not take the server down for everyone: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  console.error(JSON.stringify({ level: 50, msg: 'unhandled rejection', reason: String(reason) }));
});

void main();
