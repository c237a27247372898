import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { batchElements } from '../../client/src/graph/add-in-batches.js';

const node = (id: string): ElementDefinition => ({ group: 'nodes', data: { id } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({
  group: 'edges',
  data: { id, source, target },
});

/** A hub on screen and `n` new members, each linked to the hub, and member i to member i+1. */
function expansion(n: number): ElementDefinition[] {
  const defs: ElementDefinition[] = [];
  for (let i = 0; i < n; i++) defs.push(node(`m${i}`));
  for (let i = 0; i < n; i++) defs.push(edge(`h${i}`, 'hub', `m${i}`));
  for (let i = 0; i + 1 < n; i++) defs.push(edge(`c${i}`, `m${i}`, `m${i + 1}`));
  return defs;
}

describe('adding an expansion in batches', () => {
  it('splits 500 new nodes into batches of at most the batch size, losing none', () => {
    const defs = expansion(500);
    const batches = batchElements(defs, 25, (id) => id === 'hub');
    expect(batches.length).toBe(20);
    for (const b of batches)
      expect(b.filter((d) => d.group === 'nodes').length).toBeLessThanOrEqual(25);
    expect(
      batches
        .flat()
        .map((d) => d.data.id)
        .sort(),
    ).toEqual(defs.map((d) => d.data.id).sort());
  });

  it('puts every edge in the first batch where both its ends exist', () => {
    const batches = batchElements(expansion(60), 25, (id) => id === 'hub');
    const present = new Set(['hub']);
    for (const b of batches) {
      for (const d of b) if (d.group === 'nodes') present.add(String(d.data.id));
      for (const d of b.filter((x) => x.group === 'edges')) {
        expect(present.has(String(d.data['source'])), String(d.data.id)).toBe(true);
        expect(present.has(String(d.data['target'])), String(d.data.id)).toBe(true);
      }
    }
    // m24–m25 spans the first two batches, so it waits for the second.
    expect(batches[0]?.some((d) => d.data.id === 'c24')).toBe(false);
    expect(batches[1]?.some((d) => d.data.id === 'c24')).toBe(true);
  });

  it('hands edges whose ends never arrive to the last batch, as a single add would', () => {
    const batches = batchElements([node('a'), edge('x', 'a', 'gone')], 25, () => false);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((d) => d.data.id)).toEqual(['a', 'x']);
  });

  it('gives edges alone (no new nodes) one batch', () => {
    const batches = batchElements([edge('x', 'a', 'b')], 25, () => true);
    expect(batches).toEqual([[edge('x', 'a', 'b')]]);
  });
});
