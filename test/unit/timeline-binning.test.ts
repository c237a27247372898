import { describe, expect, it } from 'vitest';
import {
  binSpans,
  dayMs,
  isoDay,
  mustBin,
  packRows,
  spanOf,
} from '../../client/src/timeline/binning.js';

describe('timeline binning: rows while marks fit, calendar bins when they would overlap', () => {
  it('packs marks into rows so that none overlap', () => {
    const { rows, count } = packRows([
      { x0: 0, x1: 50 },
      { x0: 10, x1: 20 },
      { x0: 60, x1: 60 },
      { x0: 21, x1: 40 },
    ]);
    expect(rows).toEqual([0, 1, 0, 2]);
    expect(count).toBe(3);
    // A point is drawn a few pixels wide: two points 3 px apart overlap.
    expect(
      packRows([
        { x0: 0, x1: 0 },
        { x0: 3, x1: 3 },
      ]).count,
    ).toBe(2);
    // Thousands of points on one day stop the packing as soon as the panel's rows are used up.
    const pile = Array.from({ length: 5000 }, () => ({ x0: 100, x1: 100 }));
    expect(packRows(pile, 2, 6, 8).count).toBe(9);
    expect(mustBin(packRows(pile, 2, 6, 8).count, 8)).toBe(true);
    expect(mustBin(3, 2)).toBe(true);
    expect(mustBin(2, 2)).toBe(false);
  });

  it('counts thousands of dated crimes into the finest bins that fit', () => {
    // 3,000 crimes, one a day over about eight years, each a day point.
    const from = dayMs('2010-01-01');
    const spans = Array.from({ length: 3000 }, (_, i) =>
      spanOf(isoDay(from + i * 86_400_000), isoDay(from + i * 86_400_000)),
    );
    const to = spans[spans.length - 1]?.end ?? from;
    const { unit, bins } = binSpans(spans, from, to, 120);
    expect(unit).toBe('month');
    expect(bins.length).toBeLessThanOrEqual(120);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3000);
    expect(bins[0]).toMatchObject({
      start: dayMs('2010-01-01'),
      end: dayMs('2010-02-01'),
      count: 31,
    });
    // With room for more bins, weeks.
    expect(binSpans(spans, from, to, 500).unit).toBe('week');
  });

  it('a band is counted in every bin it overlaps; its members are listed', () => {
    const spans = [spanOf('2022-06-01', '2022-08-31'), spanOf('2022-07-15', '2022-07-15')];
    const { unit, bins } = binSpans(spans, dayMs('2022-01-01'), dayMs('2023-01-01'), 12);
    expect(unit).toBe('month');
    expect(bins.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0]);
    expect(bins[6]?.members).toEqual([0, 1]);
  });
});
