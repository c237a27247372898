import neo4j, { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toStatementParams } from '../../server/cypher/params.js';
import { toPlanTree } from '../../server/cypher/plan-tree.js';
import { inScript, type StatementPlace } from '../../server/cypher/refusal.js';
import { ResultGraph } from '../../server/cypher/result-graph.js';
import { statementError } from '../../server/cypher/statement-errors.js';
import { minJsonBytes } from '../../server/cypher/value-size.js';
import { toJson } from '../../server/db/convert.js';
import { prepareStatement } from '../../server/cypher/statement-prefix.js';

const { Node, Relationship, Path, PathSegment } = neo4j.types;
const int = neo4j.int;

describe('toStatementParams', () => {
  it('sends whole numbers as integers, everything else as it is, nested too', () => {
    const p = toStatementParams({ n: 3, f: 0.5, s: '3', list: [1, 2.5], map: { k: 4 } }, 1000);
    expect(neo4j.isInt(p['n'])).toBe(true);
    expect(p['f']).toBe(0.5);
    expect(p['s']).toBe('3');
    expect(neo4j.isInt((p['list'] as unknown[])[0])).toBe(true);
    expect((p['list'] as unknown[])[1]).toBe(2.5);
    expect(neo4j.isInt((p['map'] as Record<string, unknown>)['k'])).toBe(true);
  });

  it('refuses non-objects and objects over the size limit', () => {
    expect(toStatementParams(null, 10)).toEqual({});
    expect(() => toStatementParams('x', 10)).toThrow(/JSON object/);
    expect(() => toStatementParams({ s: 'x'.repeat(20) }, 10)).toThrow(/at most 10/);
  });
});

describe('ResultGraph', () => {
  const a = new Node(int(1), ['Person'], { name: 'A' }, '4:x:1');
  const b = new Node(int(2), ['Person'], { name: 'B' }, '4:x:2');
  const c = new Node(int(3), ['Outlet'], { name: 'C' }, '4:x:3');
  const ab = new Relationship(int(10), int(1), int(2), 'KNOWS', {}, '5:x:10', '4:x:1', '4:x:2');
  const bc = new Relationship(int(11), int(2), int(3), 'TOLD', {}, '5:x:11', '4:x:2', '4:x:3');

  it('collects nodes and relationships from paths, lists and maps once each', () => {
    const graph = new ResultGraph();
    const path = new Path(a, c, [new PathSegment(a, ab, b), new PathSegment(b, bc, c)]);
    graph.add(path);
    graph.add([a, { nested: [b, ab] }]);
    graph.add('not a graph value');
    expect([...graph.nodes.keys()]).toEqual(['4:x:1', '4:x:2', '4:x:3']);
    expect([...graph.edges.keys()]).toEqual(['5:x:10', '5:x:11']);
    expect(graph.missingEnds()).toEqual([]);
  });

  it('lists the ends of relationships whose nodes were not returned', () => {
    const graph = new ResultGraph();
    graph.add(bc);
    graph.add(b);
    expect(graph.missingEnds()).toEqual(['4:x:3']);
  });
});

describe('toPlanTree', () => {
  it('numbers operators depth-first, links parents and drops the database suffix', () => {
    const plan = {
      operatorType: 'ProduceResults@neo4j',
      identifiers: ['n'],
      arguments: { Details: 'n', EstimatedRows: 10 },
      children: [
        {
          operatorType: 'Filter@neo4j',
          identifiers: ['n'],
          arguments: { Details: 'n.x = 1', EstimatedRows: 10 },
          children: [
            {
              operatorType: 'AllNodesScan@neo4j',
              identifiers: ['n'],
              arguments: {},
              children: [],
              rows: 100,
              dbHits: 101,
            },
          ],
          rows: 10,
          dbHits: 200,
        },
      ],
      rows: 10,
      dbHits: 0,
    };
    const { root, operators } = toPlanTree(plan, true);
    expect(
      operators.map((o) => [o.id, o.parentId, o.depth, o.operatorType, o.rows, o.dbHits]),
    ).toEqual([
      [0, null, 0, 'ProduceResults', 10, 0],
      [1, 0, 1, 'Filter', 10, 200],
      [2, 1, 2, 'AllNodesScan', 100, 101],
    ]);
    expect(root?.children[0]?.details).toBe('n.x = 1');
    expect(toPlanTree(plan, false).operators.every((o) => o.rows === null)).toBe(true);
  });
});

