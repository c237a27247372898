import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { deleteAllNodes, type DeletedBatch } from '../../server/db/delete-all.js';
import { connectTestDatabase, resetDatabase } from '../support/database.js';

describe('the database module on a real Neo4j', () => {
  let db: Database;
  beforeAll(async () => {
    db = connectTestDatabase();
    await resetDatabase(db);
  });
  afterAll(async () => {
    await resetDatabase(db);
    await db.close();
  });

  it('writes a node and reads it back with its values converted', async () => {
    await db.write(
      `CREATE (:RoundTrip {id: $id, big: 9007199254740993, when: date('2022-06-01'), at: point({longitude: -2.6, latitude: 53.5}), tags: ['a', 'b']})`,
      { id: 'rt-1' },
    );
    const rows = await db.read('MATCH (n:RoundTrip {id: $id}) RETURN n, n.big AS big', {
      id: 'rt-1',
    });
    expect(rows).toHaveLength(1);
    const row = rows[0] as {
      n: { labels: string[]; properties: Record<string, unknown> };
      big: unknown;
    };
    expect(row.big).toBe('9007199254740993');
    expect(row.n.labels).toEqual(['RoundTrip']);
    expect(row.n.properties).toMatchObject({
      id: 'rt-1',
      when: '2022-06-01',
      tags: ['a', 'b'],
      at: { crs: 'wgs-84', longitude: -2.6, latitude: 53.5 },
    });
  });

  it('refuses a write inside a READ-mode transaction, and the graph is unchanged', async () => {
    const before = await db.read('MATCH (n) RETURN count(n) AS c');
    await expect(db.read("CREATE (:ShouldNotExist {id: 'x'})")).rejects.toMatchObject({
      extensions: { code: 'READ_ONLY' },
    });
    const after = await db.read('MATCH (n) RETURN count(n) AS c');
    expect(after).toEqual(before);
    expect(await db.read('MATCH (n:ShouldNotExist) RETURN n')).toEqual([]);
  });

  it('runs a single read as one auto-commit transaction (no BEGIN and COMMIT round trips)', async () => {
    // Neo4j allows CALL { … } IN TRANSACTIONS only in an implicit (auto-commit) transaction.
    const statement = 'CALL () { RETURN 1 AS x } IN TRANSACTIONS RETURN x';
    expect(await db.read(statement)).toEqual([{ x: 1 }]);
    await expect(db.readTransaction((tx) => tx.run(statement))).rejects.toThrow(
      /implicit transaction/i,
    );
  });

  it('logs an unexpected failure with the statement that failed, since statements carry no caller stack', async () => {
    const lines: { msg?: string; statement?: string; err?: { code?: string } }[] = [];
    const logged = connectTestDatabase({
      logger: pino({ level: 'error' }, { write: (line: string) => lines.push(JSON.parse(line)) }),
    });
    try {
      await expect(
        logged.read('RETURN 1 / toInteger($zero) AS x', { zero: 0 }),
      ).rejects.toMatchObject({
        code: 'Neo.ClientError.Statement.ArithmeticError',
      });
      await expect(
        logged.writeTransaction(async (tx) => {
          await tx.run('RETURN 1 AS first');
          return tx.run('RETURN 2 / toInteger($zero) AS second', { zero: 0 });
        }),
      ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.ArithmeticError' });
    } finally {
      await logged.close();
    }
    expect(lines.map((l) => [l.msg, l.statement, l.err?.code])).toEqual([
      [
        'database error',
        'RETURN 1 / toInteger($zero) AS x',
        'Neo.ClientError.Statement.ArithmeticError',
      ],
      [
        'database error',
        'RETURN 2 / toInteger($zero) AS second',
        'Neo.ClientError.Statement.ArithmeticError',
      ],
    ]);
  });

  it('answers a ping', async () => {
    expect(await db.ping()).toBe(true);
  });

  it('reports every statement it sends to listeners', async () => {
    const seen: string[] = [];
    const off = db.onStatement((cypher) => seen.push(cypher));
    await db.read('RETURN 1 AS one');
    off();
    await db.read('RETURN 2 AS two');
    expect(seen).toEqual(['RETURN 1 AS one']);
  });
  it('deletes everything in transactions bounded by the batch size, even around a hub', async () => {
    // A hub with 250 neighbours: deleting it with its relationships in one go is a transaction of
    // 251 entities, which on a 1M graph (hubs of 30,000) broke the transaction memory limit.
    await db.write(
      'CREATE (h:DeleteHub) WITH h UNWIND range(1, 250) AS i CREATE (h)-[:SPOKE]->(:DeleteLeaf {i: i})',
    );
    await db.write('UNWIND range(1, 30) AS i CREATE (:DeleteLoner {i: i})');
    const [before] = await db.read(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
    );
    const batches: DeletedBatch[] = [];
    await deleteAllNodes(db, { batchSize: 100, onBatch: (b) => batches.push(b) });

    const [after] = await db.read(
      'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
    );
    expect(after).toEqual({ nodes: 0, rels: 0 });
    expect(batches.length).toBeGreaterThan(1);
    for (const b of batches) expect(b.nodes + b.relationships).toBeLessThanOrEqual(100);
    expect(batches.reduce((n, b) => n + b.nodes, 0)).toBe(before?.['nodes']);
    expect(batches.reduce((n, b) => n + b.relationships, 0)).toBe(before?.['rels']);
  });

  it('refuses a batch size that is not a positive integer, and deletes nothing', async () => {
    await db.write('CREATE (:DeleteKeep)');
    await expect(deleteAllNodes(db, { batchSize: 0 })).rejects.toThrow(/positive integer/);
    await expect(deleteAllNodes(db, { batchSize: 2.5 })).rejects.toThrow(/positive integer/);
    const [row] = await db.read('MATCH (n:DeleteKeep) RETURN count(n) AS c');
    expect(row?.['c']).toBe(1);
  });
});
