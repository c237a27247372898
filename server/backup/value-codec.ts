import neo4j, {
  Date as Neo4jDate,
  DateTime,
  Duration,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isPoint,
  isTime,
  LocalDateTime,
  LocalTime,
  Point,
  Time,
  type Integer,
} from 'neo4j-driver';

/**
 * Property values in a backup: every value is a `[tag, payload]` pair, so what JSON cannot say by
 * itself (an integer beyond 2^53, a float that is NaN or -0, a date versus a string, a time zone
 * id next to its offset) survives the round trip exactly. Temporal values are kept as their
 * components rather than ISO text: Neo4j's text form drops nothing today, but components need no
 * parser and no time-zone database to read back.
 */
export type Encoded =
  | ['s', string]
  | ['b', boolean]
  | ['i', string]
  | ['f', number | string]
  | ['date', [number, number, number]]
  | ['time', [number, number, number, number, number]]
  | ['ltime', [number, number, number, number]]
  | ['dt', [number, number, number, number, number, number, number, number | null, string | null]]
  | ['ldt', [number, number, number, number, number, number, number]]
  | ['dur', [string, string, string, string]]
  | ['pt', [number, ...(number | string)[]]]
  | ['bytes', string]
  | ['list', Encoded[]];

export class CodecError extends Error {
  override name = 'CodecError';
}

const num = (v: unknown): number => (neo4j.isInt(v) ? (v as Integer).toNumber() : Number(v));
const int64 = (v: unknown): string => (neo4j.isInt(v) ? (v as Integer).toString() : String(v));

function encodeFloat(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  // JSON writes -0 as 0.
  if (Object.is(v, -0)) return '-0';
  return v;
}

function decodeFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  switch (v) {
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Infinity;
    case '-Infinity':
      return -Infinity;
    case '-0':
      return -0;
    default:
      throw new CodecError(`a float must be a number, "NaN", "Infinity", "-Infinity" or "-0"`);
  }
}

/** One property value as the driver returns it → its tagged JSON form. */
export function encodeValue(value: unknown): Encoded {
  if (typeof value === 'string') return ['s', value];
  if (typeof value === 'boolean') return ['b', value];
  if (typeof value === 'number') return ['f', encodeFloat(value)];
  if (neo4j.isInt(value)) return ['i', (value as Integer).toString()];
  if (typeof value === 'bigint') return ['i', value.toString()];
  if (isDate(value)) return ['date', [num(value.year), num(value.month), num(value.day)]];
  if (isLocalTime(value)) {
    return [
      'ltime',
      [num(value.hour), num(value.minute), num(value.second), num(value.nanosecond)],
    ];
  }
  if (isTime(value)) {
    return [
      'time',
      [
        num(value.hour),
        num(value.minute),
        num(value.second),
        num(value.nanosecond),
        num(value.timeZoneOffsetSeconds),
      ],
    ];
  }
  if (isLocalDateTime(value)) {
    const v = value;
    return [
      'ldt',
      [
        num(v.year),
        num(v.month),
        num(v.day),
        num(v.hour),
        num(v.minute),
        num(v.second),
        num(v.nanosecond),
      ],
    ];
  }
  if (isDateTime(value)) {
    const v = value;
    return [
      'dt',
      [
        num(v.year),
        num(v.month),
        num(v.day),
        num(v.hour),
        num(v.minute),
        num(v.second),
        num(v.nanosecond),
        v.timeZoneOffsetSeconds === undefined || v.timeZoneOffsetSeconds === null
          ? null
          : num(v.timeZoneOffsetSeconds),
        v.timeZoneId ?? null,
      ],
    ];
  }
  if (isDuration(value)) {
    return [
      'dur',
      [int64(value.months), int64(value.days), int64(value.seconds), int64(value.nanoseconds)],
    ];
  }
  if (isPoint(value)) {
    const coords = [encodeFloat(value.x), encodeFloat(value.y)];
    if (value.z !== undefined) coords.push(encodeFloat(value.z));
    return ['pt', [num(value.srid), ...coords]];
  }
  // The driver reads and writes byte arrays as Int8Array.
  if (value instanceof Int8Array || value instanceof Uint8Array) {
    return [
      'bytes',
      Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64'),
    ];
  }
  if (Array.isArray(value)) return ['list', value.map(encodeValue)];
  throw new CodecError(`a property value of an unknown kind (${typeof value})`);
}

function ints(payload: unknown, n: number, what: string): number[] {
  if (
    !Array.isArray(payload) ||
    payload.length !== n ||
    !payload.every((x) => Number.isSafeInteger(x))
  ) {
    throw new CodecError(`${what} needs ${n} integer components`);
  }
  return payload as number[];
}

const int = (n: number): Integer => neo4j.int(n);

