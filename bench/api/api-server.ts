/**
 * The server side of the API benchmark, run as its own process (pinned to its own core where the
 * machine allows) so the load generator does not share a core with it:
 * Dossier's app (its GraphQL at /graphql) and @neo4j/graphql with type definitions for the same
 * graph (at /neo4j-graphql, on its own yoga instance), both in one HTTP server on one Neo4j; and the
 * floor (at /floor, see floor-endpoint.ts): the least an HTTP endpoint can do for the same answer.
 *
 * Usage: tsx bench/api/api-server.ts <bolt-uri> <typedefs-file> [variant]; prints "READY <port>".
 * A variant other than the default switches one lever off, for bench/api/compare-variants.ts.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { createApp } from '../../server/app.js';
import { benchServerDeps, serveBench } from '../lib/api-server-process.js';
import { createFloor } from './floor-endpoint.js';
import { createWriteFloor } from './write-floor-endpoint.js';
import { createTimeline } from './timeline.js';

async function main(): Promise<void> {
  const [uri, typeDefsFile, variant = 'default'] = process.argv.slice(2);
  if (uri === undefined || typeDefsFile === undefined) {
    throw new Error('usage: api-server.ts <bolt-uri> <typedefs-file>');
  }
  const { config, db, logger } = benchServerDeps(uri);
  // The timeline variant stamps each phase of a request (bench/api/request-timeline.ts).
  const timeline = variant === 'timeline' ? createTimeline(db) : undefined;
  const app = createApp({
    config,
    db,
    logger,
    compiledExecution: variant !== 'graphql-js',
    ...(timeline ? { plugins: [timeline.plugin] } : {}),
  });

  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''), { maxConnectionPoolSize: 100 });
  const neoSchema = new Neo4jGraphQL({ typeDefs: readFileSync(typeDefsFile, 'utf8'), driver });
  const neo4jGraphql = createYoga({
    schema: await neoSchema.getSchema(),
    graphqlEndpoint: '/neo4j-graphql',
    maskedErrors: true,
    landingPage: false,
    logging: false,
  });

  const floorHandler = createFloor(db);
  const writeFloor = createWriteFloor(db);
  const floor = timeline ? timeline.wrap('floor', floorHandler) : floorHandler;
  const dossier = timeline ? timeline.wrap('dossier', app.handle) : app.handle;
  const server = createServer((req, res) => {
    if ((req.url ?? '').startsWith('/neo4j-graphql')) void neo4jGraphql.handle(req, res);
    else if ((req.url ?? '').startsWith('/write-floor')) writeFloor(req, res);
    else if ((req.url ?? '').startsWith('/floor/register')) floorHandler(req, res);
    else if ((req.url ?? '').startsWith('/floor/')) floor(req, res);
    else if (timeline && req.url === '/timeline') {
      res.end(JSON.stringify(timeline.report()));
      timeline.reset();
    } else dossier(req, res);
  });
  serveBench(server, () => Promise.all([db.close(), driver.close()]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
