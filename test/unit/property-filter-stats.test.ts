import { describe, expect, it } from 'vitest';
import {
  binOf,
  distributionOf,
  histogramLayout,
  propertyStatsStatement,
} from '../../server/graph/property-stats.js';

describe('histogram layout and binning (server/graph/property-stats.ts)', () => {
  it('gives integral values whole-unit bins: one per day for a month, wider bins for a year', () => {
    expect(histogramLayout(0, 30, true, 31)).toEqual({ width: 1, count: 31 });
    expect(histogramLayout(0, 364, true, 31)).toEqual({ width: 12, count: 31 });
    expect(histogramLayout(5, 5, true, 30)).toEqual({ width: 1, count: 1 });
    expect(histogramLayout(1, 3, true, 30)).toEqual({ width: 1, count: 3 });
  });

  it('gives other numbers maxBins equal bins, and the maximum falls in the last', () => {
    const layout = histogramLayout(0, 10, false, 4);
    expect(layout).toEqual({ width: 2.5, count: 4 });
    expect([0, 2.49, 2.5, 9.99, 10].map((v) => binOf(v, 0, layout))).toEqual([0, 0, 1, 3, 3]);
    expect(histogramLayout(2, 2, false, 4)).toEqual({ width: 1, count: 1 });
  });

  it('turns a statement row into bins with edges, empty bins included', () => {
    const d = distributionOf(
      {
        key: 'date',
        kind: 'DATE',
        present: 10,
        distinct: 4,
        integral: true,
        lo: 100,
        hi: 105,
        width: 2,
        binCount: 3,
        bins: [
          [0, 6],
          [2, 3],
        ],
        binned: 9,
        top: [],
        textual: 0,
        texts: 0,
      },
      20,
    );
    expect(d.bins).toEqual([
      { from: 100, to: 101, count: 6 },
      { from: 102, to: 103, count: 0 },
      { from: 104, to: 105, count: 3 },
    ]);
    expect(d).toMatchObject({ min: 100, max: 105, unbinned: 1, values: [] });
  });

  it('turns a categorical row into value counts and says when they are capped', () => {
    const d = distributionOf(
      {
        key: 'type',
        kind: 'CATEGORY',
        present: 12,
        distinct: 3,
        integral: false,
        top: [
          ['Burglary', 7],
          ['Drugs', 4],
        ],
        textual: 12,
        texts: 3,
      },
      2,
    );
    expect(d.values).toEqual([
      { value: 'Burglary', count: 7 },
      { value: 'Drugs', count: 4 },
    ]);
    expect(d).toMatchObject({ valuesCapped: true, unbinned: 0, bins: [], min: null });
  });

  it('quotes the label and limits the scan in the one statement', () => {
    const s = propertyStatsStatement('Odd`Label', () => '', false);
    expect(s).toContain('MATCH (n:`Odd``Label`)');
    expect(s).toContain('WITH n LIMIT $scan');
    expect(s).not.toContain('$keys');
    expect(propertyStatsStatement('Crime', (v) => `${v}.x <> 1`, true)).toContain(
      'MATCH (n:`Crime`) WHERE n.x <> 1',
    );
  });
});
