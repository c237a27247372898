import { describe, expect, it } from 'vitest';
import { dayMs, isoDay, spanOf } from '../../client/src/timeline/binning.js';
import { inWindow } from '../../client/src/graph/explorer-window.js';
import { HISTORY_LIMIT, QueryStore } from '../../client/src/state/query-store.js';
import { UndoStack } from '../../client/src/state/undo-stack.js';
import { planLines } from '../../client/src/console/cypher-result.js';
import { discBeside, ringAround } from '../../client/src/graph/layouts.js';

function memoryStore(): { getItem(k: string): string | null; setItem(k: string, v: string): void } {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('query history and saved queries', () => {
  it('keeps the newest run first, each query+params once, and survives a new store on the same storage', () => {
    const storage = memoryStore();
    const s = new QueryStore(storage);
    s.remember('MATCH (n) RETURN n', '', 1);
    s.remember('RETURN 1', '', 2);
    s.remember('MATCH (n) RETURN n', '', 3);
    expect(new QueryStore(storage).history().map((e) => e.query)).toEqual([
      'MATCH (n) RETURN n',
      'RETURN 1',
    ]);
  });

  it('caps the history', () => {
    const s = new QueryStore(memoryStore());
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) s.remember(`RETURN ${i}`, '');
    expect(s.history()).toHaveLength(HISTORY_LIMIT);
  });

  it('saves by name, replacing the same name, and removes', () => {
    const s = new QueryStore(memoryStore());
    s.save('b', 'RETURN 2', '');
    s.save('a', 'RETURN 1', '{"x":1}');
    expect(s.save('a', 'RETURN 3', '').map((q) => [q.name, q.query])).toEqual([
      ['a', 'RETURN 3'],
      ['b', 'RETURN 2'],
    ]);
    expect(s.remove('a').map((q) => q.name)).toEqual(['b']);
  });

  it('treats corrupt storage as empty', () => {
    const storage = memoryStore();
    storage.setItem('dossier.cypher.history', '{oops');
    expect(new QueryStore(storage).history()).toEqual([]);
  });
});

describe('undo stack', () => {
  it('undoes and redoes in order, and a new change clears redo', () => {
    const u = new UndoStack<number>();
    u.push(1);
    u.push(2);
    expect(u.undo(3)).toBe(2);
    expect(u.undo(2)).toBe(1);
    expect(u.redo(1)).toBe(2);
    u.push(2);
    expect(u.canRedo).toBe(false);
    expect(u.undo(9)).toBe(2);
  });
});

describe('time window', () => {
  it("converts between ISO days and the timeline's UTC times; a band runs to the end of its last day", () => {
    expect(isoDay(dayMs('2024-02-29'))).toBe('2024-02-29');
    expect(isoDay(dayMs('2024-02-28') + 86_400_000)).toBe('2024-02-29');
    expect(spanOf('2022-06-01', '2022-06-30')).toEqual({
      start: dayMs('2022-06-01'),
      end: dayMs('2022-07-01'),
    });
  });

  it('keeps undated facts and facts overlapping the window, hides the others', () => {
    const w = { from: '2022-07-01', to: '2022-09-30' };
    expect(inWindow(undefined, undefined, w)).toBe(true);
    expect(inWindow('2022-06-01', '2022-08-31', w)).toBe(true);
    expect(inWindow('2022-10-01', '2022-10-31', w)).toBe(false);
    expect(inWindow('2022-10-01', undefined, null)).toBe(true);
  });
});

describe('plan rendering', () => {
  it('indents child operators under their parent with their counts', () => {
    const lines = planLines({
      operator: 'ProduceResults',
      details: 'n',
      estimatedRows: 10,
      rows: 8,
      dbHits: 0,
      children: [
        {
          operator: 'NodeByLabelScan',
          details: 'n:Person',
          estimatedRows: 10,
          rows: 8,
          dbHits: 9,
          children: [],
        },
      ],
    });
    expect(lines).toEqual([
      '+ProduceResults  n   (est. 10 · rows 8 · db hits 0)',
      '│ +NodeByLabelScan  n:Person   (est. 10 · rows 8 · db hits 9)',
    ]);
  });
});

describe('placing new nodes', () => {
  it('puts a few new nodes on a ring around their parent', () => {
    const parent = { x: 100, y: 0 };
    for (const p of ringAround(parent, 5, { x: 0, y: 0 })) {
      expect(Math.hypot(p.x - parent.x, p.y - parent.y)).toBeCloseTo(130, 5);
    }
  });

  it('puts many new nodes in a disc beside the parent, away from the centre, none on top of another', () => {
    const parent = { x: 100, y: 0 };
    const points = discBeside(parent, 130, { x: 0, y: 0 });
    expect(points).toHaveLength(130);
    expect(points.every((p) => p.x > parent.x)).toBe(true);
    let closest = Infinity;
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) {
        const a = points[i];
        const b = points[j];
        if (a && b) closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
      }
    expect(closest).toBeGreaterThan(30);
  });
});
