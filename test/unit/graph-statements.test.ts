import { describe, expect, it } from 'vitest';
import { hopPattern, nameAlternatives, quoteName } from '../../server/graph/cypher-names.js';
import { multiHopStatement, oneHopStatement } from '../../server/graph/find-neighbourhood.js';
import { decodeCursor, encodeCursor } from '../../server/graph/find-nodes.js';
import { pathsStatement } from '../../server/graph/find-paths.js';
import { similarNames } from '../../server/graph/live-schema.js';
import { metaGraph, schemaOverviewStatement } from '../../server/graph/schema-overview.js';
import { chooseIndex, fulltextStatement } from '../../server/graph/search.js';

describe('Cypher built from checked names', () => {
  it('backtick-quotes names, doubling backticks inside them', () => {
    expect(quoteName('Person')).toBe('`Person`');
    expect(quoteName('odd`) DELETE n //')).toBe('`odd``) DELETE n //`');
    expect(nameAlternatives(['A', 'B c'])).toBe(':`A`|`B c`');
    expect(nameAlternatives([])).toBe('');
  });

  it('writes one-hop patterns in each direction, with optional types and labels', () => {
    const opts = { types: ['KNOWS'], toLabels: ['Person'] };
    expect(hopPattern('f', 'r', 'm', { ...opts, direction: 'OUTGOING' })).toBe(
      '(f)-[r:`KNOWS`]->(m:`Person`)',
    );
    expect(hopPattern('f', 'r', 'm', { ...opts, direction: 'INCOMING' })).toBe(
      '(f)<-[r:`KNOWS`]-(m:`Person`)',
    );
    expect(hopPattern('f', '', '', { types: [], direction: 'BOTH' })).toBe('(f)-[]-()');
  });

  it('keeps every value a parameter: ids, limits and search text never enter the text', () => {
    const shape = { types: ['T'], labels: [], direction: 'BOTH' as const, withDegree: true };
    for (const cypher of [
      oneHopStatement(shape),
      multiHopStatement(shape, 3),
      fulltextStatement(['L'], true),
    ]) {
      expect(cypher).toMatch(/\$(ids|limit|query|first)/);
      expect(cypher).not.toMatch(/LIMIT \d/);
    }
    expect(oneHopStatement(shape)).toContain('COUNT { (f)-[:`T`]-() } AS total');
    expect(multiHopStatement(shape, 3).match(/CALL \(frontier\)/g)).toHaveLength(3);
  });

  it('asks for degree only when the query selects it', () => {
    const without = oneHopStatement({
      types: [],
      labels: [],
      direction: 'BOTH',
      withDegree: false,
    });
    expect(without).not.toContain('COUNT { (m)--() }');
    expect(without).toContain('degree: null');
  });

  it('splices the path length bound as a checked integer (Cypher takes no parameter there)', () => {
    expect(pathsStatement(['KNOWS'], 'OUTGOING', 4, false)).toContain(
      'allShortestPaths((a)-[:`KNOWS`*1..4]->(b))',
    );
  });

  it('reads every label and type from the count store in the schema statement', () => {
    const cypher = schemaOverviewStatement(['Person', 'Crime'], ['KNOWS']);
    expect(cypher).toContain('[COUNT { (:`Person`) }, COUNT { (:`Crime`) }] AS labelCounts');
    expect(cypher).toContain('[COUNT { ()-[:`KNOWS`]->() }] AS typeCounts');
    expect(schemaOverviewStatement([], [])).toContain('RETURN [] AS labelSamples');
  });
});

describe('pure logic of the graph API', () => {
  it('scales meta-graph counts from a sample when a type has more relationships than the sample', () => {
    const edges = metaGraph(
      ['KNOWS', 'AT'],
      [4000, 10],
      [
        { i: 0, source: ['Person'], target: ['Person'], sampled: 750 },
        { i: 0, source: ['Person'], target: ['Officer', 'Person'], sampled: 250 },
        { i: 1, source: ['Person'], target: ['Place'], sampled: 10 },
      ],
    );
    expect(edges).toEqual([
      { source: 'Person', type: 'KNOWS', target: 'Person', count: 4000, exact: false },
      { source: 'Person', type: 'KNOWS', target: 'Officer', count: 1000, exact: false },
      { source: 'Person', type: 'AT', target: 'Place', count: 10, exact: true },
    ]);
  });

  it('chooses the narrowest full-text index that covers the labels asked for', () => {
    const indexes = [
      { name: 'wide', labels: ['A', 'B', 'C'], properties: ['name'] },
      { name: 'narrow', labels: ['A', 'B'], properties: ['name'] },
    ];
    expect(chooseIndex(indexes, ['A'])?.name).toBe('narrow');
    expect(chooseIndex(indexes, ['C'])?.name).toBe('wide');
    expect(chooseIndex(indexes, ['D'])).toBeUndefined();
  });

  it('round-trips cursors and refuses one it did not make', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(42);
    expect(() => decodeCursor('not-a-cursor')).toThrow(/endCursor/);
  });

  it('suggests the known name a typo was meant to be', () => {
    expect(similarNames('nmae', ['name', 'note', 'named'])).toEqual(['name']);
    expect(similarNames('person', ['Person', 'Phone'])).toEqual(['Person']);
    expect(similarNames('FRIED', ['FIRED', 'TRACKED'])).toEqual(['FIRED']);
    expect(similarNames('xyz', ['Person'])).toEqual([]);
  });
});
