import { describe, expect, it } from 'vitest';
import { primaryLabel, toElements } from '../../client/src/graph/to-elements.js';
import {
  captionOf,
  citationsOf,
  mergeSubgraphs,
  type Subgraph,
} from '../../client/src/graph/model.js';
import { sizeForDegree } from '../../client/src/style/style-rules.js';

const story: Subgraph = {
  nodes: [
    {
      id: 'n1',
      labels: ['Outlet'],
      caption: 'Forbes',
      degree: 9,
      properties: { name: 'Forbes', sources: ['article-000'], quotes: ['The magazine Forbes'] },
    },
    {
      id: 'n2',
      labels: ['Person'],
      caption: null,
      degree: 2,
      properties: {
        name: 'Three Forbes editors',
        disputed: true,
        sources: ['article-000'],
        quotes: ['three of its editors'],
      },
    },
    {
      id: 'n3',
      labels: ['Event'],
      degree: 1,
      properties: { name: 'Surveillance', start: '2022-06-01', end: '2022-08-31' },
    },
  ],
  edges: [
    {
      id: 'e1',
      type: 'WORKS_FOR',
      source: 'n2',
      target: 'n1',
      properties: { sources: ['article-000'], quotes: ['its editors'] },
    },
    { id: 'e2', type: 'TRACKED', source: 'n3', target: 'n9', properties: {} },
  ],
};

describe('toElements (API subgraph → Cytoscape elements)', () => {
  it('makes one node element per node with caption, primary label, degree-based size and provenance flags', () => {
    const els = toElements(story);
    const forbes = els.find((e) => e.data.id === 'n1');
    expect(forbes).toMatchObject({
      group: 'nodes',
      data: {
        caption: 'Forbes',
        label: 'Outlet',
        labels: ['Outlet'],
        degree: 9,
        size: sizeForDegree(9),
        cited: true,
        disputed: false,
      },
      classes: '',
    });
  });

  it('marks disputed facts and uncited elements with the classes the stylesheet keys on', () => {
    const els = toElements(story);
    expect(els.find((e) => e.data.id === 'n2')?.classes).toBe('disputed');
    expect(els.find((e) => e.data.id === 'n3')?.classes).toBe('uncited');
  });

  it('has no caption rule of its own: without the server’s caption a node shows its label', () => {
    expect(toElements(story).find((e) => e.data.id === 'n2')?.data['caption']).toBe('Person');
  });

  it('drops an edge whose end is neither in the subgraph nor on screen, keeps it when the end is on screen', () => {
    expect(
      toElements(story)
        .filter((e) => e.group === 'edges')
        .map((e) => e.data.id),
    ).toEqual(['e1']);
    const withKnown = toElements(story, { knownNodeIds: new Set(['n9']) });
    expect(withKnown.find((e) => e.data.id === 'e2')).toMatchObject({
      data: { source: 'n3', target: 'n9', type: 'TRACKED' },
    });
  });

  it('carries the dates of dated facts as ISO days for the time slider', () => {
    expect(toElements(story).find((e) => e.data.id === 'n3')?.data).toMatchObject({
      start: '2022-06-01',
      end: '2022-08-31',
    });
  });

  it('keeps each node and edge once when the subgraph repeats them', () => {
    const doubled: Subgraph = {
      nodes: [...story.nodes, ...story.nodes],
      edges: [...story.edges, ...story.edges],
    };
    const ids = toElements(doubled).map((e) => e.data.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('styles a node by the highest-priority label it has', () => {
    expect(primaryLabel(['Node', 'Person'], ['Person', 'Outlet'])).toBe('Person');
    expect(primaryLabel(['Thing'], ['Person'])).toBe('Thing');
    expect(primaryLabel([], [])).toBe('Node');
  });
});

describe('provenance helpers', () => {
  it('pairs sources with quotes index by index, keeping a source without a quote', () => {
    expect(citationsOf({ sources: ['a', 'b'], quotes: ['qa'] })).toEqual([
      { articleId: 'a', quote: 'qa' },
      { articleId: 'b', quote: '' },
    ]);
    expect(citationsOf({})).toEqual([]);
  });

  it('captions a node by the server’s caption (its CAPTION_KEYS rule), else its label: no rule of its own', () => {
    expect(captionOf({ id: 'x', labels: ['A'], properties: { name: 'N' }, caption: 'T' })).toBe(
      'T',
    );
    expect(captionOf({ id: 'x', labels: ['A'], properties: { name: 'N' } })).toBe('A');
  });

  it('merges subgraphs keeping the first copy of each element', () => {
    const merged = mergeSubgraphs(story, {
      nodes: [{ id: 'n1', labels: ['X'], properties: {} }],
      edges: [],
    });
    expect(merged.nodes).toHaveLength(3);
    expect(merged.nodes[0]?.labels).toEqual(['Outlet']);
  });
});
