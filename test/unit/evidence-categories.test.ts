import { describe, expect, it } from 'vitest';
import {
  countCategories,
  evidenceOf,
  hiddenByEvidence,
  sourceStep,
} from '../../client/src/evidence/evidence-categories.js';
import { evidenceStylesheet } from '../../client/src/evidence/evidence-style.js';

describe("evidence of a fact, from its properties and the server's count of its sources", () => {
  it("takes its sources from the server's count, not from the cited ids (two articles of one publisher are one source)", () => {
    const twoOfOnePublisher = { sources: ['article-a', 'article-b'] };
    expect(evidenceOf({ properties: twoOfOnePublisher, sourceCount: 1 })).toEqual({
      sources: 1,
      categories: ['single-source'],
    });
    expect(evidenceOf({ properties: twoOfOnePublisher, sourceCount: 2 })).toEqual({
      sources: 2,
      categories: [],
    });
  });

  it('marks facts without any source as unsourced (a count of 0, no count, no fact)', () => {
    for (const fact of [{ properties: {}, sourceCount: 0 }, { properties: { sources: [] } }, {}]) {
      expect(evidenceOf(fact)).toEqual({ sources: 0, categories: ['unsourced'] });
    }
    expect(evidenceOf(undefined)).toEqual({ sources: 0, categories: ['unsourced'] });
  });

  it('marks disputed facts: disputed true or a disagreement id, as the story and writes keep them', () => {
    expect(
      evidenceOf({ properties: { sources: ['x'], disputed: true }, sourceCount: 1 }).categories,
    ).toEqual(['single-source', 'disputed']);
    expect(
      evidenceOf({
        properties: { sources: ['x', 'y'], disagreement: 'disagreement-dismissals' },
        sourceCount: 2,
      }).categories,
    ).toEqual(['disputed']);
    expect(
      evidenceOf({ properties: { sources: ['x', 'y'], disputed: false }, sourceCount: 2 })
        .categories,
    ).toEqual([]);
  });

  it('marks inferred facts: inferred true, or a date completed from context', () => {
    expect(
      evidenceOf({ properties: { sources: ['x', 'y'], inferred: true }, sourceCount: 2 })
        .categories,
    ).toEqual(['inferred']);
    expect(
      evidenceOf({ properties: { sources: ['x', 'y'], dateInferred: true }, sourceCount: 2 })
        .categories,
    ).toEqual(['inferred']);
  });

  it('hides a fact when any of its categories is hidden', () => {
    const e = evidenceOf({ properties: { sources: ['x'], disputed: true }, sourceCount: 1 });
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
      evidenceOf({ properties: { sources: ['x'] }, sourceCount: 1 }),
      evidenceOf({ properties: { sources: ['x'], disputed: true }, sourceCount: 1 }),
      evidenceOf({ properties: {}, sourceCount: 0 }),
      evidenceOf({ properties: { sources: ['x', 'y'], inferred: true }, sourceCount: 2 }),
    ]);
    expect(n).toEqual({ 'single-source': 2, disputed: 1, inferred: 1, unsourced: 1 });
  });
});
