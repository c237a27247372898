import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryStatistics,
  type Record as Neo4jRecord,
  type Session,
  type SessionMode,
} from 'neo4j-driver';
import type { Logger } from '../logger.js';
import { toJson, type JsonValue } from './convert.js';
import { mapDatabaseError, unavailable } from './errors.js';
import { DEFAULT_RETRY, retryTransient } from './retry.js';

export type Row = Record<string, JsonValue>;

/** How long past a transaction's own timeout the client waits before giving up on the server. */
const DEADLINE_GRACE_MS = 2_000;

class DeadlineExceeded extends Error {}
export type Params = Record<string, unknown>;

export interface ConnectOptions {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly logger: Logger;
  /** Upper bound for any statement Dossier runs on its own behalf. */
  readonly queryTimeoutMs: number;
}

export interface RunOptions {
  /** Overrides the default transaction timeout. */
  readonly timeoutMs?: number;
  /** Shown in Neo4j's query log and SHOW TRANSACTIONS. */
  readonly metadata?: Record<string, unknown>;
}

/** Runs statements inside one managed transaction; every statement is counted. */
export interface Tx {
  run(cypher: string, params?: Params): Promise<Row[]>;
  /** The driver's records, for callers that need nodes and relationships as driver objects. */
  runRecords(cypher: string, params?: Params): Promise<Neo4jRecord[]>;
  /**
   * Nodes and relationships this transaction has added so far, net of those it deleted, from
   * Neo4j's own counters of each statement: what a load into an empty database holds, without a
   * statement to count it.
   */
  added(): { readonly nodes: number; readonly relationships: number };
}

export type StatementListener = (cypher: string, params: Params) => void;

/**
 * The one module that talks to Neo4j. Reads go through executeRead (so `neo4j://` routing sends
 * them to followers), values come back as JSON (see convert.ts), and errors a user can act on are
 * turned into GraphQL errors with a code (see errors.ts).
 */
export class Database {
  private readonly listeners = new Set<StatementListener>();

  private constructor(
    readonly driver: Driver,
    readonly name: string,
    private readonly logger: Logger,
    private readonly defaultTimeoutMs: number,
  ) {}

  static connect(options: ConnectOptions): Database {
    // A server with auth disabled (the local one) accepts any basic token.
    const auth = neo4j.auth.basic(options.user, options.password);
    const driver = neo4j.driver(options.uri, auth, {
      userAgent: 'dossier/0.1',
      // Fail fast rather than queue for ever when the database or the pool is stuck.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      maxConnectionPoolSize: 100,
      maxTransactionRetryTime: DEFAULT_RETRY.maxRetryTimeMs,
      logging: {
        level: 'warn',
        logger: (level, message) => options.logger.warn({ neo4jDriver: level }, message),
      },
    });
    return new Database(driver, options.database, options.logger, options.queryTimeoutMs);
  }

  /** Called with every statement sent; tests use it to count statements per request. */
  onStatement(listener: StatementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private wrap(tx: Pick<ManagedTransaction, 'run'>, sent: Sent): Tx {
    // Each statement's counters, kept as the driver made them and summed only when asked: added()
    // serves the seed, and every write statement of the API passes through here.
    const counters: QueryStatistics[] = [];
    const runRecords = async (cypher: string, params: Params = {}): Promise<Neo4jRecord[]> => {
      sent.statement = cypher;
      for (const l of this.listeners) l(cypher, params);
      // As for db.read: a write's statements come from deep stacks (resolver, runWrite, the work).
      const result = await withoutCallerStack(() => tx.run(cypher, params));
      counters.push(result.summary.counters);
      return result.records;
    };
    return {
      runRecords,
      run: async (cypher, params = {}) => (await runRecords(cypher, params)).map(recordToRow),
      added: () => {
        const added = { nodes: 0, relationships: 0 };
        for (const c of counters) {
          const u = c.updates();
          added.nodes += u.nodesCreated - u.nodesDeleted;
          added.relationships += u.relationshipsCreated - u.relationshipsDeleted;
        }
        return added;
      },
    };
  }

  private txConfig(options: RunOptions): { timeout: number; metadata?: Record<string, unknown> } {
    return {
      timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      ...(options.metadata ? { metadata: options.metadata } : {}),
    };
  }

  /**
   * One read statement; rows as JSON objects keyed by column. It runs as an auto-commit
   * transaction on a READ session: one RUN+PULL exchange with Neo4j instead of BEGIN, RUN+PULL and
   * COMMIT, which on a cheap statement is a large part of its cost. Neo4j still refuses writes in
   * it (the access mode travels with the statement), the timeout and metadata apply as in
   * readTransaction, and a transient failure is retried the same way.
   */
  read(cypher: string, params: Params = {}, options: RunOptions = {}): Promise<Row[]> {
    const config = this.txConfig(options);
    return this.withSession('READ', config.timeout, (s, sent) =>
      retryTransient(async () => {
        sent.statement = cypher;
        for (const l of this.listeners) l(cypher, params);
        const result = await withoutCallerStack(() => s.run(cypher, params, config));
        return result.records.map(recordToRow);
      }),
    );
  }

  /** One write statement. */
  write(cypher: string, params: Params = {}, options: RunOptions = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(cypher, params), options);
  }

