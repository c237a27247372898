import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { countUsers } from './auth/users-file.js';
import { projectRoot } from './paths.js';

/**
 * The only reader of process.env. Every variable is parsed and validated once, every problem is
 * reported together, and the result is a frozen camelCase object.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Readable lines and progress bars on a terminal, JSON lines elsewhere (auto), or either always.
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),

  // An external Neo4j; when unset Dossier runs its own local Neo4j.
  NEO4J_URI: z
    .string()
    .regex(
      /^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/,
      'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)',
    )
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),

  // The local Neo4j.
  LOCAL_NEO4J_PORT: port.default(7688),
  LOCAL_NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'must look like 512m or 2g')
    .default('1g'),
  DOSSIER_DATA_DIR: z.string().default('.data'),
  DOSSIER_CACHE_DIR: z.string().default('.cache'),

  // Seed the story graph when the database is empty.
  AUTO_SEED: bool.default(true),
  // Property keys tried in order for a node's caption.
  CAPTION_KEYS: z
    .string()
    .default('name,title,caption,label,headline,address,code,email_address,phoneNo,reg,badge_no,id')
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  // The Cypher console: bounds on one analyst's statement (see server/cypher/).
  CYPHER_TIMEOUT_MS: positiveInt.default(5000),
  CYPHER_MAX_ROWS: positiveInt.default(1000),
  CYPHER_MAX_RESULT_BYTES: positiveInt.default(4 * 1024 * 1024),
  CYPHER_MAX_QUERY_CHARS: positiveInt.default(20_000),
  CYPHER_MAX_PARAMS_BYTES: positiveInt.default(64 * 1024),
  CYPHER_MAX_STATEMENTS: positiveInt.default(20),
  CYPHER_MAX_CONCURRENT: positiveInt.default(4),
  QUERY_TIMEOUT_MS: positiveInt.default(15000),

  // Access. Bound to anything but loopback, every request must carry this token.
  DOSSIER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // People and their roles (npm run users); outside Neo4j, which the Cypher console can read.
  DOSSIER_USERS_FILE: z.string().optional(),
  // Origins allowed to call the API from a browser (comma-separated); none by default.
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  GRAPHIQL_ENABLED: bool.optional(),
  INTROSPECTION_ENABLED: bool.optional(),
  // Largest request body accepted, in bytes.
  MAX_BODY_BYTES: positiveInt.default(256 * 1024),
  // The ad-hoc Cypher console (read-only either way); off refuses its fields.
  CYPHER_CONSOLE_ENABLED: bool.default(true),
  // Cypher console requests per client per minute.
  CYPHER_RATE_PER_MINUTE: positiveInt.default(120),
  // Longest source text addSource accepts, in characters (kept under MAX_BODY_BYTES' default).
  SOURCE_MAX_CHARS: positiveInt.default(200_000),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  /** `auto`: pretty on a terminal, JSON lines otherwise (server/logger.ts decides). */
  readonly logFormat: 'auto' | 'pretty' | 'json';
  readonly neo4j: {
    /** undefined means: run the local Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string;
    readonly database: string;
  };
  readonly localNeo4j: {
    readonly port: number;
    readonly heap: string;
    readonly dataDir: string;
    readonly cacheDir: string;
  };
  readonly autoSeed: boolean;
  readonly captionKeys: readonly string[];
  /** Bounds on the Cypher console's statements. */
  readonly cypher: {
    /** Transaction timeout per statement, enforced by Neo4j. */
    readonly timeoutMs: number;
    /** Rows returned per statement; more sets `truncated`. */
    readonly maxRows: number;
    /** Size of the rows returned per statement (as JSON); more sets `truncated`. */
    readonly maxResultBytes: number;
    /** Length of the text sent (one statement or a whole script). */
    readonly maxQueryChars: number;
    /** Size of the parameters as JSON. */
    readonly maxParamsBytes: number;
    /** Statements per script. */
    readonly maxStatements: number;
    /** Console statements running at once in Neo4j, across all clients. */
    readonly maxConcurrent: number;
  };
  readonly queryTimeoutMs: number;
  /** Bounds on sourced writes (server/writes/). */
  readonly writes: {
    /** Longest source text addSource accepts, in characters. */
    readonly sourceMaxChars: number;
  };
  readonly access: {
    /** Required on every request when set (always set when bound beyond loopback). */
    readonly token: string | undefined;
    /** The users file (server/auth/users-file.ts): token hashes and roles. */
    readonly usersFile: string;
    /** True when HOST is a loopback address: alone there with no users, one needs no token. */
    readonly loopback: boolean;
    readonly corsOrigins: readonly string[];
    readonly graphiql: boolean;
    readonly introspection: boolean;
    readonly maxBodyBytes: number;
    readonly cypherConsole: boolean;
    readonly cypherRatePerMinute: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const absolute = (p: string): string => (isAbsolute(p) ? p : resolve(projectRoot, p));

/** Parses an environment (process.env by default); throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset", as in most shells' `FOO= cmd`.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const usersFile = absolute(e.DOSSIER_USERS_FILE ?? join(e.DOSSIER_DATA_DIR, 'users.json'));
  if (!LOOPBACK.has(e.HOST) && e.DOSSIER_TOKEN === undefined && countUsers(usersFile) === 0) {
    throw new ConfigError([
      `HOST: ${e.HOST} makes Dossier reachable from other machines, so it needs DOSSIER_TOKEN (a secret of 16+ characters that every request must send as "Authorization: Bearer <token>") or at least one user (npm run users -- add NAME --role editor), or bind HOST=127.0.0.1.`,
    ]);
  }
  const production = e.NODE_ENV === 'production';
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
    }),
    localNeo4j: Object.freeze({
      port: e.LOCAL_NEO4J_PORT,
      heap: e.LOCAL_NEO4J_HEAP,
      dataDir: absolute(e.DOSSIER_DATA_DIR),
      cacheDir: absolute(e.DOSSIER_CACHE_DIR),
    }),
    autoSeed: e.AUTO_SEED,
    captionKeys: Object.freeze(e.CAPTION_KEYS),
    cypher: Object.freeze({
      timeoutMs: e.CYPHER_TIMEOUT_MS,
      maxRows: e.CYPHER_MAX_ROWS,
      maxResultBytes: e.CYPHER_MAX_RESULT_BYTES,
      maxQueryChars: e.CYPHER_MAX_QUERY_CHARS,
      maxParamsBytes: e.CYPHER_MAX_PARAMS_BYTES,
      maxStatements: e.CYPHER_MAX_STATEMENTS,
      maxConcurrent: e.CYPHER_MAX_CONCURRENT,
    }),
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    writes: Object.freeze({ sourceMaxChars: e.SOURCE_MAX_CHARS }),
    access: Object.freeze({
      token: e.DOSSIER_TOKEN,
      usersFile,
      loopback: LOOPBACK.has(e.HOST),
      corsOrigins: Object.freeze(e.CORS_ORIGINS),
      // GraphiQL and introspection are on in development and off in production unless asked for.
      graphiql: e.GRAPHIQL_ENABLED ?? !production,
      introspection: e.INTROSPECTION_ENABLED ?? !production,
      maxBodyBytes: e.MAX_BODY_BYTES,
      cypherConsole: e.CYPHER_CONSOLE_ENABLED,
      cypherRatePerMinute: e.CYPHER_RATE_PER_MINUTE,
    }),
  });
}
