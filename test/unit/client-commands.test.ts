import { describe, expect, it } from 'vitest';
import { addElements } from '../../client/src/state/commands/add-elements.js';
import { clear } from '../../client/src/state/commands/clear.js';
import { collapse } from '../../client/src/state/commands/collapse.js';
import { filterLabel } from '../../client/src/state/commands/filter-label.js';
import { filterType } from '../../client/src/state/commands/filter-type.js';
import { hide } from '../../client/src/state/commands/hide.js';
import { loadView } from '../../client/src/state/commands/load-view.js';
import { moveNodes, settlePositions } from '../../client/src/state/commands/move-nodes.js';
import { select, selectNeighbours } from '../../client/src/state/commands/select.js';
import { nextLayout, setLayout } from '../../client/src/state/commands/set-layout.js';
import { setQuery } from '../../client/src/state/commands/set-query.js';
import { setTime, setTimeProperty } from '../../client/src/state/commands/set-time.js';
import { setViewport } from '../../client/src/state/commands/set-viewport.js';
import { toggleDisagreements } from '../../client/src/state/commands/toggle-disagreements.js';
import { toggleEdgeLabels } from '../../client/src/state/commands/toggle-edge-labels.js';
import { togglePin } from '../../client/src/state/commands/toggle-pin.js';
import { toggleTheme } from '../../client/src/state/commands/toggle-theme.js';
import { unhide } from '../../client/src/state/commands/unhide.js';
import { drawn, emptyView, type View } from '../../client/src/state/view.js';

/** hub — a, hub — b, a — b, hub — leaf: `leaf` hangs only off hub. */
const base: View = {
  ...emptyView(),
  nodes: { hub: { x: 0, y: 0 }, a: { x: 10, y: 0 }, b: { x: 0, y: 10 }, leaf: { x: -10, y: 0 } },
  edges: {
    ha: { source: 'hub', target: 'a', type: 'KNOWS' },
    hb: { source: 'hub', target: 'b', type: 'KNOWS' },
    ab: { source: 'a', target: 'b', type: 'WORKS_WITH' },
    hl: { source: 'hub', target: 'leaf', type: 'OWNS' },
  },
};
const frozen = (v: View): View => JSON.parse(JSON.stringify(v)) as View;