  /** Several statements in one read transaction (retried as a whole on transient errors). */
  readTransaction<T>(work: (tx: Tx) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const config = this.txConfig(options);
    return this.withSession('READ', config.timeout, (s, sent) =>
      s.executeRead((tx) => work(this.wrap(tx, sent)), config),
    );
  }

  /**
   * Several statements in one write transaction, retried as a whole on transient errors as
   * executeWrite would. An explicit transaction rather than executeWrite, because executeWrite
   * waits for BEGIN's answer before the work may send its first statement; here BEGIN goes out
   * with the first RUN, one round trip fewer per write (what the driver's executeQuery does too).
   */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const config = this.txConfig(options);
    return this.withSession('WRITE', config.timeout, (s, sent) =>
      retryTransient(async () => {
        const tx = s.beginTransaction(config);
        try {
          const result = await work(this.wrap(tx, sent));
          await withoutCallerStack(() => tx.commit());
          return result;
        } finally {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        }
      }),
    );
  }

  /**
   * A raw session for work that must not be retried (an analyst's statement must never run
   * twice). The caller closes it. Statements run on it are not counted.
   */
  session(mode: SessionMode): Session {
    return this.driver.session({ database: this.name, defaultAccessMode: mode });
  }

  /**
   * Runs work on a fresh session with a client-side deadline. Neo4j enforces the transaction
   * timeout itself, so the deadline (timeout + grace) only fires when the server cannot answer at
   * all — frozen, partitioned — and turns a hang into a prompt DATABASE_UNAVAILABLE.
   */
  private async withSession<T>(
    mode: SessionMode,
    timeoutMs: number,
    work: (s: Session, sent: Sent) => Promise<T>,
  ): Promise<T> {
    const session = this.session(mode);
    const sent: Sent = { statement: undefined };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeadlineExceeded()), timeoutMs + DEADLINE_GRACE_MS);
    });
    let abandoned = false;
    try {
      return await Promise.race([work(session, sent), deadline]);
    } catch (err) {
      if (err instanceof DeadlineExceeded) {
        abandoned = true;
        this.logger.warn({ timeoutMs }, 'Neo4j did not answer before the deadline');
        throw unavailable();
      }
      const mapped = mapDatabaseError(err);
      if (mapped) throw mapped;
      // Statements go out without the caller's stack (see withoutCallerStack), so the statement
      // is what says which query failed.
      this.logger.error({ err, statement: sent.statement }, 'database error');
      throw err;
    } finally {
      clearTimeout(timer);
      // Closing waits for the server; after a missed deadline, let it finish in the background.
      if (abandoned) session.close().catch(() => undefined);
      else await session.close().catch(() => undefined);
    }
  }

  /** True when the database answers a trivial query within timeoutMs. */
  async ping(timeoutMs = 2_000): Promise<boolean> {
    const session = this.session('READ');
    try {
      const answered = session
        .executeRead((tx) => tx.run('RETURN 1 AS ok'), { timeout: timeoutMs })
        .then(() => true);
      const timedOut = new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref());
      return await Promise.race([answered, timedOut]);
    } catch {
      return false;
    } finally {
      session.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/** The last statement a session sent: what a failure's log line names. */
interface Sent {
  statement: string | undefined;
}

/**
 * Runs `start` with V8 capturing no stack frames. The driver captures and formats the caller's
 * stack for every statement it runs (`new Error().stack`, through source maps where they are on,
 * as in the Docker image), only to append it to the error should the statement fail. For db.read
 * the caller is always this module, and a failure is logged here with its code and message, so the
 * frames tell nothing; formatting Dossier's deep stacks cost 0.1-0.3 ms of CPU a request.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function recordToRow(record: Neo4jRecord): Row {
  const row: Row = {};
  for (const key of record.keys) row[String(key)] = toJson(record.get(key));
  return row;
}
