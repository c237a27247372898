import { describe, expect, it } from 'vitest';
import { factSpan, inWindow, timeProperties } from '../../client/src/graph/explorer-window.js';
import { placeArrivals } from '../../client/src/graph/placement.js';
import { emptyView } from '../../client/src/state/view.js';

describe('the time filter on foreign graphs', () => {
  it('dates a fact by the chosen property: a date, a dd/mm/yyyy string (POLE) or a year (Movies)', () => {
    expect(factSpan({ date: '24/08/2017' }, 'date')).toEqual({
      start: '2017-08-24',
      end: '2017-08-24',
    });
    expect(factSpan({ released: 1999 }, 'released')).toEqual({
      start: '1999-01-01',
      end: '1999-12-31',
    });
    expect(factSpan({ start: '2022-06-01', end: '2022-09-30' }, null)).toEqual({
      start: '2022-06-01',
      end: '2022-09-30',
    });
    expect(factSpan({ released: 1999 }, null)).toEqual({});
    expect(inWindow('1999-01-01', '1999-12-31', { from: '1999-06-01', to: '2000-01-31' })).toBe(
      true,
    );
    expect(inWindow('1995-01-01', '1995-12-31', { from: '1999-06-01', to: '2000-01-31' })).toBe(
      false,
    );
  });

  it('offers the temporal properties of the schema, and integers or strings named like dates', () => {
    const props = timeProperties([
      {
        properties: [
          { key: 'released', types: ['INTEGER'] },
          { key: 'tagline', types: ['STRING'] },
        ],
      },
      {
        properties: [
          { key: 'date', types: ['STRING'] },
          { key: 'seen', types: ['DATE_TIME'] },
        ],
      },
      {
        properties: [
          { key: 'age', types: ['INTEGER'] },
          { key: 'length', types: ['DURATION'] },
        ],
      },
    ]);
    expect(props).toEqual(['date', 'released', 'seen']);
  });
});

describe('placing arriving nodes', () => {
  it('puts new nodes around the expanded node, and many as a disc beside it', () => {
    const view = { ...emptyView(), nodes: { hub: { x: 100, y: 0 }, other: { x: -100, y: 0 } } };
    const few = placeArrivals(view, ['a', 'b'], 'hub');
    for (const p of Object.values(few)) expect(Math.hypot(p.x - 100, p.y)).toBeCloseTo(130, -1);
    const many = placeArrivals(
      view,
      Array.from({ length: 30 }, (_, i) => `n${i}`),
      'hub',
    );
    expect(Object.keys(many)).toHaveLength(30);
    expect(Object.values(many).every((p) => p.x > 100)).toBe(true);
  });
});