describe('commands are pure functions View → View', () => {
  it('add elements: keeps existing positions, needs both ends, and does not show what is hidden', () => {
    const hidden = hide.perform(base, ['ab', 'leaf']);
    const next = addElements.perform(hidden, {
      nodes: { hub: { x: 99, y: 99 }, c: { x: 5, y: 5 } },
      edges: {
        ab: { source: 'a', target: 'b', type: 'WORKS_WITH' },
        hc: { source: 'hub', target: 'c', type: 'KNOWS' },
        dangling: { source: 'c', target: 'nowhere', type: 'KNOWS' },
      },
    });
    expect(next.nodes['hub']).toEqual({ x: 0, y: 0 });
    expect(next.nodes['c']).toEqual({ x: 5, y: 5 });
    expect(next.edges['dangling']).toBeUndefined();
    expect(drawn(next).edges.sort()).toEqual(['ha', 'hb', 'hc']);
    expect(drawn(next).nodes).not.toContain('leaf');
    expect(hidden).toEqual(hide.perform(base, ['ab', 'leaf']));
  });

  it('hide: hides nodes (with their relationships) and relationships, drops them from the selection', () => {
    const before = frozen(base);
    const next = hide.perform({ ...base, selected: ['a', 'hub'] }, ['a', 'unknown']);
    expect(next.hidden).toEqual(['a']);
    expect(next.selected).toEqual(['hub']);
    expect(drawn(next).edges.sort()).toEqual(['hb', 'hl']);
    expect(base).toEqual(before);
    expect(hide.perform(base, ['unknown'])).toBe(base);
    expect(hide.shortcut?.arg({ ...base, selected: ['b'] })).toEqual(['b']);
  });

  it('unhide: shows one hidden element again, or all', () => {
    const h = hide.perform(base, ['a', 'hl']);
    expect(unhide.perform(h, ['a']).hidden).toEqual(['hl']);
    expect(unhide.perform(h, 'all').hidden).toEqual([]);
    expect(unhide.perform(base, 'all')).toBe(base);
  });

  it('collapse: removes the drawn neighbours that hang only off the node', () => {
    const next = collapse.perform(base, 'hub');
    expect(Object.keys(next.nodes).sort()).toEqual(['a', 'b', 'hub']);
    expect(next.edges['hl']).toBeUndefined();
    expect(collapse.perform(base, 'leaf')).toBe(base);
  });

  it('clear: empties the picture, keeping filters and settings', () => {
    const next = clear.perform({ ...base, hiddenLabels: ['Claim'], hidden: ['a'] }, undefined);
    expect(next.nodes).toEqual({});
    expect(next.hidden).toEqual([]);
    expect(next.hiddenLabels).toEqual(['Claim']);
  });

  it('pin: pins nodes where they are, and unpins them when all are pinned', () => {
    const pinned = togglePin.perform(base, ['a', 'b']);
    expect(pinned.nodes['a']).toEqual({ x: 10, y: 0, pinned: true });
    expect(togglePin.perform(pinned, ['a', 'b']).nodes['a']).toEqual({ x: 10, y: 0 });
    expect(togglePin.perform(pinned, ['a', 'hub']).nodes['a']?.pinned).toBe(true);
  });

  it('move nodes (a drag) and settle positions (after a layout) change only what moved', () => {
    const moved = moveNodes.perform(base, { a: { x: 1, y: 2 }, ghost: { x: 0, y: 0 } });
    expect(moved.nodes['a']).toEqual({ x: 1, y: 2 });
    expect(moved.nodes['ghost']).toBeUndefined();
    expect(moveNodes.perform(base, { a: { x: 10, y: 0 } })).toBe(base);
    expect(moveNodes.record).toBe(true);
    expect(settlePositions.record).toBe(false);
  });

  it('layout: sets the layout (R runs the current one again; L goes to the next)', () => {
    expect(setLayout.perform(base, 'grid').layout).toBe('grid');
    expect(setLayout.perform(base, 'fcose')).not.toBe(base);
    expect(nextLayout.perform(base, undefined).layout).toBe('concentric');
    expect(nextLayout.perform({ ...base, layout: 'coordinates' }, undefined).layout).toBe('fcose');
  });

  it('filter label and filter type: hide and show again, a no-op when already so', () => {
    const off = filterLabel.perform(base, { label: 'Claim', visible: false });
    expect(off.hiddenLabels).toEqual(['Claim']);
    expect(filterLabel.perform(off, { label: 'Claim', visible: true }).hiddenLabels).toEqual([]);
    expect(filterLabel.perform(base, { label: 'Claim', visible: true })).toBe(base);
    const t = filterType.perform(base, { type: 'KNOWS', visible: false });
    expect(t.hiddenTypes).toEqual(['KNOWS']);
    expect(filterType.perform(t, { type: 'KNOWS', visible: true }).hiddenTypes).toEqual([]);
  });

  it('time window and time property: choosing another property resets the window', () => {
    const w = setTime.perform(base, { from: '2022-01-01', to: '2022-03-31' });
    expect(w.time).toEqual({ from: '2022-01-01', to: '2022-03-31' });
    expect(setTime.perform(w, { from: '2022-01-01', to: '2022-03-31' })).toBe(w);
    const p = setTimeProperty.perform(w, 'released');
    expect(p.timeProperty).toBe('released');
    expect(p.time).toBeNull();
  });

  it('select and select neighbours: not undo steps; neighbours are drawn ones', () => {
    expect(select.perform(base, ['a']).selected).toEqual(['a']);
    expect(select.record).toBe(false);
    const n = selectNeighbours.perform(hide.perform(base, ['hb']), ['b']);
    expect([...n.selected].sort()).toEqual(['a', 'ab', 'b']);
  });

  it('theme, relationship labels and disagreements toggle', () => {
    expect(toggleTheme.perform(base, undefined).theme).toBe('dark');
    expect(toggleTheme.perform({ ...base, theme: 'dark' }, undefined).theme).toBe('light');
    expect(toggleEdgeLabels.perform(base, undefined).edgeLabels).toBe(false);
    expect(toggleDisagreements.perform(base, undefined).disagreements).toBe(true);
  });

  it('query, viewport and open view', () => {
    expect(setQuery.perform(base, 'MATCH (n) RETURN n').query).toBe('MATCH (n) RETURN n');
    expect(setQuery.perform(base, '')).toBe(base);
    const vp = { zoom: 2, pan: { x: 1, y: 2 } };
    expect(setViewport.perform(base, vp).viewport).toBe(vp);
    const other = { ...emptyView(), theme: 'dark' as const };
    expect(loadView.perform(base, other)).toBe(other);
  });

  it('every command with a key shows it and reads its argument from the View', () => {
    for (const c of [
      hide,
      togglePin,
      selectNeighbours,
      setLayout,
      nextLayout,
      toggleTheme,
      toggleEdgeLabels,
      toggleDisagreements,
    ]) {
      expect(c.shortcut?.keys).toBeTruthy();
      const e = {
        key:
          c.shortcut?.keys.toLowerCase() === 'delete'
            ? 'Delete'
            : (c.shortcut?.keys ?? '').toLowerCase(),
        ctrlKey: false,
        metaKey: false,
        altKey: false,
      };
      expect(c.shortcut?.match(e as KeyboardEvent)).toBe(true);
    }
  });
});
