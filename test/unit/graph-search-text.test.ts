import { describe, expect, it } from 'vitest';
import {
  findSnippet,
  luceneField,
  luceneQuery,
  searchWords,
  SNIPPET_LENGTH,
} from '../../server/graph/search-text.js';

describe('search text helpers', () => {
  it('splits what a user typed into lower-case words, dropping Lucene syntax', () => {
    expect(searchWords('  ByteDance’s AND (audit*) team!! ')).toEqual([
      'bytedance’s',
      'and',
      'audit',
      'team',
    ]);
    expect(searchWords('"quoted" -minus +plus ~fuzzy: title:x')).toEqual([
      'quoted',
      'minus',
      'plus',
      'fuzzy',
      'title',
      'x',
    ]);
    expect(searchWords('!!! ...')).toEqual([]);
  });

  it('requires every word, exactly or as a prefix, with caption fields ranked higher', () => {
    expect(luceneQuery(['byte', 'dan'])).toBe('+(byte^2 OR byte*) +(dan^2 OR dan*)');
    expect(luceneQuery(['forbes'], ['name'])).toBe(
      '+(name:forbes^8 OR name:forbes*^4 OR forbes^2 OR forbes*)',
    );
  });

  it('escapes field names that hold Lucene syntax', () => {
    expect(luceneField('first name')).toBe('first\\ name');
    expect(luceneField('a:b(c)')).toBe('a\\:b\\(c\\)');
  });

  it('shows the first property whose words start with a search word, the words marked', () => {
    const s = findSnippet(
      { id: 'x', name: 'Rubo Liang', description: 'CEO of ByteDance' },
      ['name', 'description'],
      ['byted'],
    );
    expect(s).toEqual({
      property: 'description',
      text: 'CEO of ByteDance',
      highlights: [{ start: 7, end: 16 }],
    });
  });

  it('looks inside list properties (quotes) and cuts long text around the match', () => {
    const long = `${'word '.repeat(60)}the Forbes story ${'tail '.repeat(60)}`;
    const s = findSnippet({ quotes: ['nothing here', long] }, ['quotes'], ['forbes']);
    expect(s?.property).toBe('quotes');
    expect(s?.text.startsWith('…')).toBe(true);
    expect(s?.text.endsWith('…')).toBe(true);
    expect(s?.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    const [h] = s?.highlights ?? [];
    expect(s?.text.slice(h?.start, h?.end)).toBe('Forbes');
  });

  it('falls back to a match inside a word, and gives null when nothing matches', () => {
    expect(findSnippet({ address: '182 Hamilcar Avenue' }, ['address'], ['milc'])).toEqual({
      property: 'address',
      text: '182 Hamilcar Avenue',
      highlights: [{ start: 6, end: 10 }],
    });
    expect(findSnippet({ name: 'x' }, ['name'], ['zzz'])).toBeNull();
  });
});
