import { describe, expect, it } from 'vitest';
import { groupNodeId } from '../../client/src/grouping/groups.js';
import { groupBy, ungroupAll } from '../../client/src/state/commands/group-by.js';
import { collapseGroup, expandGroup } from '../../client/src/state/commands/group-expand.js';
import { settlePositions } from '../../client/src/state/commands/move-nodes.js';
import { emptyView, type View } from '../../client/src/state/view.js';

const base: View = {
  ...emptyView(),
  nodes: { a: { x: 0, y: 0 }, b: { x: 10, y: 0 }, c: { x: 100, y: 100, pinned: true } },
};

describe('grouping commands', () => {
  it('group by sets the rule once; ungroup all clears it', () => {
    const v = groupBy.perform(base, { by: 'label' });
    expect(v.analysis.grouping).toEqual({
      by: 'label',
      property: null,
      expanded: [],
      positions: {},
    });
    expect(groupBy.perform(v, { by: 'label' })).toBe(v);
    expect(groupBy.perform(base, { by: 'property', property: '  ' })).toBe(base);
    expect(
      groupBy.perform(v, { by: 'property', property: 'gender' }).analysis.grouping?.property,
    ).toBe('gender');
    expect(ungroupAll.perform(v, undefined).analysis.grouping).toBeNull();
    expect(ungroupAll.perform(base, undefined)).toBe(base);
    expect(groupBy.record && ungroupAll.record).toBe(true);
  });

  it('a layout settles group positions into the grouping', () => {
    const v = groupBy.perform(base, { by: 'label' });
    const settled = settlePositions.perform(v, {
      [groupNodeId('label:X')]: { x: 50, y: 60 },
      a: { x: 1, y: 2 },
    });
    expect(settled.analysis.grouping?.positions).toEqual({ 'label:X': { x: 50, y: 60 } });
    expect(settled.nodes['a']).toEqual({ x: 1, y: 2 });
  });

  it('expands a group around where its node stood, and collapses it again', () => {
    const v = settlePositions.perform(groupBy.perform(base, { by: 'label' }), {
      [groupNodeId('label:X')]: { x: 205, y: 300 },
    });
    const open = expandGroup.perform(v, { key: 'label:X', members: ['a', 'b', 'c'] });
    expect(open.analysis.grouping?.expanded).toEqual(['label:X']);
    // a and b keep their arrangement, centred on the group's place; the pinned c stays put.
    expect(open.nodes['a']).toEqual({ x: 168, y: 267 });
    expect(open.nodes['b']).toEqual({ x: 178, y: 267 });
    expect(open.nodes['c']).toEqual(base.nodes['c']);
    expect(expandGroup.perform(open, { key: 'label:X', members: [] })).toBe(open);
    const shut = collapseGroup.perform(open, 'label:X');
    expect(shut.analysis.grouping?.expanded).toEqual([]);
    expect(collapseGroup.perform(shut, 'label:X')).toBe(shut);
  });
});
