import { describe, expect, it } from 'vitest';
import { HeaderError, parseHeader } from '../../server/import/csv-header.js';

describe('parseHeader', () => {
  it('reads a POLE node header: :ID, typed and untyped properties, :LABEL', () => {
    const h = parseHeader([':ID', 'latitude:double', 'postcode', 'longitude:double', ':LABEL']);
    expect(h.kind).toBe('nodes');
    if (h.kind !== 'nodes') return;
    expect(h.idIndex).toBe(0);
    expect(h.labelIndex).toBe(4);
    expect(h.idGroup).toBeUndefined();
    expect(h.columns[1]).toEqual({
      kind: 'property',
      key: 'latitude',
      type: 'double',
      array: false,
    });
    expect(h.columns[2]).toEqual({
      kind: 'property',
      key: 'postcode',
      type: 'string',
      array: false,
    });
  });

  it('reads a relationship header with groups and a property', () => {
    const h = parseHeader([':START_ID(Person)', ':END_ID(Crime)', ':TYPE', 'since:date']);
    expect(h.kind).toBe('relationships');
    if (h.kind !== 'relationships') return;
    expect([h.startIndex, h.endIndex, h.typeIndex]).toEqual([0, 1, 2]);
    expect([h.startGroup, h.endGroup]).toEqual(['Person', 'Crime']);
    expect(h.columns[3]).toEqual({ kind: 'property', key: 'since', type: 'date', array: false });
  });

  it('keeps a named :ID as a property key and reads arrays and :IGNORE', () => {
    const h = parseHeader(['personId:ID(People)', 'tags:string[]', 'scores:INT[]', 'junk:IGNORE']);
    expect(h.columns[0]).toEqual({ kind: 'id', group: 'People', key: 'personId' });
    expect(h.columns[1]).toEqual({ kind: 'property', key: 'tags', type: 'string', array: true });
    expect(h.columns[2]).toEqual({ kind: 'property', key: 'scores', type: 'int', array: true });
    expect(h.columns[3]).toEqual({ kind: 'ignore' });
  });

  it('takes the last colon as the type separator so keys may contain colons', () => {
    const h = parseHeader([':ID', 'geo:lat:double']);
    expect(h.columns[1]).toEqual({
      kind: 'property',
      key: 'geo:lat',
      type: 'double',
      array: false,
    });
  });

  it.each([
    [['name', 'age:int'], /no :ID column/],
    [[':START_ID', ':TYPE'], /both :START_ID and :END_ID/],
    [[':START_ID', ':END_ID'], /needs a :TYPE/],
    [[':ID', 'x:point'], /unknown type "point"/],
    [[':ID', 'when:datetime{timezone:UTC}'], /options/],
    [[':ID', ':ID'], /more than one :ID/],
    [[':ID', 'a', 'a:int'], /"a" appears in two columns/],
    [[':ID', ':int'], /needs a name/],
    [[':ID', ':LABEL[]'], /cannot be an array/],
  ])('refuses the header %j', (fields, message) => {
    expect(() => parseHeader(fields)).toThrow(HeaderError);
    expect(() => parseHeader(fields)).toThrow(message);
  });
});
