import { describe, expect, it } from 'vitest';
import { checkReadOnly, type PlanLike } from '../../server/cypher/read-only-check.js';
import { prepareStatement } from '../../server/cypher/statement-prefix.js';

/** A plan as Neo4j 5.26 reports it: operator@database, arguments with Details. */
function plan(operatorType: string, details = '', children: PlanLike[] = []): PlanLike {
  return { operatorType: `${operatorType}@neo4j`, arguments: { Details: details }, children };
}

const check = (query: string, queryType: string, root: PlanLike) =>
  checkReadOnly(prepareStatement(query), { queryType, plan: root }, 'neo4j');

describe('checkReadOnly (the decision comes from the plan)', () => {
  it('lets a read plan through', () => {
    expect(
      check('MATCH (n) RETURN n', 'r', plan('ProduceResults', 'n', [plan('AllNodesScan', 'n')])),
    ).toBeUndefined();
  });

  it('refuses any query type but r, even when no write keyword can be found', () => {
    expect(check('RETURN 1', 'rw', plan('ProduceResults'))).toMatchObject({
      reason: 'WRITE',
      where: { line: 1, column: 1 },
    });
    expect(check('RETURN 1', undefined as unknown as string, plan('ProduceResults'))).toMatchObject(
      { reason: 'WRITE' },
    );
  });

  it('refuses procedures outside the allow-list even in a read plan, and allows those on it', () => {
    const stats = plan('ProduceResults', '', [
      plan('ProcedureCall', 'db.stats.collect($autostring_0) :: (section :: STRING)'),
    ]);
    expect(check("CALL db.stats.collect('QUERIES')", 'r', stats)).toMatchObject({
      reason: 'PROCEDURE',
      where: { clause: 'CALL db.stats.collect', column: 1 },
    });
    const labels = plan('ProduceResults', '', [
      plan('ProcedureCall', 'db.labels() :: (label :: STRING)'),
    ]);
    expect(check('CALL db.labels()', 'r', labels)).toBeUndefined();
  });

  it('refuses LOAD CSV, IN TRANSACTIONS and SHOW TRANSACTIONS in read plans', () => {
    expect(
      check(
        "LOAD CSV FROM 'http://x' AS r RETURN r",
        'r',
        plan('ProduceResults', '', [plan('LoadCSV')]),
      ),
    ).toMatchObject({ reason: 'LOAD_CSV' });
    expect(
      check(
        'CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN n',
        'r',
        plan('ProduceResults', '', [plan('TransactionApply')]),
      ),
    ).toMatchObject({ reason: 'IN_TRANSACTIONS', where: { column: 29 } });
    expect(
      check('SHOW TRANSACTIONS', 'r', plan('ProduceResults', '', [plan('ShowTransactions')])),
    ).toMatchObject({
      reason: 'COMMAND',
      where: { clause: 'SHOW TRANSACTIONS' },
    });
    expect(
      check('SHOW INDEXES', 'r', plan('ProduceResults', '', [plan('ShowIndexes')])),
    ).toBeUndefined();
  });

  it('refuses operators planned on another database and administration commands', () => {
    const system: PlanLike = {
      operatorType: 'AdministrationCommand@system',
      arguments: {},
      children: [],
    };
    expect(check('SHOW USERS', 's', system)).toMatchObject({
      reason: 'ADMINISTRATION',
      where: { clause: 'SHOW USERS' },
    });
    const elsewhere: PlanLike = {
      operatorType: 'ProduceResults@other',
      arguments: {},
      children: [],
    };
    expect(check('MATCH (n) RETURN n', 'r', elsewhere)).toMatchObject({ reason: 'DATABASE' });
  });

  it('calls schema commands schema changes', () => {
    expect(check('CREATE INDEX i FOR (n:X) ON (n.a)', 's', plan('CreateIndex'))).toMatchObject({
      reason: 'SCHEMA',
      where: { clause: 'CREATE INDEX' },
    });
  });
});
