import { describe, expect, it } from 'vitest';
import {
  groupDrawing,
  groupKey,
  groupNodeId,
  groupPosition,
  withGroupPositions,
  type NodeFacts,
} from '../../client/src/grouping/groups.js';
import type { Grouping } from '../../client/src/state/analysis.js';
import type { ViewEdge } from '../../client/src/state/view.js';

const facts: Record<string, NodeFacts> = {
  p1: { labels: ['Person'], properties: { gender: 'female' } },
  p2: { labels: ['Person'], properties: { gender: 'male' } },
  p3: { labels: ['Person', 'Officer'], properties: { gender: 'female' } },
  c1: { labels: ['Crime'], properties: { type: 'Burglary' } },
  c2: { labels: ['Crime'], properties: { type: 'Drugs' } },
  l1: { labels: ['Location'], properties: {} },
};
const edges: Record<string, ViewEdge> = {
  e1: { source: 'p1', target: 'c1', type: 'PARTY_TO' },
  e2: { source: 'p2', target: 'c1', type: 'PARTY_TO' },
  e3: { source: 'p3', target: 'c2', type: 'PARTY_TO' },
  e4: { source: 'c1', target: 'l1', type: 'OCCURRED_AT' },
  e5: { source: 'c2', target: 'l1', type: 'OCCURRED_AT' },
  e6: { source: 'p1', target: 'p2', type: 'KNOWS' },
};
const shown = { nodes: Object.keys(facts), edges: Object.keys(edges) };
const byLabel: Grouping = { by: 'label', property: null, expanded: [], positions: {} };

describe('grouping: group keys', () => {
  it('keys a node by the label it is styled by, or by a property value; none without it', () => {
    expect(groupKey(facts['p3']!, byLabel)).toBe('label:Person');
    expect(groupKey(facts['p3']!, byLabel, ['Officer'])).toBe('label:Officer');
    const byGender = { by: 'property', property: 'gender' } as const;
    expect(groupKey(facts['p1']!, byGender)).toBe('gender=female');
    expect(groupKey(facts['l1']!, byGender)).toBeNull();
    expect(groupKey({ labels: [], properties: { n: 3 } }, { by: 'property', property: 'n' })).toBe(
      'n=3',
    );
  });
});

describe('grouping: what is drawn', () => {
  it('collapses groups of two or more into group nodes, counting the relationships between them', () => {
    const g = groupDrawing(shown, edges, byLabel, (id) => facts[id]);
    expect(g.groups.map((x) => [x.title, x.members.length, x.label])).toEqual([
      ['Person', 3, 'Person'],
      ['Crime', 2, 'Crime'],
    ]);
    // The single Location is no group: it stays itself.
    expect(g.nodes).toEqual(['l1']);
    // Person→Crime three times, Crime→Location twice; Person–Person (inside a group) is left out.
    expect(g.edges).toEqual([]);
    expect(g.aggregates.map((a) => [a.source, a.target, a.count])).toEqual([
      [groupNodeId('label:Person'), groupNodeId('label:Crime'), 3],
      [groupNodeId('label:Crime'), 'l1', 2],
    ]);
  });

  it('draws the members of an expanded group, linked to the groups still collapsed', () => {
    const g = groupDrawing(
      shown,
      edges,
      { ...byLabel, expanded: ['label:Crime'] },
      (id) => facts[id],
    );
    expect(g.groups.find((x) => x.key === 'label:Crime')?.expanded).toBe(true);
    expect(g.nodes).toEqual(['c1', 'c2', 'l1']);
    expect(g.edges).toEqual(['e4', 'e5']);
    expect(g.aggregates.map((a) => [a.source, a.target, a.count])).toEqual([
      [groupNodeId('label:Person'), 'c1', 2],
      [groupNodeId('label:Person'), 'c2', 1],
    ]);
  });

  it('groups by a property value and leaves the nodes without it alone', () => {
    const g = groupDrawing(
      shown,
      edges,
      { by: 'property', property: 'gender', expanded: [], positions: {} },
      (id) => facts[id],
    );
    expect(g.groups.map((x) => [x.title, x.members])).toEqual([['gender = female', ['p1', 'p3']]]);
    expect(g.nodes).toEqual(['p2', 'c1', 'c2', 'l1']);
    expect(g.edges).toEqual(['e2', 'e4', 'e5']);
  });

  it('places a group where it was put, else at the centre of its members', () => {
    const nodes = { p1: { x: 0, y: 0 }, p3: { x: 10, y: 20 } };
    const group = { key: 'label:Person', members: ['p1', 'p3'] };
    expect(groupPosition(group, byLabel, nodes)).toEqual({ x: 5, y: 10 });
    const kept = withGroupPositions(byLabel, {
      [groupNodeId('label:Person')]: { x: 7, y: 8 },
      p1: { x: 1, y: 1 },
    });
    expect(kept.positions).toEqual({ 'label:Person': { x: 7, y: 8 } });
    expect(groupPosition(group, kept, nodes)).toEqual({ x: 7, y: 8 });
    // Nothing moved: the same object, so the View does not change.
    expect(withGroupPositions(kept, { [groupNodeId('label:Person')]: { x: 7, y: 8 } })).toBe(kept);
  });
});
