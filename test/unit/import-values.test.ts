import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { parseValue, ValueError } from '../../server/import/csv-values.js';

const one = (text: string, type: Parameters<typeof parseValue>[1]) =>
  parseValue(text, type, false, ';');

describe('parseValue', () => {
  it('gives no value for an empty field, whatever the type', () => {
    expect(one('', 'string')).toBeUndefined();
    expect(one('', 'int')).toBeUndefined();
    expect(parseValue('', 'string', true, ';')).toBeUndefined();
  });

  it('keeps strings exactly, spaces and all', () => {
    expect(one('  £3,500 currency ', 'string')).toBe('  £3,500 currency ');
  });

  it('turns integers into driver Integers (a JS number would be stored as a float)', () => {
    const v = one('9007199254740993', 'long');
    expect(neo4j.isInt(v)).toBe(true);
    expect(String(v)).toBe('9007199254740993');
    expect(String(one(' -42 ', 'int'))).toBe('-42');
  });

  it('checks integer ranges per declared width', () => {
    expect(() => one('2147483648', 'int')).toThrow(/out of range for int/);
    expect(() => one('128', 'byte')).toThrow(/out of range for byte/);
    expect(() => one('9223372036854775808', 'long')).toThrow(/out of range/);
    expect(String(one('-128', 'byte'))).toBe('-128');
  });

  it('parses floats and refuses text that is not a number', () => {
    expect(one('53.530988', 'double')).toBe(53.530988);
    expect(one('-2.61741', 'float')).toBe(-2.61741);
    expect(one('1e3', 'double')).toBe(1000);
    expect(() => one('12,5', 'double')).toThrow(ValueError);
    expect(() => one('abc', 'double')).toThrow(/not a number/);
  });

  it('accepts only true and false as booleans', () => {
    expect(one('TRUE', 'boolean')).toBe(true);
    expect(one('false', 'boolean')).toBe(false);
    expect(() => one('yes', 'boolean')).toThrow(/not a boolean/);
  });

  it('parses temporal types into driver temporal values', () => {
    expect(String(one('2017-08-24', 'date'))).toBe('2017-08-24');
    expect(String(one('2017-08-24T10:15:30', 'localdatetime'))).toBe('2017-08-24T10:15:30');
    expect(String(one('2017-08-24T10:15:30.5+01:00', 'datetime'))).toBe(
      '2017-08-24T10:15:30.500000000+01:00',
    );
    expect(String(one('2017-08-24T10:15:30Z', 'datetime'))).toBe('2017-08-24T10:15:30Z');
    expect(String(one('2017-08-24T10:15[Europe/London]', 'datetime'))).toBe(
      '2017-08-24T10:15:00[Europe/London]',
    );
    expect(String(one('2017-08-24', 'datetime'))).toBe('2017-08-24T00:00:00Z');
    expect(String(one('14:44', 'localtime'))).toBe('14:44:00');
    expect(String(one('14:44:05-05:00', 'time'))).toBe('14:44:05-05:00');
    expect(String(one('P1Y2M3DT4H5M6.5S', 'duration'))).toBe('P1Y2M3DT4H5M6.500000000S');
  });

  it('refuses dates that do not exist and foreign date formats', () => {
    expect(() => one('24/08/2017', 'date')).toThrow(/expected YYYY-MM-DD/);
    expect(() => one('2021-02-29', 'date')).toThrow(/leap year/);
    expect(() => one('2021-13-01', 'date')).toThrow(/valid calendar date/);
    expect(() => one('25:00', 'localtime')).toThrow(/valid time/);
    expect(() => one('P', 'duration')).toThrow(/duration/);
  });

  it('splits arrays on the array delimiter and types each element', () => {
    expect(parseValue('a;b;;c', 'string', true, ';')).toEqual(['a', 'b', '', 'c']);
    const ints = parseValue('1|2|3', 'int', true, '|');
    expect(Array.isArray(ints) && ints.map(String)).toEqual(['1', '2', '3']);
    expect(() => parseValue('1;;3', 'int', true, ';')).toThrow(/empty int element/);
    expect(() => parseValue('1;x', 'double', true, ';')).toThrow(/not a number/);
  });
});
