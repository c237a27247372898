import { describe, expect, it } from 'vitest';
import {
  countCategories,
  evidenceOf,
  hiddenByEvidence,
  sourceStep,
} from '../../client/src/evidence/evidence-categories.js';
import { evidenceStylesheet } from '../../client/src/evidence/evidence-style.js';

describe('evidence of a fact, from its properties', () => {
  it('counts distinct documents: several passages of one article are one source', () => {
    const e = evidenceOf({ sources: ['article-000', 'article-000'], quotes: ['a', 'b'] });
    expect(e).toEqual({ sources: 1, categories: ['single-source'] });
    expect(evidenceOf({ sources: ['article-000', 'article-004'] })).toEqual({
      sources: 2,
      categories: [],
    });
  });

  it('counts by origin when origins are known: two articles of one publisher are one source', () => {
    const origin = (id: string): string | undefined =>
      ({ a: 'outlet:nyt', b: 'outlet:nyt', c: 'outlet:ft' })[id];
    expect(evidenceOf({ sources: ['a', 'b'] }, origin).sources).toBe(1);
    expect(evidenceOf({ sources: ['a', 'b', 'c'] }, origin).sources).toBe(2);
    expect(evidenceOf({ sources: ['a', 'unknown'] }, origin).sources).toBe(2);
  });

  it('marks facts without any citation as unsourced (no key, empty list, blanks)', () => {
    for (const props of [{}, { sources: [] }, { sources: [''] }, { sources: 7 }, undefined]) {
      expect(evidenceOf(props)).toEqual({ sources: 0, categories: ['unsourced'] });
    }
  });

  it('marks disputed facts: disputed true or a disagreement id, as the story and writes keep them', () => {
    expect(evidenceOf({ sources: ['x'], disputed: true }).categories).toEqual([
      'single-source',
      'disputed',
    ]);
    expect(
      evidenceOf({ sources: ['x', 'y'], disagreement: 'disagreement-dismissals' }).categories,
    ).toEqual(['disputed']);
    expect(evidenceOf({ sources: ['x', 'y'], disputed: false }).categories).toEqual([]);
  });

  it('marks inferred facts: inferred true, or a date completed from context', () => {
    expect(evidenceOf({ sources: ['x', 'y'], inferred: true }).categories).toEqual(['inferred']);
    expect(evidenceOf({ sources: ['x', 'y'], dateInferred: true }).categories).toEqual([
      'inferred',
    ]);
  });

  it('hides a fact when any of its categories is hidden', () => {
    const e = evidenceOf({ sources: ['x'], disputed: true });
    expect(hiddenByEvidence(e, { hidden: [] })).toBe(false);
    expect(hiddenByEvidence(e, { hidden: ['inferred'] })).toBe(false);
    expect(hiddenByEvidence(e, { hidden: ['disputed'] })).toBe(true);
    expect(hiddenByEvidence(e, { hidden: ['single-source'] })).toBe(true);
  });

  it('steps sizes by sources (0, 1, 2, 3+), bigger for more sources', () => {
    expect([0, 1, 2, 3, 9, -1].map(sourceStep)).toEqual([0, 1, 2, 3, 3, 0]);
    const sizes = evidenceStylesheet()
      .filter((r) => 'selector' in r && /^node\.ev-s\d$/.test(r.selector))
      .map((r) => (r as { style: { width: number } }).style.width);
    expect(sizes).toHaveLength(4);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
  });

  it('counts the facts of each category', () => {
    const n = countCategories([
      evidenceOf({ sources: ['x'] }),
      evidenceOf({ sources: ['x'], disputed: true }),
      evidenceOf({}),
      evidenceOf({ sources: ['x', 'y'], inferred: true }),
    ]);
    expect(n).toEqual({ 'single-source': 2, disputed: 1, inferred: 1, unsourced: 1 });
  });
});
