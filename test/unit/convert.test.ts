import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toJson } from '../../server/db/convert.js';

describe('toJson converts Neo4j values faithfully', () => {
  it('keeps integers within 2^53 as numbers and larger ones as exact decimal strings', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(neo4j.int('-9223372036854775808'))).toBe('-9223372036854775808');
  });

  it('turns non-finite floats into strings, since JSON has no NaN', () => {
    expect(toJson(Number.NaN)).toBe('NaN');
    expect(toJson(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });

  it('renders temporal values as ISO-8601 strings', () => {
    expect(toJson(new neo4j.types.Date(2022, 6, 1))).toBe('2022-06-01');
    // Dates are printed without the driver's formatter, so every year range is held to it.
    for (const [y, m, d] of [
      [0, 1, 1],
      [7, 12, 31],
      [9999, 1, 2],
      [10000, 3, 4],
      [-1, 5, 6],
      [-999999999, 1, 1],
      [999999999, 12, 31],
    ] as const) {
      const date = new neo4j.types.Date(y, m, d);
      expect(toJson(date)).toBe(date.toString());
      expect(toJson(new neo4j.types.Date(neo4j.int(y), neo4j.int(m), neo4j.int(d)))).toBe(
        date.toString(),
      );
    }
    expect(toJson(new neo4j.types.DateTime(2022, 12, 22, 10, 30, 0, 0, 0))).toBe(
      '2022-12-22T10:30:00Z',
    );
    expect(toJson(new neo4j.types.Duration(0, 3, 0, 0))).toBe('P3D');
  });

  it('renders WGS-84 points with longitude and latitude', () => {
    expect(toJson(new neo4j.types.Point(4326, -2.61741, 53.530988))).toEqual({
      srid: 4326,
      x: -2.61741,
      y: 53.530988,
      crs: 'wgs-84',
      longitude: -2.61741,
      latitude: 53.530988,
    });
  });

  it('converts nodes, relationships and nested lists and maps', () => {
    const node = new neo4j.types.Node(
      neo4j.int(1),
      ['Person'],
      { name: 'Rubo Liang', n: neo4j.int(3) },
      '4:x:1',
    );
    const rel = new neo4j.types.Relationship(
      neo4j.int(2),
      neo4j.int(1),
      neo4j.int(3),
      'CEO_OF',
      {},
      '5:x:2',
      '4:x:1',
      '4:x:3',
    );
    expect(toJson({ list: [node, rel] })).toEqual({
      list: [
        { id: '4:x:1', labels: ['Person'], properties: { name: 'Rubo Liang', n: 3 } },
        { id: '5:x:2', type: 'CEO_OF', start: '4:x:1', end: '4:x:3', properties: {} },
      ],
    });
  });
});
