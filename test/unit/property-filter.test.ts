import { describe, expect, it } from 'vitest';
import {
  binsInRange,
  boundValue,
  rangeOf,
  rangeOfBins,
  type Histogram,
} from '../../client/src/filters/histogram-range.js';
import { propertyFilteredIds } from '../../client/src/filters/property-filter-classes.js';
import { nodePasses, valuePasses } from '../../client/src/filters/property-filter.js';
import { dayOf, isoOfDay, textOf } from '../../client/src/filters/property-values.js';
import {
  analysisFromJson,
  analysisToJson,
  type PropertyFilter,
} from '../../client/src/state/analysis.js';
import {
  clearPropertyFilter,
  setPropertyFilter,
} from '../../client/src/state/commands/set-property-filter.js';
import { emptyView } from '../../client/src/state/view.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const august: PropertyFilter = {
  kind: 'range',
  label: 'Crime',
  property: 'date',
  min: '2017-08-01',
  max: '2017-08-10',
};
const burglary: PropertyFilter = {
  kind: 'values',
  label: 'Crime',
  property: 'type',
  values: ['Burglary', 'Robbery'],
};

describe('reading property values for filters', () => {
  it('reads ISO, datetime and day-first dates (one or two digits) as the same days', () => {
    expect(dayOf('2017-08-24')).toBe(day('2017-08-24'));
    expect(dayOf('2017-08-24T10:00:00Z')).toBe(day('2017-08-24'));
    expect(dayOf('24/08/2017')).toBe(day('2017-08-24'));
    expect(dayOf('4/8/2017')).toBe(day('2017-08-04'));
    expect(dayOf('04/08/2017')).toBe(day('2017-08-04'));
    expect(isoOfDay(day('2017-08-04'))).toBe('2017-08-04');
  });

  it('rolls an impossible day into the next month as the server does, and refuses non-dates', () => {
    expect(isoOfDay(dayOf('31/02/2017')!)).toBe('2017-03-03');
    for (const v of ['13/13/2017', '2017-00-10', 'Aug 2017', '', 20170824, null, ['2017-08-24']]) {
      expect(dayOf(v)).toBeNull();
    }
  });

  it('counts scalars as text, the way value counts name them', () => {
    expect(textOf('Burglary')).toBe('Burglary');
    expect(textOf(true)).toBe('true');
    expect(textOf(42)).toBe('42');
    expect(textOf(['a'])).toBeNull();
    expect(textOf(null)).toBeNull();
  });
});

