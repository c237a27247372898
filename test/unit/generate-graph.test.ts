import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createRandom, generateGraph } from '../../scripts/generate-graph.js';
import { parseHeader } from '../../server/import/csv-header.js';

const digest = (files: ReadonlyMap<string, string>): string => {
  const h = createHash('sha256');
  for (const [name, text] of files) h.update(`${name}\0${text}\0`);
  return h.digest('hex');
};

describe('generateGraph', { timeout: 60_000 }, () => {
  it('gives byte-identical files for the same seed and size, and different ones for another seed', () => {
    const a = generateGraph({ relationships: 10_000, seed: 42 });
    const b = generateGraph({ relationships: 10_000, seed: 42 });
    const c = generateGraph({ relationships: 10_000, seed: 43 });
    expect([...a.files.keys()]).toEqual([...b.files.keys()]);
    expect(digest(a.files)).toBe(digest(b.files));
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
    expect(digest(c.files)).not.toBe(digest(a.files));
  });

  it('writes the requested number of relationships in files the importer accepts', () => {
    const graph = generateGraph({ relationships: 10_000, seed: 7 });
    let relationships = 0;
    let nodes = 0;
    for (const [name, text] of graph.files) {
      const records = parse(text) as string[][];
      const header = parseHeader(records[0] ?? []);
      expect(header.kind).toBe(name.startsWith('nodes.') ? 'nodes' : 'relationships');
      for (const r of records.slice(1)) expect(r).toHaveLength(header.columns.length);
      if (header.kind === 'nodes') nodes += records.length - 1;
      else relationships += records.length - 1;
    }
    expect(relationships).toBe(10_000);
    expect(nodes).toBe(2_000);
    expect(Object.values(graph.summary.relationships).reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('has heavy-tailed degrees: the biggest hub has far more neighbours than the median node', () => {
    const { summary } = generateGraph({ relationships: 10_000, seed: 42 });
    const top = summary.hubs[0]?.degree ?? 0;
    expect(summary.median.degree).toBeGreaterThan(0);
    expect(top).toBeGreaterThan(20 * summary.median.degree);
  });

  it('names people with first and last names and organisations with a legal form', () => {
    const { files } = generateGraph({ relationships: 1_000, seed: 1 });
    const people = parse(files.get('nodes.Person.csv') ?? '', { columns: true }) as Record<
      string,
      string
    >[];
    const orgs = parse(files.get('nodes.Organisation.csv') ?? '', { columns: true }) as Record<
      string,
      string
    >[];
    for (const p of people) expect(p['name']).toMatch(/^\S+ \S.*$/);
    for (const o of orgs)
      expect(o['name']).toMatch(/ (Ltd|LLP|SA|GmbH|Inc|BV|SARL|Limited|AG|Corp)$/);
  });

  it('draws the same numbers from the same seed', () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});