describe('statementError', () => {
  // 'MATCH (n\nRETURN n' is the second statement, starting at line 3, column 5 (offset 15).
  const place: StatementPlace = { line: 3, column: 5, offset: 15, index: 2, count: 2 };
  const context = {
    statement: prepareStatement('MATCH (n\nRETURN n'),
    place,
    script: 'RETURN 1;\n\n    MATCH (n\nRETURN n',
    sentPrefix: 'EXPLAIN\n',
    database: 'neo4j',
    timeoutMs: 5000,
    mode: 'RUN' as const,
  };

  it('moves a syntax error from the text Neo4j saw to the script the analyst sent', () => {
    const err = new Neo4jError(
      "Invalid input 'RETURN': expected ')' (line 3, column 1 (offset: 17))\n\"RETURN n\"\n ^",
      'Neo.ClientError.Statement.SyntaxError',
      '42001',
      'error: syntax error',
    );
    const mapped = statementError(err, context);
    expect(mapped?.extensions).toMatchObject({
      code: 'CYPHER_SYNTAX_ERROR',
      line: 4,
      column: 1,
      statement: 2,
    });
    expect(mapped?.message).toBe(
      "Invalid input 'RETURN': expected ')' (line 4, column 1)\n\"RETURN n\"\n ^",
    );
    expect(JSON.stringify(mapped?.extensions)).not.toContain('Neo.ClientError');
  });

  it('turns a transaction timeout into TIMEOUT with the limit', () => {
    const err = new Neo4jError(
      'The transaction has been terminated.',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      '25N06',
      'error',
    );
    const mapped = statementError(err, context);
    expect(mapped?.extensions).toMatchObject({ code: 'TIMEOUT', limitMs: 5000, statement: 2 });
    expect(mapped?.message).toMatch(/^Statement 2 of 2 ran longer than the console's limit of 5 s/);
  });

  it('refuses an unknown procedure outside the allow-list instead of calling it missing', () => {
    const err = new Neo4jError(
      'There is no procedure with the name `apoc.cypher.run` registered for this database instance.',
      'Neo.ClientError.Procedure.ProcedureNotFound',
      '42N08',
      'error',
    );
    const mapped = statementError(err, {
      ...context,
      statement: prepareStatement("CALL apoc.cypher.run('CREATE ()', {})"),
    });
    expect(mapped?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PROCEDURE',
      line: 3,
      column: 5,
    });
  });

  it('leaves failures that are not the analyst’s to the caller', () => {
    expect(statementError(new Error('socket closed'), context)).toBeUndefined();
  });

  it('places positions of a later line at their own column', () => {
    expect(inScript(place, { line: 1, column: 3, offset: 2 })).toEqual({
      line: 3,
      column: 7,
      offset: 17,
    });
    expect(inScript(place, { line: 2, column: 3, offset: 11 })).toEqual({
      line: 4,
      column: 3,
      offset: 26,
    });
  });
});

describe('minJsonBytes', () => {
  const a = new Node(int(1), ['Person'], { name: 'A', tags: ['x', 'y'] }, '4:x:1');
  const b = new Node(int(2), ['Person'], { name: 'B' }, '4:x:2');
  const ab = new Relationship(
    int(10),
    int(1),
    int(2),
    'KNOWS',
    { since: 2001 },
    '5:x:10',
    '4:x:1',
    '4:x:2',
  );
  const samples: unknown[][] = [
    [1, 'two', null, true, 2.5],
    [[1, 2, 3], { k: 'v', n: [] }, []],
    [a, ab, b],
    [new Path(a, b, [new PathSegment(a, ab, b)])],
    [int(42), 'ünïcödé'],
  ];

  it('never exceeds the size of the row as JSON', () => {
    for (const values of samples) {
      const actual = Buffer.byteLength(JSON.stringify(values.map(toJson)), 'utf8');
      expect(minJsonBytes(values, Infinity)).toBeLessThanOrEqual(actual);
    }
  });

  it('stops counting a huge list as soon as it passes the limit, without reading its items', () => {
    let itemsRead = 0;
    const huge = new Proxy(new Array<number>(5_000_000).fill(7), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) itemsRead++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(minJsonBytes([huge], 1000)).toBeGreaterThan(1000);
    expect(itemsRead).toBe(0);
  });
});
