import { describe, expect, it } from 'vitest';
import { segments } from '../../client/src/sources/reader-segments.js';
import { sentenceAt, sentencesOf } from '../../client/src/sources/sentence-at.js';
import { suggestEntities } from '../../client/src/sources/suggest.js';

describe('the reader’s pure parts', () => {
  it('steps through a text’s sentences in order, headings and quotes included (the keyboard cursor)', () => {
    const text =
      'A heading\n\nByteDance fired four. He said “no.” Then Forbes wrote it!\nlast line here';
    expect(sentencesOf(text).map((s) => s.quote)).toEqual([
      'A heading',
      'ByteDance fired four.',
      'He said “no.”',
      'Then Forbes wrote it!',
      'last line here',
    ]);
    for (const s of sentencesOf(text)) expect(text.slice(s.start, s.end)).toBe(s.quote);
  });

  it('cuts the text where marks change: overlapping passages both listed, a mention inside one', () => {
    const a = { start: 0, end: 10, id: 'a' };
    const b = { start: 5, end: 15, id: 'b' };
    const m = { start: 6, end: 8, id: 'm' };
    const segs = segments(20, [a, b], [m]);
    expect(
      segs.map((s) => [s.start, s.end, s.cited.map((c) => c.id).join(''), s.mention?.id ?? '']),
    ).toEqual([
      [0, 5, 'a', ''],
      [5, 6, 'ab', ''],
      [6, 8, 'ab', 'm'],
      [8, 10, 'ab', ''],
      [10, 15, 'b', ''],
      [15, 20, '', ''],
    ]);
  });

  it('finds the sentence around a name, across quotes and line ends', () => {
    const text = 'First one. He said “no.” Then Forbes wrote it! Last\nline here';
    const at = text.indexOf('Forbes');
    expect(sentenceAt(text, at, at + 6).quote).toBe('Then Forbes wrote it!');
    const he = text.indexOf('He');
    expect(sentenceAt(text, he, he + 2).quote).toBe('He said “no.”');
    const last = text.indexOf('line');
    expect(sentenceAt(text, last, last + 4).quote).toBe('line here');
  });

  it('suggests the people and places compromise finds, less the names the graph holds', () => {
    const text =
      'Among those tracked was Emily Baker-White, a reporter at Forbes. Chris Lepitak led the audit team in Beijing.';
    const names = suggestEntities(text, ['Forbes', 'beijing']).map((s) => [s.name, s.kind]);
    expect(names).toContainEqual(['Emily Baker-White', 'Person']);
    expect(names).toContainEqual(['Chris Lepitak', 'Person']);
    expect(names.map(([n]) => n)).not.toContain('Beijing');
    const taken = [{ start: text.indexOf('Chris'), end: text.indexOf('Chris') + 13 }];
    expect(suggestEntities(text, [], taken).map((s) => s.name)).not.toContain('Chris Lepitak');
  });
});
