import { describe, expect, it } from 'vitest';
import {
  computeStructure,
  type StructureInput,
} from '../../client/src/structure/compute-structure.js';

/** A graph from "a-b b-c" style pairs. */
function graph(pairs: string): StructureInput {
  const edges = pairs
    .trim()
    .split(/\s+/)
    .map((p) => p.split('-') as [string, string]);
  const nodes = [...new Set(edges.flat())];
  return { nodes, edges };
}

describe('structure measures (graphology) on small known graphs', () => {
  it('degree counts each drawn relationship at both ends, parallel ones too', () => {
    const m = computeStructure(graph('a-b a-b b-c c-a'));
    expect(m.degree).toEqual({ a: 3, b: 3, c: 2 });
  });

  it('betweenness of a path: the middle carries every shortest path, the ends none', () => {
    // a-b-c-d-e: b lies on 3 of the 6 pairs it is not in, c on 4; normalised by (n-1)(n-2)/2 = 6.
    const m = computeStructure(graph('a-b b-c c-d d-e'));
    expect(m.betweenness['a']).toBe(0);
    expect(m.betweenness['e']).toBe(0);
    expect(m.betweenness['b']).toBeCloseTo(3 / 6);
    expect(m.betweenness['c']).toBeCloseTo(4 / 6);
    expect(m.betweenness['d']).toBeCloseTo(3 / 6);
  });

  it('betweenness of a star: the hub is on every path between leaves (1), leaves on none', () => {
    const m = computeStructure(graph('h-a h-b h-c h-d h-e'));
    expect(m.betweenness['h']).toBeCloseTo(1);
    for (const leaf of 'abcde') expect(m.betweenness[leaf]).toBe(0);
  });

  it('PageRank sums to 1 and ranks a star’s hub first', () => {
    const m = computeStructure(graph('h-a h-b h-c h-d a-b x-y'));
    const sum = Object.values(m.pagerank).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    const top = Object.entries(m.pagerank).sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top).toBe('h');
  });

  it('PageRank of a picture without relationships is uniform', () => {
    const m = computeStructure({ nodes: ['a', 'b', 'c', 'd'], edges: [] });
    for (const v of Object.values(m.pagerank)) expect(v).toBeCloseTo(0.25);
  });

  it('Louvain finds two cliques of five joined by one relationship', () => {
    const clique = (p: string): string[] => {
      const out: string[] = [];
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) out.push(`${p}${i}-${p}${j}`);
      return out;
    };
    const m = computeStructure(graph([...clique('a'), ...clique('b'), 'a0-b0'].join(' ')));
    expect(m.communityCount).toBe(2);
    const ca = new Set([0, 1, 2, 3, 4].map((i) => m.community[`a${i}`]));
    const cb = new Set([0, 1, 2, 3, 4].map((i) => m.community[`b${i}`]));
    expect(ca.size).toBe(1);
    expect(cb.size).toBe(1);
    expect([...ca][0]).not.toBe([...cb][0]);
  });

  it('communities are numbered from the largest, and an isolated node is its own', () => {
    const input = graph('a-b b-c c-a a-d x-y');
    const m = computeStructure({ ...input, nodes: [...input.nodes, 'lonely'] });
    expect(m.community['a']).toBe(0);
    expect(m.community['lonely']).not.toBe(m.community['x']);
    expect(m.communityCount).toBe(3);
  });

  it('a self-loop counts twice in degree, as drawn, but is no tie; relationships to undrawn nodes are ignored', () => {
    const m = computeStructure({
      nodes: ['a', 'b'],
      edges: [
        ['a', 'b'],
        ['a', 'a'],
        ['a', 'gone'],
      ],
    });
    expect(m.degree).toEqual({ a: 3, b: 1 });
    expect(m.betweenness).toEqual({ a: 0, b: 0 });
  });
});
