import { describe, expect, it } from 'vitest';
import { factSpan } from '../../client/src/graph/explorer-window.js';
import {
  bandFromText,
  compareAccountDates,
  dateBand,
  describeBand,
  isPoint,
} from '../../client/src/timeline/date-band.js';

describe('timeline date bands: a date drawn with its precision', () => {
  it('"summer 2022" is a band over the meteorological summer, not a point', () => {
    const b = bandFromText('summer 2022');
    expect(b).toMatchObject({ start: '2022-06-01', end: '2022-08-31', precision: 'season' });
    expect(b && isPoint(b)).toBe(false);
    // Winter runs into the next year.
    expect(bandFromText('winter 2022')).toMatchObject({ start: '2022-12-01', end: '2023-02-28' });
  });

  it('a month is a band over the whole month, leap years included', () => {
    expect(bandFromText('June 2022')).toMatchObject({
      start: '2022-06-01',
      end: '2022-06-30',
      precision: 'month',
    });
    expect(bandFromText('2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(bandFromText('Q3 2022')).toMatchObject({ start: '2022-07-01', end: '2022-09-30' });
  });

  it('a year is a band; a whole-number year property (Movies released: 1999) too', () => {
    expect(bandFromText('2022')).toMatchObject({
      start: '2022-01-01',
      end: '2022-12-31',
      precision: 'year',
    });
    expect(dateBand({ released: 1999 }, 'released')).toMatchObject({
      start: '1999-01-01',
      end: '1999-12-31',
      precision: 'year',
    });
  });

  it('a day is a point, from ISO, day-first (POLE 24/08/2017) and written dates', () => {
    for (const text of ['2017-08-24', '24/08/2017', '24 August 2017', 'August 24, 2017']) {
      const b = bandFromText(text);
      expect(b, text).toMatchObject({ start: '2017-08-24', end: '2017-08-24', precision: 'day' });
      expect(b && isPoint(b)).toBe(true);
    }
    expect(dateBand({ date: '24/08/2017' }, 'date')).toMatchObject({ start: '2017-08-24' });
    expect(bandFromText('31/02/2017')).toBeNull();
    // A quarter of POLE's crimes have a one-digit day; the time filter dates them the same way.
    expect(bandFromText('4/08/2017')).toMatchObject({ start: '2017-08-04', end: '2017-08-04' });
    expect(factSpan({ date: '4/08/2017' }, 'date')).toEqual({
      start: '2017-08-04',
      end: '2017-08-04',
    });
  });

  it('words that need context to be bounded give no band', () => {
    expect(bandFromText('last October')).toBeNull();
    expect(bandFromText('During the summer')).toBeNull();
    expect(
      dateBand({ dateText: 'For several months', datePrecision: 'relative' }, null),
    ).toBeNull();
  });

  it("the story's events: start/end with their precision, inferred flag, words and note", () => {
    const summer = dateBand(
      {
        dateText: 'During the summer',
        start: '2022-06-01',
        end: '2022-08-31',
        datePrecision: 'season',
        dateInferred: true,
        dateNote: 'neither article gives the year',
      },
      null,
    );
    expect(summer).toEqual({
      start: '2022-06-01',
      end: '2022-08-31',
      precision: 'season',
      inferred: true,
      text: 'During the summer',
      note: 'neither article gives the year',
    });
    expect(summer && describeBand(summer)).toContain('inferred from context');
    // Without a named precision, the bounds tell it; without dateInferred it is not inferred.
    expect(dateBand({ start: '2022-10-01', end: '2022-10-31' }, null)).toMatchObject({
      precision: 'month',
      inferred: false,
    });
    expect(dateBand({ start: '2022-10-05' }, null)).toMatchObject({
      start: '2022-10-05',
      end: '2022-10-05',
      precision: 'day',
    });
    expect(dateBand({ name: 'Rubo Liang' }, null)).toBeNull();
  });

  it('accounts of one fact that give different dates disagree; undated accounts take the fact’s date', () => {
    const fact = bandFromText('October 2022');
    const differ = compareAccountDates(
      [
        { id: 'a', name: '000', sources: ['article-000'], band: bandFromText('summer 2022') },
        { id: 'b', name: '004', sources: ['article-004'], band: bandFromText('June 2022') },
      ],
      fact,
    );
    expect(differ.dates).toBe('differ');
    expect(differ.accounts.map((a) => a.band?.start)).toEqual(['2022-06-01', '2022-06-01']);
    expect(differ.accounts.map((a) => a.band?.end)).toEqual(['2022-08-31', '2022-06-30']);

    const same = compareAccountDates(
      [
        { id: 'a', name: '000', sources: ['article-000'], band: null },
        { id: 'b', name: '004', sources: ['article-004'], band: bandFromText('October 2022') },
      ],
      fact,
    );
    expect(same.dates).toBe('same');

    // The story's dismissals: neither article dates them, so the accounts stand undated.
    const undated = compareAccountDates(
      [
        { id: 'a', name: '000: four fired', sources: ['article-000'], band: null },
        { id: 'b', name: '004: one resigned, three fired', sources: ['article-004'], band: null },
      ],
      null,
    );
    expect(undated.dates).toBe('undated');
  });
});
