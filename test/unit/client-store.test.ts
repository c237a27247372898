import { describe, expect, it } from 'vitest';
import { filterLabel } from '../../client/src/state/commands/filter-label.js';
import { hide } from '../../client/src/state/commands/hide.js';
import { settlePositions } from '../../client/src/state/commands/move-nodes.js';
import { select } from '../../client/src/state/commands/select.js';
import { setLayout } from '../../client/src/state/commands/set-layout.js';
import { toggleTheme } from '../../client/src/state/commands/toggle-theme.js';
import { Store } from '../../client/src/state/store.js';
import { emptyView } from '../../client/src/state/view.js';

const start = { ...emptyView(), nodes: { a: { x: 0, y: 0 }, b: { x: 5, y: 5 } } };

describe('the store: one View, undo and redo as a stack of Views', () => {
  it('undoes and redoes a label filter (the step is not used up by undo)', () => {
    const store = new Store(start);
    store.dispatch(filterLabel, { label: 'Claim', visible: false });
    expect(store.view.hiddenLabels).toEqual(['Claim']);
    expect(store.undo()).toBe(true);
    expect(store.view.hiddenLabels).toEqual([]);
    expect(store.redo()).toBe(true);
    expect(store.view.hiddenLabels).toEqual(['Claim']);
  });

  it('makes every recorded command undoable: hide, layout, theme', () => {
    const store = new Store(start);
    store.dispatch(hide, ['a']);
    store.dispatch(setLayout, 'grid');
    store.dispatch(settlePositions, { a: { x: 100, y: 100 } });
    store.dispatch(toggleTheme, undefined);
    store.undo();
    expect(store.view.theme).toBe('light');
    store.undo();
    expect(store.view.layout).toBe('fcose');
    expect(store.view.nodes['a']).toEqual({ x: 0, y: 0 });
    store.undo();
    expect(store.view.hidden).toEqual([]);
    expect(store.canUndo).toBe(false);
  });

  it('keeps selection out of the history, skips commands that change nothing, and tells listeners', () => {
    const store = new Store(start);
    const seen: string[] = [];
    store.subscribe((_next, _prev, command) => seen.push(command?.name ?? 'undo/redo'));
    store.dispatch(select, ['a']);
    expect(store.canUndo).toBe(false);
    store.dispatch(hide, ['nope']);
    store.dispatch(hide, ['a']);
    store.undo();
    expect(seen).toEqual(['select', 'hide', 'undo/redo']);
    store.forgetHistory();
    expect(store.canUndo).toBe(false);
    expect(store.canRedo).toBe(false);
  });
});
