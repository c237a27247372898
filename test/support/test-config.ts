import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config.js';

/**
 * A users file that does not exist, so tests see the single local editor even on a machine
 * where a developer has added users to the default `.data/users.json` (which would otherwise
 * make every test request need a token). The app only reads it, so its directory is never made
 * (a temporary one per test file was left behind by every run: a thousand in /tmp here).
 */
const NO_USERS = join(tmpdir(), `dossier-test-no-users-${randomUUID()}`, 'users.json');

/** The app's configuration for tests: `env` over the defaults, with no users unless `env` names a file. */
export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({ DOSSIER_USERS_FILE: NO_USERS, ...env });
}