function intString(s: unknown): Integer {
  if (typeof s !== 'string' || !/^-?\d{1,19}$/.test(s)) {
    throw new CodecError(`"${String(s)}" is not a 64-bit integer`);
  }
  const i = neo4j.int(s);
  if (i.toString() !== s.replace(/^(-?)0+(?=\d)/, '$1')) {
    throw new CodecError(`${s} is outside the 64-bit integer range`);
  }
  return i;
}

/**
 * The tagged JSON form → the driver value that writes the same property back (integers as
 * Integer, temporal and spatial values as the driver's types). Throws CodecError on anything
 * malformed.
 */
export function decodeValue(encoded: unknown): unknown {
  if (!Array.isArray(encoded) || encoded.length !== 2 || typeof encoded[0] !== 'string') {
    throw new CodecError('a value must be a [tag, payload] pair');
  }
  const [tag, p] = encoded as [string, unknown];
  switch (tag) {
    case 's':
      if (typeof p !== 'string') throw new CodecError('a string value must be a string');
      return p;
    case 'b':
      if (typeof p !== 'boolean') throw new CodecError('a boolean value must be true or false');
      return p;
    case 'i':
      return intString(p);
    case 'f':
      return decodeFloat(p);
    case 'date': {
      const [y, m, d] = ints(p, 3, 'a date');
      return new Neo4jDate(int(y as number), int(m as number), int(d as number));
    }
    case 'ltime': {
      const [h, mi, s, ns] = ints(p, 4, 'a local time').map(int);
      return new LocalTime(h as Integer, mi as Integer, s as Integer, ns as Integer);
    }
    case 'time': {
      const [h, mi, s, ns, off] = ints(p, 5, 'a time').map(int);
      return new Time(h as Integer, mi as Integer, s as Integer, ns as Integer, off as Integer);
    }
    case 'ldt': {
      const [y, mo, d, h, mi, s, ns] = ints(p, 7, 'a local datetime').map(int) as Integer[];
      return new LocalDateTime(
        y as Integer,
        mo as Integer,
        d as Integer,
        h as Integer,
        mi as Integer,
        s as Integer,
        ns as Integer,
      );
    }
    case 'dt': {
      if (!Array.isArray(p) || p.length !== 9) throw new CodecError('a datetime needs 9 parts');
      const [y, mo, d, h, mi, s, ns] = ints(p.slice(0, 7), 7, 'a datetime').map(int) as Integer[];
      const offset = p[7] as unknown;
      const zone = p[8] as unknown;
      if (offset !== null && !Number.isSafeInteger(offset)) {
        throw new CodecError('a datetime offset must be an integer or null');
      }
      if (zone !== null && typeof zone !== 'string') {
        throw new CodecError('a datetime zone id must be a string or null');
      }
      if (offset === null && zone === null)
        throw new CodecError('a datetime needs an offset or a zone');
      return new DateTime(
        y as Integer,
        mo as Integer,
        d as Integer,
        h as Integer,
        mi as Integer,
        s as Integer,
        ns as Integer,
        offset === null ? undefined : int(offset as number),
        zone as string | null,
      );
    }
    case 'dur': {
      if (!Array.isArray(p) || p.length !== 4) throw new CodecError('a duration needs 4 parts');
      const [months, days, seconds, nanos] = p.map(intString) as Integer[];
      return new Duration(months as Integer, days as Integer, seconds as Integer, nanos as Integer);
    }
    case 'pt': {
      if (!Array.isArray(p) || (p.length !== 3 && p.length !== 4) || !Number.isSafeInteger(p[0])) {
        throw new CodecError('a point needs an srid and 2 or 3 coordinates');
      }
      const [x, y, z] = (p.slice(1) as unknown[]).map(decodeFloat);
      return new Point(int(p[0] as number), x as number, y as number, z);
    }
    case 'bytes':
      if (typeof p !== 'string') throw new CodecError('a byte array must be base64 text');
      {
        const bytes = Buffer.from(p, 'base64');
        return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      }
    case 'list':
      if (!Array.isArray(p)) throw new CodecError('a list value must be an array');
      return p.map(decodeValue);
    default:
      throw new CodecError(`unknown value tag "${tag}"`);
  }
}

/** Encodes a node's or relationship's properties. */
export function encodeProperties(props: Record<string, unknown>): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  for (const [k, v] of Object.entries(props)) out[k] = encodeValue(v);
  return out;
}

/** Decodes properties written by encodeProperties. */
export function decodeProperties(encoded: unknown): Record<string, unknown> {
  if (encoded === null || typeof encoded !== 'object' || Array.isArray(encoded)) {
    throw new CodecError('properties must be an object');
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(encoded)) {
    try {
      out[k] = decodeValue(v);
    } catch (err) {
      if (err instanceof CodecError) throw new CodecError(`property "${k}": ${err.message}`);
      throw err;
    }
  }
  return out;
}
