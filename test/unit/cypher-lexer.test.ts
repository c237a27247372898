import { describe, expect, it } from 'vitest';
import { tokenize } from '../../server/cypher/lexer.js';
import {
  locateCommand,
  locateForeignUse,
  locateInTransactions,
  locateProcedureCall,
  locateWords,
  locateWrite,
} from '../../server/cypher/locate.js';
import { effectiveMode, prepareStatement } from '../../server/cypher/statement-prefix.js';

describe('tokenize', () => {
  it('keeps strings, quoted names and parameters whole and skips comments', () => {
    const tokens = tokenize(
      "MATCH (n:`a b`) // CREATE\nWHERE n.x = 'CREATE; \\'x\\'' /* SET */ RETURN $p",
    );
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'MATCH'],
      ['symbol', '('],
      ['word', 'n'],
      ['symbol', ':'],
      ['quoted', '`a b`'],
      ['symbol', ')'],
      ['word', 'WHERE'],
      ['word', 'n'],
      ['symbol', '.'],
      ['word', 'x'],
      ['symbol', '='],
      ['string', "'CREATE; \\'x\\''"],
      ['word', 'RETURN'],
      ['parameter', '$p'],
    ]);
  });

  it('reads a variable-length range as numbers around two dots', () => {
    expect(tokenize('[*1..3]').map((t) => t.text)).toEqual(['[', '*', '1', '.', '.', '3', ']']);
  });
});

describe('prepareStatement', () => {
  it('reads CYPHER options and a typed PROFILE, blanking only the PROFILE', () => {
    const s = prepareStatement('CYPHER 5 runtime=slotted PROFILE MATCH (n) RETURN n');
    expect(s.typedMode).toBe('PROFILE');
    expect(s.body).toBe('CYPHER 5 runtime=slotted         MATCH (n) RETURN n');
    expect(s.tokens[s.firstClause]?.text).toBe('MATCH');
  });

  it('lets EXPLAIN win over PROFILE, typed or requested', () => {
    expect(prepareStatement('EXPLAIN PROFILE RETURN 1').typedMode).toBe('EXPLAIN');
    expect(effectiveMode('RUN', 'PROFILE')).toBe('PROFILE');
    expect(effectiveMode('PROFILE', 'EXPLAIN')).toBe('EXPLAIN');
    expect(effectiveMode('EXPLAIN', undefined)).toBe('EXPLAIN');
    expect(effectiveMode('RUN', undefined)).toBe('RUN');
  });
});

describe('locating the clause to blame', () => {
  it('finds the first write clause, not keywords in strings, names, properties or map keys', () => {
    const s = prepareStatement(
      "MATCH (create:`SET` {delete: 1}) WHERE create.remove = 'MERGE'\n  DETACH DELETE create",
    );
    expect(locateWrite(s)).toEqual({ clause: 'DETACH DELETE', line: 2, column: 3, offset: 65 });
  });

  it('finds the CALL of a named procedure, however it is spaced', () => {
    const s = prepareStatement('MATCH (n) WITH n\nCALL  db . createLabel("X") RETURN n');
    expect(locateProcedureCall(s, 'db.createLabel')).toMatchObject({ line: 2, column: 1 });
  });

  it('finds LOAD CSV and IN TRANSACTIONS', () => {
    expect(
      locateWords(prepareStatement("WITH 1 AS x LOAD CSV FROM 'f' AS r RETURN r"), 'LOAD', 'CSV'),
    ).toMatchObject({ column: 13 });
    expect(
      locateInTransactions(
        prepareStatement('CALL { RETURN 1 AS x } IN 3 CONCURRENT TRANSACTIONS RETURN x'),
      ),
    ).toMatchObject({ clause: 'IN TRANSACTIONS', column: 24 });
  });

  it('names a command by its leading words', () => {
    expect(locateCommand(prepareStatement('create or replace database x')).clause).toBe(
      'CREATE OR REPLACE DATABASE',
    );
    expect(locateCommand(prepareStatement('DROP INDEX foo IF EXISTS')).clause).toBe('DROP INDEX');
  });

  it('finds USE of another database where a query or subquery starts, but not a variable named use', () => {
    expect(
      locateForeignUse(prepareStatement('USE neo4j MATCH (n) RETURN n'), 'neo4j'),
    ).toBeUndefined();
    expect(locateForeignUse(prepareStatement('MATCH (use) RETURN use'), 'neo4j')).toBeUndefined();
    expect(locateForeignUse(prepareStatement('USE system SHOW USERS'), 'neo4j')).toMatchObject({
      clause: 'USE system',
      column: 1,
    });
    expect(
      locateForeignUse(
        prepareStatement('CALL { USE graph.byName($g) RETURN 1 AS x } RETURN x'),
        'neo4j',
      ),
    ).toMatchObject({ column: 8 });
  });
});
