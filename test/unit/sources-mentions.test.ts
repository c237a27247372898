import { describe, expect, it } from 'vitest';
import { chunks, findMentions, indexWords } from '../../server/graph/mention-spans.js';

const text =
  'ByteDance’s audit team tracked a reporter of the Financial Times. TikTok said nothing; ' +
  'the FinancialTimes typo stays. Bytedance staff and the US government talk; us readers wait.';

describe('the mention finder', () => {
  it('finds each name at its offsets, case aside, as whole words only', () => {
    const spans = findMentions(text, [
      { nodeId: 'b', names: ['ByteDance'] },
      { nodeId: 't', names: ['TikTok'] },
    ]);
    expect(spans.map((s) => [s.nodeId, text.slice(s.start, s.end)])).toEqual([
      ['b', 'ByteDance'],
      ['t', 'TikTok'],
      ['b', 'Bytedance'],
    ]);
  });

  it('prefers the longest of overlapping names (Financial Times over Times) and skips glued words', () => {
    const spans = findMentions(text, [
      { nodeId: 'times', names: ['Times'] },
      { nodeId: 'ft', names: ['Financial Times'] },
    ]);
    expect(spans.map((s) => s.nodeId)).toEqual(['ft']);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('Financial Times');
  });

  it('matches aliases, any whitespace for a space, and short names only in their own case', () => {
    const spans = findMentions('The U.S.\ngovernment and the US Government; us.', [
      { nodeId: 'usg', names: ['United States government', 'US  government'] },
      { nodeId: 'us', names: ['US'] },
    ]);
    expect(spans.map((s) => [s.nodeId, s.name])).toEqual([['usg', 'US  government']]);
    const alone = findMentions('us and US', [{ nodeId: 'us', names: ['US'] }]);
    expect(alone.map((s) => s.start)).toEqual([7]);
  });

  it('treats either apostrophe alike and ignores one-letter names', () => {
    const spans = findMentions('O’Brien met A at the café.', [
      { nodeId: 'ob', names: ["O'Brien"] },
      { nodeId: 'a', names: ['A'] },
    ]);
    expect(spans).toEqual([{ start: 0, end: 7, nodeId: 'ob', name: "O'Brien" }]);
  });

  it('asks the index about distinct words without stop words, in bounded chunks', () => {
    const words = indexWords('The Forbes editors and the Forbes story: a TikTok tale');
    expect(words).toEqual(['forbes', 'editors', 'story', 'tiktok', 'tale']);
    expect(chunks(words, 2)).toEqual([['forbes', 'editors'], ['story', 'tiktok'], ['tale']]);
  });
});
