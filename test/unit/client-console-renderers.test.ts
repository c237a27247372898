import { describe, expect, it } from 'vitest';
import type { CypherStatementResult } from '../../client/src/console/cypher-result.js';
import {
  cellText,
  failureTitle,
  isFailure,
  parseParams,
  summaryText,
  tabAfterRun,
  tableModel,
  TABLE_ROWS,
} from '../../client/src/console/result-renderers.js';

const result = (over: Partial<CypherStatementResult> = {}): CypherStatementResult => ({
  columns: ['n', 'name'],
  rows: [[{ id: '4:x:1', labels: ['Crime'], properties: { type: 'Theft' } }, 'x']],
  subgraph: {
    nodes: [{ id: '4:x:1', labels: ['Crime'], properties: {}, caption: 'Theft 24/08' }],
    edges: [],
  },
  queryType: 'READ_ONLY',
  serverMs: 12,
  notifications: [],
  truncated: false,
  plan: null,
  ...over,
});

describe('console result renderers (pure)', () => {
  it('captions a node in the table with the server’s caption, the same rule as the graph', () => {
    const t = tableModel(result());
    expect(t.header).toEqual(['#', 'n', 'name']);
    expect(t.rows).toEqual([['1', '(:Crime Theft 24/08)', 'x']]);
    expect(t.note).toBeNull();
    expect(cellText({ type: 'KNOWS', start: 'a', end: 'b', properties: {} }, new Map())).toBe(
      '[:KNOWS]',
    );
    expect(cellText(['a', 1], new Map())).toBe('a, 1');
  });

  it('shows the first rows of a long result and says how many there are', () => {
    const rows = Array.from({ length: TABLE_ROWS + 5 }, (_, i) => [i]);
    const t = tableModel(result({ columns: ['i'], rows }));
    expect(t.rows).toHaveLength(TABLE_ROWS);
    expect(t.note).toBe(`First ${TABLE_ROWS} of 505 rows shown; export the JSON tab for all.`);
  });

  it('summarises a run and picks the tab to show after it', () => {
    expect(summaryText(result({ truncated: true }), 7)).toBe(
      '1 row (truncated) · 1 nodes · 0 relationships · 7 ms',
    );
    const plan = {
      operator: 'ProduceResults',
      details: '',
      estimatedRows: 1,
      rows: null,
      dbHits: null,
      children: [],
    };
    expect(tabAfterRun('graph', result({ plan }), true)).toBe('plan');
    expect(tabAfterRun('plan', result(), false)).toBe('graph');
    expect(tabAfterRun('graph', result({ subgraph: { nodes: [], edges: [] } }), false)).toBe(
      'table',
    );
    expect(tabAfterRun('json', result(), false)).toBe('json');
  });

  it('reads the parameters box, or says how to write it', () => {
    expect(parseParams('')).toEqual({});
    expect(parseParams('{"name": "Forbes"}')).toEqual({ name: 'Forbes' });
    const bad = parseParams('{name: Forbes}');
    expect(isFailure(bad)).toBe(true);
    expect(isFailure(parseParams('[1]'))).toBe(true);
    expect(failureTitle({ message: 'm', code: null, line: 2, column: 5 })).toBe(
      'Error at line 2, column 5',
    );
    expect(failureTitle({ message: 'm', code: null, line: null, column: null })).toBe('Error');
  });
});
