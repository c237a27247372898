import { describe, expect, it } from 'vitest';
import { openingPassage, parsePublished } from '../../server/writes/add-source.js';
import { newCitations } from '../../server/writes/citations.js';
import { storyId } from '../../server/writes/element.js';
import { explainMiss, findQuote } from '../../server/writes/quote-match.js';
import type { Database } from '../../server/db/database.js';
import {
  checkWriteName,
  knownNamesFor,
  toProperties,
  toPropertyValue,
} from '../../server/writes/write-input.js';

const TEXT =
  'In an email seen by our colleagues at yardRubo Liang, CEO of ByteDance,\nsaid to himself “deeply disappointed“by the behavior.';

describe('findQuote', () => {
  it('finds a verbatim passage and returns the source’s exact words with UTF-16 offsets', () => {
    const m = findQuote(TEXT, 'CEO of ByteDance');
    expect(m).toEqual({
      start: TEXT.indexOf('CEO'),
      end: TEXT.indexOf('CEO') + 16,
      exact: 'CEO of ByteDance',
    });
  });

  it('ignores differences in whitespace only, and keeps the source’s own line break in `exact`', () => {
    const m = findQuote(TEXT, '  ByteDance, said   to himself ');
    expect(m?.exact).toBe('ByteDance,\nsaid to himself');
    expect(TEXT.slice(m?.start, m?.end)).toBe(m?.exact);
  });

  it('does not forgive anything but whitespace: quotes, case and the source’s typos must match', () => {
    expect(findQuote(TEXT, '"deeply disappointed"')).toBeNull();
    expect(findQuote(TEXT, 'ceo of bytedance')).toBeNull();
    expect(findQuote(TEXT, 'yard Rubo Liang')).toBeNull();
    expect(findQuote(TEXT, 'yardRubo Liang')).not.toBeNull();
    expect(findQuote(TEXT, '   ')).toBeNull();
  });
});

describe('explainMiss', () => {
  it('names the words that are nowhere in the source', () => {
    expect(explainMiss(TEXT, 'Rubo Liang said furious').missingWords).toEqual(['furious']);
  });

  it('says where the passage breaks when every word is there but not together', () => {
    const miss = explainMiss(TEXT, 'CEO of ByteDance said the behavior');
    expect(miss.missingWords).toEqual([]);
    expect(miss.matchedPrefix).toBe('CEO of ByteDance');
  });
});

describe('checkWriteName', () => {
  const known = new Set(['Person', 'Has Space']);
  it('accepts a name the database has, even one a new name could not be', () => {
    expect(checkWriteName('label', 'Has Space', known)).toBe('Has Space');
  });
  it('accepts a new plain identifier and refuses anything else', () => {
    expect(checkWriteName('label', 'Witness_2', known)).toBe('Witness_2');
    for (const bad of ['2Fast', 'a b', 'x`) DETACH DELETE (n', '', 'é']) {
      expect(() => checkWriteName('label', bad, known)).toThrow(/must start with a letter/);
    }
  });
  it('refuses Dossier’s own names whatever their case', () => {
    expect(() => checkWriteName('label', 'DossierChange', known)).toThrow(/reserved/);
    expect(() => checkWriteName('property key', 'dossierVersion', known)).toThrow(/reserved/);
  });
});

describe('toProperties / toPropertyValue', () => {
  const known = new Set<string>();
  it('keeps integers integers and floats floats, and accepts lists of one type', () => {
    const p = toProperties({ n: 3, x: 1.5, tags: ['a', 'b'], ok: true }, known);
    expect(String(p['n'])).toBe('3');
    expect(typeof p['n']).toBe('object');
    expect(p['x']).toBe(1.5);
    expect(p['tags']).toEqual(['a', 'b']);
  });
  it('refuses what Neo4j cannot store, with the key in the message', () => {
    expect(() => toPropertyValue('m', { a: 1 })).toThrow(/"m" is not a string/);
    expect(() => toPropertyValue('l', [[1]])).toThrow(/"l" is not a string/);
    expect(() => toPropertyValue('l', [1, 'a'])).toThrow(/mixes types/);
    expect(() => toPropertyValue('l', [])).toThrow(/empty list/);
    expect(() => toPropertyValue('f', Number.NaN)).toThrow(/finite number/);
    expect(() => toProperties([1], known)).toThrow(/JSON object/);
    expect(() => toProperties({ quotes: ['x'] }, known)).toThrow(/set by Dossier/);
  });
});

describe('parsePublished', () => {
  it('bounds a year, a month and a day, and keeps words as words', () => {
    expect(parsePublished('2022')).toMatchObject({
      precision: 'year',
      start: '2022-01-01',
      end: '2022-12-31',
    });
    expect(parsePublished('2024-02')).toMatchObject({
      precision: 'month',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(parsePublished('2022-12-22')).toMatchObject({
      precision: 'day',
      start: '2022-12-22',
      end: '2022-12-22',
    });
    expect(parsePublished(' summer 2022 ')).toEqual({
      text: 'summer 2022',
      precision: 'text',
      start: null,
      end: null,
    });
  });
  it('refuses dates that do not exist', () => {
    expect(() => parsePublished('2022-13')).toThrow(/not a real date/);
    expect(() => parsePublished('2023-02-29')).toThrow(/not a real date/);
  });
});

describe('the rest', () => {
  it('openingPassage quotes the first line, verbatim', () => {
    const p = openingPassage('\n  Title line  \nBody');
    expect(p.quote).toBe('Title line');
    expect('\n  Title line  \nBody'.slice(p.start, p.end)).toBe('Title line');
  });
  it('newCitations drops passages the element already cites and repeats', () => {
    const c = (source: string, quote: string) => ({ source, quote, start: 0, end: 1 });
    const fresh = newCitations({ sources: ['a'], quotes: ['q'] }, [
      c('a', 'q'),
      c('b', 'q'),
      c('b', 'q'),
    ]);
    expect(fresh).toEqual([c('b', 'q')]);
  });
  it('storyId makes a kebab-case id unique by the uid', () => {
    expect(storyId('Rubo Liang, CEO!', 'abcdef12-0000')).toBe('rubo-liang-ceo-abcdef12');
    expect(storyId('…', 'abcdef12')).toBe('fact-abcdef12');
  });
});

describe('knownNamesFor', () => {
  // A database that must not be asked: any statement fails the test.
  const unasked = new Proxy({} as Database, {
    get: () => {
      throw new Error('the live schema was read');
    },
  });

  it('answers plain identifiers without reading the live schema', async () => {
    const known = await knownNamesFor(unasked, ['WROTE_TO', 'channel', 'Person']);
    expect([known.labels.size, known.types.size, known.propertyKeys.size]).toEqual([0, 0, 0]);
  });

  it('reads the live schema when a name is not a plain identifier', async () => {
    await expect(knownNamesFor(unasked, ['WROTE_TO', 'wrote to'])).rejects.toThrow(
      'the live schema was read',
    );
  });
});
