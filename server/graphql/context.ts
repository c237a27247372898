import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

/** What every resolver receives; built once per request. */
export interface GraphQLContext {
  readonly db: Database;
  readonly config: Config;
  readonly logger: Logger;
}
