import type { Session, SessionMode, Transaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { consoleSlots } from '../../server/cypher/console-slots.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';
import { consoleClient, type ConsoleClient } from '../fixtures/cypher/console.js';

type TransactionConfig = NonNullable<Parameters<Session['beginTransaction']>[0]>;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Console transactions Neo4j is still running. */
async function consoleTransactions(db: Database): Promise<number> {
  const [row] = await db.read(
    "SHOW TRANSACTIONS YIELD metaData WHERE metaData.source = 'cypher-console' RETURN count(*) AS n",
  );
  return Number(row?.['n']);
}

/** Waits until the console of `client` has no statement left in Neo4j; returns how long it took. */
async function untilIdle(client: ConsoleClient, withinMs: number): Promise<number> {
  const started = Date.now();
  const slots = consoleSlots(client.config.cypher);
  while (slots.inUse > 0 && Date.now() - started < withinMs) await sleep(50);
  return Date.now() - started;
}

/**
 * Records what the console sends through the real driver: the sessions it opens (and in which
 * access mode), the transactions it begins (and their configuration), every statement it runs,
 * and whether it ever used the retrying executeRead / executeWrite.
 */
function recordConsoleTraffic(db: Database) {
  const traffic = {
    sessions: [] as SessionMode[],
    transactions: [] as TransactionConfig[],
    statements: [] as string[],
    commits: 0,
    rollbacks: 0,
    managed: 0,
  };
  const open = db.session.bind(db);
  db.session = (mode: SessionMode): Session => {
    const session = open(mode);
    traffic.sessions.push(mode);
    const begin = session.beginTransaction.bind(session);
    // The driver resolves beginTransaction with a new object, so the statements are recorded on it.
    session.beginTransaction = ((config?: TransactionConfig) => {
      traffic.transactions.push(config ?? {});
      return begin(config).then((tx: Transaction) => {
        const run = tx.run.bind(tx);
        tx.run = ((query: string, params?: Record<string, unknown>) => {
          traffic.statements.push(query);
          return run(query, params);
        }) as Transaction['run'];
        const commit = tx.commit.bind(tx);
        tx.commit = () => {
          traffic.commits++;
          return commit();
        };
        const rollback = tx.rollback.bind(tx);
        tx.rollback = () => {
          traffic.rollbacks++;
          return rollback();
        };
        return tx;
      });
    }) as unknown as Session['beginTransaction'];
    const countManaged = <T extends (...args: never[]) => unknown>(fn: T): T =>
      ((...args: Parameters<T>) => {
        traffic.managed++;
        return fn(...args);
      }) as T;
    session.executeRead = countManaged(session.executeRead.bind(session));
    session.executeWrite = countManaged(session.executeWrite.bind(session));
    return session;
  };
  return {
    traffic,
    restore: () => {
      db.session = open;
    },
  };
}

describe('the Cypher console is bounded (real Neo4j)', () => {
  let db: Database;

  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
    await db.write(
      "UNWIND range(1, 3000) AS i CREATE (:Item {i: i, label: 'item ' + i, pad: '0123456789abcdef0123456789abcdef'})",
    );
    await db.write('MATCH (a:Item), (b:Item {i: a.i + 1}) CREATE (a)-[:NEXT]->(b)');
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('returns at most CYPHER_MAX_ROWS rows, flags the truncation and cancels the rest of a 9-million-row stream', async () => {
    const client = consoleClient(db, { CYPHER_MAX_ROWS: '100' });
    const result = await client.rows('MATCH (a:Item), (b:Item) RETURN a, b.i AS other');
    expect(result.rows).toHaveLength(100);
    expect(result.truncated).toBe(true);
    expect(result.truncatedBy).toBe('ROWS');
    expect(result.graph.nodes.length).toBeGreaterThan(0);
    expect(await consoleTransactions(db)).toBe(0);
  });

  it('stops adding rows before they exceed CYPHER_MAX_RESULT_BYTES', async () => {
    const client = consoleClient(db, { CYPHER_MAX_RESULT_BYTES: '5000' });
    const result = await client.rows('MATCH (n:Item) RETURN n.i AS i, n.pad AS pad ORDER BY i');
    expect(result.truncatedBy).toBe('BYTES');
    expect(
      Buffer.byteLength(result.rows.map((r) => JSON.stringify(r)).join('')),
    ).toBeLessThanOrEqual(5000);
    expect(result.rows.length).toBeGreaterThan(10);
    expect(result.rows[0]).toEqual([1, '0123456789abcdef0123456789abcdef']);
  });

  it('leaves out a row holding one value larger than CYPHER_MAX_RESULT_BYTES without converting it', async () => {
    const client = consoleClient(db, { CYPHER_MAX_RESULT_BYTES: '100000' });
    const result = await client.rows('RETURN range(1, 300000) AS numbers, 1 AS one');
    expect(result.rows).toEqual([]);
    expect(result.truncatedBy).toBe('BYTES');
  });

  it('stops a statement at CYPHER_TIMEOUT_MS and says so with the limit', async () => {
    const client = consoleClient(db, { CYPHER_TIMEOUT_MS: '1500' });
    const res = await client.cypher(
      'MATCH (a:Item), (b:Item), (c:Item) WHERE a.i + b.i + c.i < 0 RETURN count(*)',
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', limitMs: 1500 });
    expect(res.errors?.[0]?.message).toContain('limit of 1.5 s');
    expect(await untilIdle(client, 5_000)).toBeLessThan(5_000);
  });

  it('refuses a text longer than CYPHER_MAX_QUERY_CHARS before sending anything', async () => {
    const client = consoleClient(db, { CYPHER_MAX_QUERY_CHARS: '50' });
    const res = await client.cypher(`RETURN '${'x'.repeat(60)}' AS long`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 50 });
  });

  it('refuses parameters larger than CYPHER_MAX_PARAMS_BYTES, and parameters that are not an object', async () => {
    const client = consoleClient(db, { CYPHER_MAX_PARAMS_BYTES: '1000' });
    const big = await client.cypher('RETURN $x AS x', { x: 'y'.repeat(2000) });
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 1000 });
    const list = await client.cypher('RETURN 1 AS one', [1, 2]);
    expect(list.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(list.errors?.[0]?.message).toMatch(/JSON object/);
  });

  it('refuses a script of more than CYPHER_MAX_STATEMENTS statements, and a text with none', async () => {
    const client = consoleClient(db, { CYPHER_MAX_STATEMENTS: '2' });
    const many = await client.script('RETURN 1; RETURN 2; RETURN 3');
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 2 });
    const none = await client.cypher('  // nothing here\n /* or here */ ;');
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('passes whole JSON numbers as integers and fractions as floats', async () => {
    const client = consoleClient(db);
    const result = await client.rows(
      'MATCH (n:Item) WHERE n.i = $i RETURN n.i AS i, $f AS f, valueType($i) AS it, valueType($f) AS ft LIMIT $limit',
      { i: 7, f: 2.5, limit: 1 },
    );
    expect(result.rows).toEqual([[7, 2.5, 'INTEGER NOT NULL', 'FLOAT NOT NULL']]);
  });

  it('runs a statement once, in an explicit READ transaction with the console timeout, even when it fails with a transient error', async () => {
    const client = consoleClient(db, { CYPHER_TIMEOUT_MS: '30000' });
    const { traffic, restore } = recordConsoleTraffic(db);
    const statement =
      'UNWIND range(1, 3000000) AS x RETURN size(collect(toString(x) + $pad)) AS bytes';
    try {
      // Collecting ~3 GB crosses db.memory.transaction.max: Neo4j answers with a *transient*
      // error, which the driver's managed transactions (executeRead) would retry.
      const res = await client.cypher(statement, { pad: 'p'.repeat(1000) });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RESOURCE_LIMIT' });
    } finally {
      restore();
    }
    expect(traffic.managed).toBe(0);
    expect(traffic.sessions).toEqual(['READ']);
    expect(traffic.transactions).toEqual([
      { timeout: 30000, metadata: { app: 'dossier', source: 'cypher-console', statement: 1 } },
    ]);
    expect(traffic.statements).toEqual([`EXPLAIN\n${statement}`, statement]);
    expect(traffic.commits).toBe(0);
  });

  it('ends every console transaction with a rollback, never a commit', async () => {
    const client = consoleClient(db);
    const { traffic, restore } = recordConsoleTraffic(db);
    try {
      const result = await client.rows('MATCH (a:Item)-[r:NEXT]->(b) WHERE a.i < 5 RETURN r');
      expect(result.graph.nodes).toHaveLength(5);
    } finally {
      restore();
    }
    expect(traffic.transactions).toHaveLength(1);
    expect(traffic.commits).toBe(0);
    expect(traffic.rollbacks).toBe(1);
  });

  it('answers TIMEOUT on time for a statement Neo4j cannot stop between rows, and keeps its slot until Neo4j is done', async () => {
    // Neo4j checks its time limit between rows; reduce over a long range is one expression, so it
    // runs past the limit. The console answers anyway, and holds the slot until Neo4j finishes.
    const client = consoleClient(db, { CYPHER_TIMEOUT_MS: '1000', CYPHER_MAX_CONCURRENT: '1' });
    const started = Date.now();
    // Nested over small ranges: 225M steps in one expression (seconds even on a fast, idle machine),
    // with no list large enough to hit the memory limit first (range(1, 6e7) could fail for
    // memory before the timeout).
    const res = await client.cypher(
      'RETURN reduce(s = 0, x IN range(1, 15000) | s + reduce(t = 0, y IN range(1, 15000) | t + (x * y) % 7)) AS total',
    );
    const answeredMs = Date.now() - started;
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT' });
    expect(answeredMs).toBeLessThanOrEqual(1_000 + 2_000);

    // Neo4j has not finished it (a 2.25e8-step reduce takes seconds), so its slot is still taken.
    const stillRunning = consoleSlots(client.config.cypher).inUse === 1;
    const busy = await client.cypher('RETURN 1 AS one');
    if (stillRunning) {
      expect(busy.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    }
    const doneMs = answeredMs + (await untilIdle(client, 120_000));
    expect(consoleSlots(client.config.cypher).inUse).toBe(0);
    expect((await client.rows('RETURN 1 AS one')).rows).toEqual([[1]]);
    console.log(
      `[cypher] nested reduce of 2.25e8 steps with a 1 s limit: answered TIMEOUT after ${answeredMs} ms; Neo4j finished it after ${doneMs} ms${stillRunning ? ' (a second statement meanwhile was RATE_LIMITED)' : ''}`,
    );
  });

  it('refuses the console fields when CYPHER_CONSOLE_ENABLED=false', async () => {
    const client = consoleClient(db, { CYPHER_CONSOLE_ENABLED: 'false' });
    const res = await client.cypher('RETURN 1 AS one');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const script = await client.script('RETURN 1 AS one');
    expect(script.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
