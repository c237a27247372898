import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

/** What a person may do: read; add and change facts; and manage users as well. */
export type Role = 'reader' | 'editor' | 'admin';

/** Who is making the request; every change records `name` as its author. */
export interface Actor {
  readonly name: string;
  readonly role: Role;
}

/**
 * The person on loopback with no users configured: a single user who may write, no login
 * (issue 13: nothing changes for one person on their own machine).
 */
export const LOCAL_ACTOR: Actor = { name: 'local', role: 'editor' };

/** What every resolver receives; built once per request. */
export interface GraphQLContext {
  readonly db: Database;
  readonly config: Config;
  readonly logger: Logger;
  readonly actor: Actor;
}
