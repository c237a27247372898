import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths.js';

export const settingsFile = fromRoot('server', 'neo4j', 'neo4j.conf');

/** The key=value pairs of server/neo4j/neo4j.conf (comments and blank lines skipped). */
export function readSettings(file = settingsFile): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return out;
}

/**
 * The same settings as the environment variables of Neo4j's Docker image
 * (db.transaction.timeout → NEO4J_db_transaction_timeout; underscores doubled).
 * Directory settings are left to the image.
 */
export function settingsAsDockerEnv(settings = readSettings()): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith('server.directories.') || key === 'server.default_listen_address') continue;
    env[`NEO4J_${key.replace(/_/g, '__').replace(/\./g, '_')}`] = value;
  }
  return env;
}