describe('the property filter predicate', () => {
  it('keeps a date inside an ISO range, bounds included, whatever the value is written as', () => {
    expect(valuePasses(august, '1/08/2017')).toBe(true);
    expect(valuePasses(august, '10/08/2017')).toBe(true);
    expect(valuePasses(august, '2017-08-10T23:59')).toBe(true);
    expect(valuePasses(august, '11/08/2017')).toBe(false);
    expect(valuePasses(august, '31/07/2017')).toBe(false);
    expect(valuePasses(august, undefined)).toBe(false);
    expect(valuePasses(august, 'unknown')).toBe(false);
  });

  it('keeps numbers inside a numeric range and ticked values only', () => {
    const age: PropertyFilter = { kind: 'range', label: 'P', property: 'age', min: 18, max: 30 };
    expect([17, 18, 24.5, 30, 31, '20', null].map((v) => valuePasses(age, v))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(valuePasses(burglary, 'Burglary')).toBe(true);
    expect(valuePasses(burglary, 'Drugs')).toBe(false);
    expect(valuePasses(burglary, undefined)).toBe(false);
  });

  it('applies every filter on a node label and none on other labels', () => {
    const both = [august, burglary];
    expect(nodePasses(['Crime'], { date: '5/08/2017', type: 'Burglary' }, both)).toBe(true);
    expect(nodePasses(['Crime'], { date: '5/08/2017', type: 'Drugs' }, both)).toBe(false);
    expect(nodePasses(['Crime'], { date: '25/08/2017', type: 'Burglary' }, both)).toBe(false);
    expect(nodePasses(['Crime'], { type: 'Burglary' }, both)).toBe(false);
    expect(nodePasses(['Person'], {}, both)).toBe(true);
    expect(nodePasses(['Crime'], {}, [])).toBe(true);
  });

  it('lists the ids the filters leave out (what view-classes marks p-hidden)', () => {
    const nodes = [
      { id: 'c1', labels: ['Crime'], properties: { date: '2/08/2017' } },
      { id: 'c2', labels: ['Crime'], properties: { date: '20/08/2017' } },
      { id: 'p1', labels: ['Person'], properties: { name: 'Ann' } },
      // A group node of crimes: no properties of its own, so never filtered out.
      { id: 'group:Crime', labels: ['Crime'], properties: undefined },
    ];
    expect([...propertyFilteredIds(nodes, [august])]).toEqual(['c2']);
    expect(propertyFilteredIds(nodes, []).size).toBe(0);
  });
});

describe('histogram ranges', () => {
  const dates: Histogram = {
    kind: 'DATE',
    bins: [
      { from: day('2017-08-01'), to: day('2017-08-03'), count: 5 },
      { from: day('2017-08-04'), to: day('2017-08-06'), count: 2 },
      { from: day('2017-08-07'), to: day('2017-08-09'), count: 9 },
    ],
  };

  it('turns dragged bins (either way) into an ISO date range and back into the bins it covers', () => {
    const r = rangeOfBins(dates, 'Crime', 'date', 2, 1);
    expect(r).toEqual({
      kind: 'range',
      label: 'Crime',
      property: 'date',
      min: '2017-08-04',
      max: '2017-08-09',
    });
    expect(binsInRange(dates, r!)).toEqual([false, true, true]);
    expect(binsInRange(dates, undefined)).toEqual([false, false, false]);
    expect(rangeOfBins(dates, 'Crime', 'date', 0, 7)).toBeNull();
  });

  it('reads typed bounds: dates in either notation, numbers, and nothing else', () => {
    expect(boundValue(dates, '2017-08-05')).toBe(day('2017-08-05'));
    expect(boundValue(dates, '5/8/2017')).toBe(day('2017-08-05'));
    expect(boundValue(dates, 'soon')).toBeNull();
    expect(boundValue({ kind: 'NUMBER' }, ' 2.5 ')).toBe(2.5);
    expect(boundValue({ kind: 'NUMBER' }, '')).toBeNull();
    expect(rangeOf({ kind: 'NUMBER' }, 'P', 'age', 30, 18)).toMatchObject({ min: 18, max: 30 });
  });
});

describe('the property filter commands', () => {
  it('adds, replaces the filter on the same property, and removes one or all', () => {
    const v0 = emptyView();
    const v1 = setPropertyFilter.perform(v0, august);
    const v2 = setPropertyFilter.perform(v1, burglary);
    expect(v2.analysis.propertyFilters).toEqual([august, burglary]);
    const later = { ...august, max: '2017-08-20' };
    const v3 = setPropertyFilter.perform(v2, later);
    expect(v3.analysis.propertyFilters).toEqual([later, burglary]);
    expect(setPropertyFilter.perform(v3, { ...later })).toBe(v3);
    const v4 = clearPropertyFilter.perform(v3, { label: 'Crime', property: 'date' });
    expect(v4.analysis.propertyFilters).toEqual([burglary]);
    expect(clearPropertyFilter.perform(v4, { label: 'Crime', property: 'date' })).toBe(v4);
    expect(
      clearPropertyFilter.perform(v3, { label: null, property: null }).analysis.propertyFilters,
    ).toEqual([]);
    // The earlier Views are untouched (undo keeps them) and the commands are recorded.
    expect(v1.analysis.propertyFilters).toEqual([august]);
    expect(v0.analysis.propertyFilters).toEqual([]);
    expect(setPropertyFilter.record && clearPropertyFilter.record).toBe(true);
  });

  it('keeps the filters through the link encoding', () => {
    const v = setPropertyFilter.perform(setPropertyFilter.perform(emptyView(), august), burglary);
    const back = analysisFromJson(JSON.parse(JSON.stringify(analysisToJson(v.analysis))));
    expect(back.propertyFilters).toEqual([august, burglary]);
  });
});
