import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleIds } from '../../scripts/generate-seed-articles.js';
import { seedElements } from '../../scripts/story-seed.js';
import {
  quotedBy,
  readmePath,
  sentences,
  unaccounted,
  withCurrentCoverage,
} from '../../scripts/story-coverage.js';

const elements = seedElements();

describe('coverage of the source articles by the story seed', () => {
  it('lists every sentence of both articles, in order, with only whitespace between them', () => {
    for (const id of articleIds) expect(unaccounted(id).trim(), id).toBe('');
  });

  it('quotes every sentence that is not deliberately left out in at least one node or relationship', () => {
    const uncovered = sentences
      .filter((s) => s.leftOut === undefined && quotedBy(s, elements).length === 0)
      .map((s) => `${s.key}: ${s.text}`);
    expect(uncovered).toEqual([]);
  });

  it('leaves out only page furniture, each with a reason', () => {
    const left = sentences.filter((s) => s.leftOut !== undefined);
    expect(left.map((s) => `${s.key} ${s.text}`)).toEqual([
      '000-13 Advertising, your content continues below',
      '000-24 Related Articles',
      '000-25 Back to top button',
      '004-21 Read next:\u00a0TikTok Introduces New Feature That Explains Why Users Are Being Served Certain Videos',
      '004-22 Previous Post Next Post',
    ]);
    for (const s of left) expect(s.leftOut?.length).toBeGreaterThan(20);
  });

  it('has the generated Coverage section of cypher/README.md up to date', () => {
    const readme = readFileSync(readmePath, 'utf8');
    expect(withCurrentCoverage(readme)).toBe(readme);
  });
});
