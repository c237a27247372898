/**
 * `npm run neo4j:install`: fetches Neo4j's jars (with progress) and compiles the launcher, so CI
 * and first-time users see the download as its own step. Exits 1 with one line if a tool is missing.
 */
import { loadConfig } from '../config.js';
import { ensureNeo4jInstalled, MissingToolError } from './fetch-jars.js';

try {
  const config = loadConfig();
  const install = await ensureNeo4jInstalled(config.localNeo4j.cacheDir, (m) => console.log(m));
  console.log(`Neo4j ${install.version} is ready in ${install.dir}`);
} catch (err) {
  console.error(err instanceof MissingToolError ? err.message : String(err));
  process.exit(1);
}
