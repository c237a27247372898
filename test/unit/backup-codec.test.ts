import neo4j, { DateTime, Duration, Point, Time } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../server/backup/backup-format.js';
import { CodecError, decodeValue, encodeValue } from '../../server/backup/value-codec.js';

/** Through JSON text and back, as the file does it. */
const roundTrip = (v: unknown): unknown =>
  decodeValue(JSON.parse(JSON.stringify(encodeValue(v))) as unknown);

describe('backup value codec', () => {
  it('keeps integers beyond 2^53 and at the 64-bit limits exactly', () => {
    for (const s of ['9007199254740993', '-9223372036854775808', '9223372036854775807', '0']) {
      const back = roundTrip(neo4j.int(s));
      expect(neo4j.isInt(back)).toBe(true);
      expect(String(back)).toBe(s);
    }
  });

  it('keeps floats as floats, with NaN, ±Infinity and -0', () => {
    expect(roundTrip(0.1)).toBe(0.1);
    expect(roundTrip(Number.NaN)).toBeNaN();
    expect(roundTrip(Infinity)).toBe(Infinity);
    expect(roundTrip(-Infinity)).toBe(-Infinity);
    expect(Object.is(roundTrip(-0), -0)).toBe(true);
    expect(roundTrip(5e-324)).toBe(5e-324);
    // A float that happens to be whole stays a float (not an Integer).
    expect(roundTrip(3)).toBe(3);
  });

  it('keeps a datetime with its offset and zone id, times with offsets, durations and points', () => {
    const dt = new DateTime(2022, 10, 30, 2, 30, 0, 123456789, 3600, 'Europe/Paris');
    const back = roundTrip(dt) as DateTime<number>;
    expect(Number(back.timeZoneOffsetSeconds)).toBe(3600);
    expect(Number(back.nanosecond)).toBe(123456789);
    expect(back.timeZoneId).toBe('Europe/Paris');
    expect(String((roundTrip(new Time(23, 59, 59, 999999999, 50400)) as Time).toString())).toBe(
      '23:59:59.999999999+14:00',
    );
    const d = roundTrip(
      new Duration(neo4j.int(14), neo4j.int(3), neo4j.int('9007199254740993'), neo4j.int(7)),
    ) as Duration;
    expect(String(d.seconds)).toBe('9007199254740993');
    const p = roundTrip(new Point(neo4j.int(4979), 12.5, 41.9, 35)) as Point;
    expect([Number(p.srid), p.x, p.y, p.z]).toEqual([4979, 12.5, 41.9, 35]);
  });

  it('keeps byte arrays and lists of each type', () => {
    const bytes = roundTrip(new Int8Array([0, -1, 127, -128])) as Int8Array;
    expect([...bytes]).toEqual([0, -1, 127, -128]);
    const list = roundTrip([neo4j.int(1), neo4j.int('-9007199254740995')]) as unknown[];
    expect(list.map(String)).toEqual(['1', '-9007199254740995']);
    expect(roundTrip(['a', '', 'ç'])).toEqual(['a', '', 'ç']);
  });

  it('refuses malformed values with a sentence', () => {
    expect(() => decodeValue(['i', '12x'])).toThrow(CodecError);
    expect(() => decodeValue(['i', '9223372036854775808'])).toThrow(/outside the 64-bit/);
    expect(() => decodeValue(['date', [2022, 1]])).toThrow(/3 integer components/);
    expect(() => decodeValue(['zz', 1])).toThrow(/unknown value tag/);
    expect(() => decodeValue('plain')).toThrow(/\[tag, payload\]/);
  });

  it('parses each kind of line and refuses what is not one', () => {
    expect(parseLine('{"n":"4:x:1","l":["A"],"p":{"k":["s","v"]}}').kind).toBe('node');
    expect(parseLine('{"r":"T","s":"a","e":"b","p":{}}').kind).toBe('relationship');
    expect(parseLine('{"end":{"nodes":1,"relationships":0}}').kind).toBe('end');
    expect(() => parseLine('{"n": 1}')).toThrow(/needs an id/);
    expect(() => parseLine('[1]')).toThrow(/JSON object/);
    expect(() => parseLine('{"format":"other"}')).toThrow(/not a Dossier backup/);
  });
});
