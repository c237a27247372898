import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
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
    .default('name,title,caption,label,headline,code,email_address,phoneNo,reg,id')
    .transform((s) =>
      s
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  QUERY_TIMEOUT_MS: positiveInt.default(15000),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
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
  readonly queryTimeoutMs: number;
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
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
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
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
  });
}
