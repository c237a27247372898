import { describe, expect, it } from 'vitest';
import {
  comparePaths,
  rankPaths,
  supportNote,
  supportOf,
  type LinkEvidence,
} from '../../server/graph/path-support.js';

const link = (
  edgeId: string,
  origins: string[],
  extra: Partial<LinkEvidence> = {},
): LinkEvidence => ({
  edgeId,
  type: edgeId.toUpperCase(),
  origins,
  documents: new Set(origins).size,
  disputed: false,
  inferred: false,
  ...extra,
});

const evidence = (...links: LinkEvidence[]): Map<string, LinkEvidence> =>
  new Map(links.map((l) => [l.edgeId, l]));

const path = (edgeIds: string[], ev: Map<string, LinkEvidence>) => ({
  edgeIds,
  support: supportOf(edgeIds, ev),
});

describe('path support', () => {
  it('counts independent sources: repeated origins of one relationship count once', () => {
    const ev = evidence(link('a', ['outlet:nyt', 'outlet:nyt', 'document:x'], { documents: 3 }));
    const s = supportOf(['a'], ev);
    expect(s.links[0]?.sources).toBe(2);
    expect(s.links[0]?.documents).toBe(3);
  });

  it('names the weakest link: the relationship with the fewest independent sources', () => {
    const ev = evidence(link('a', ['o1', 'o2']), link('b', ['o1']), link('c', ['o1', 'o2', 'o3']));
    const s = supportOf(['a', 'b', 'c'], ev);
    expect(s.weakestLink.edgeId).toBe('b');
    expect(s.minSources).toBe(1);
    expect(s.weakLinks).toBe(1);
    expect(s.totalSources).toBe(3);
  });

  it('among equally weak links names a disputed one, else the first along the path', () => {
    const plain = evidence(link('a', ['o1']), link('b', ['o2']));
    expect(supportOf(['a', 'b'], plain).weakestLink.edgeId).toBe('a');
    const disputed = evidence(link('a', ['o1']), link('b', ['o2'], { disputed: true }));
    const s = supportOf(['a', 'b'], disputed);
    expect(s.weakestLink.edgeId).toBe('b');
    expect(s.disputed).toBe(true);
  });

  it('counts a relationship without citations as unsourced (0 sources)', () => {
    const s = supportOf(['a', 'gone'], evidence(link('a', ['o1'])));
    expect(s.minSources).toBe(0);
    expect(s.weakestLink.edgeId).toBe('gone');
  });

  it('sorts undisputed paths first, even when a disputed one has stronger links', () => {
    const ev = evidence(
      link('strong', ['o1', 'o2', 'o3'], { disputed: true }),
      link('weak', ['o1']),
    );
    const ranked = rankPaths([path(['strong'], ev), path(['weak'], ev)]);
    expect(ranked.map((p) => p.edgeIds[0])).toEqual(['weak', 'strong']);
  });

  it('sorts by the weakest link, then by fewer links at that minimum, then shorter', () => {
    const ev = evidence(
      link('a1', ['o1']),
      link('a2', ['o1']),
      link('b1', ['o1']),
      link('b2', ['o1', 'o2']),
      link('c1', ['o1', 'o2']),
      link('c2', ['o2', 'o3']),
      link('d1', ['o1']),
    );
    const ranked = rankPaths([
      path(['a1', 'a2'], ev), // min 1, two weak links
      path(['d1'], ev), // min 1, one weak link, shorter than b
      path(['b1', 'b2'], ev), // min 1, one weak link
      path(['c1', 'c2'], ev), // min 2
    ]);
    expect(ranked.map((p) => p.edgeIds.join('+'))).toEqual(['c1+c2', 'd1', 'b1+b2', 'a1+a2']);
  });

  it('breaks ties by more sources across the path, then fewer inferred links, then ids', () => {
    const ev = evidence(
      link('x1', ['o1']),
      link('x2', ['o2', 'o3']),
      link('y1', ['o1']),
      link('y2', ['o1', 'o2']),
      link('z1', ['o1']),
      link('z2', ['o2', 'o3'], { inferred: true }),
    );
    const x = path(['x1', 'x2'], ev);
    const y = path(['y1', 'y2'], ev);
    const z = path(['z1', 'z2'], ev);
    expect(rankPaths([y, z, x])).toEqual([x, z, y]);
    // Identical support: the ids decide, so the order never depends on what Neo4j returned first.
    const twin = path(['w1', 'w2'], evidence(link('w1', ['o1']), link('w2', ['o2', 'o3'])));
    expect(comparePaths(twin, x)).toBeLessThan(0);
    expect(rankPaths([x, twin])).toEqual([twin, x]);
  });

  it('says when the graph has no citations, and which options it ignored', () => {
    expect(supportNote(false, { minSources: 0, excludeDisputed: false })).toMatch(
      /cite no sources .* plain shortest paths, not ranked by evidence\.$/,
    );
    expect(supportNote(false, { minSources: 2, excludeDisputed: true })).toContain(
      '(minSources and excludeDisputed ignored)',
    );
    expect(supportNote(true, { minSources: 2, excludeDisputed: true })).toContain(
      'only relationships with at least 2 independent sources, no disputed relationship',
    );
  });

  it('refuses an empty path', () => {
    expect(() => supportOf([], new Map())).toThrow(/at least one relationship/);
  });
});
