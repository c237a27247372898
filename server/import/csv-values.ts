import neo4j, { type Integer } from 'neo4j-driver';
import type { ValueType } from './csv-header.js';

/**
 * Turns CSV text into the driver values Neo4j stores for a declared column type. Integers become
 * driver Integers (a JS number would be stored as a float), temporal values become driver temporal
 * types, so every value reaches Neo4j as a typed parameter and no text is ever put into Cypher.
 */

/** Thrown for a value that does not parse as its column's type; the caller adds file and line. */
export class ValueError extends Error {}

export type ScalarValue =
  | string
  | number
  | boolean
  | Integer
  | InstanceType<typeof neo4j.types.Date>
  | InstanceType<typeof neo4j.types.LocalTime>
  | InstanceType<typeof neo4j.types.Time>
  | InstanceType<typeof neo4j.types.LocalDateTime>
  | InstanceType<typeof neo4j.types.DateTime>
  | InstanceType<typeof neo4j.types.Duration>;
export type PropertyValue = ScalarValue | ScalarValue[];

const INTEGER_RANGES: Partial<Record<ValueType, readonly [bigint, bigint]>> = {
  byte: [-(2n ** 7n), 2n ** 7n - 1n],
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(Infinity|NaN)$/;
const DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;
const OFFSET = /^(Z|[+-]\d{2}(?::?\d{2})?)?(?:\[([A-Za-z0-9_+\-/]+)\])?$/;
const DURATION =
  /^([+-])?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

function parseInteger(text: string, type: ValueType): Integer {
  const t = text.trim();
  if (!INTEGER.test(t)) throw new ValueError(`"${text}" is not an integer (${type})`);
  const big = BigInt(t);
  const [min, max] = INTEGER_RANGES[type] ?? INTEGER_RANGES.long ?? [0n, 0n];
  if (big < min || big > max) throw new ValueError(`${text} is out of range for ${type}`);
  return neo4j.int(big.toString());
}

function parseFloatValue(text: string, type: ValueType): number {
  const t = text.trim();
  if (!FLOAT.test(t)) throw new ValueError(`"${text}" is not a number (${type})`);
  return Number(t);
}

function parseBoolean(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new ValueError(`"${text}" is not a boolean (true or false)`);
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}
interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
}

function dateParts(text: string, type: ValueType): DateParts {
  const m = DATE.exec(text);
  if (!m) throw new ValueError(`"${text}" is not a ${type} (expected YYYY-MM-DD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Round-tripping through a UTC date rejects 2021-02-30 and month 13.
  const probe = new Date(Date.UTC(2000, month - 1, day));
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new ValueError(`"${text}" is not a valid calendar date`);
  }
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) {
    throw new ValueError(`"${text}" is not a valid calendar date (${year} is not a leap year)`);
  }
  return { year, month, day };
}

function timeParts(text: string, type: ValueType): TimeParts {
  const m = TIME.exec(text);
  if (!m) throw new ValueError(`"${text}" is not a ${type} (expected HH:MM[:SS[.fraction]])`);
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  const nanosecond = Number((m[4] ?? '').padEnd(9, '0'));
  if (hour > 23 || minute > 59 || second > 59) {
    throw new ValueError(`"${text}" is not a valid time of day`);
  }
  return { hour, minute, second, nanosecond };
}

/** Splits "…+01:00[Europe/London]" into the local part and its offset/zone. */
function splitZone(text: string): { local: string; offsetSeconds?: number; zoneId?: string } {
  const at = text.search(/(Z|[+-]\d{2}(:?\d{2})?)?(\[[^\]]*\])?$/);
  const local = text.slice(0, at);
  const zone = text.slice(at);
  const m = OFFSET.exec(zone);
  if (!m) return { local: text };
  const result: { local: string; offsetSeconds?: number; zoneId?: string } = { local };
  const offset = m[1];
  if (offset !== undefined) {
    if (offset === 'Z') {
      result.offsetSeconds = 0;
    } else {
      const digits = offset.slice(1).replace(':', '');
      const seconds = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2) || 0) * 60;
      result.offsetSeconds = offset.startsWith('-') ? -seconds : seconds;
    }
  }
  if (m[2] !== undefined) result.zoneId = m[2];
  return result;
}

function parseDuration(text: string): InstanceType<typeof neo4j.types.Duration> {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim().endsWith('T') || /^[+-]?P$/.test(text.trim())) {
    throw new ValueError(`"${text}" is not an ISO-8601 duration (e.g. P1Y2M3DT4H5M6.5S)`);
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const sign = m[1] === '-' ? -1 : 1;
  const months = n(2) * 12 + n(3);
  const days = n(4) * 7 + n(5);
  const totalSeconds = n(6) * 3600 + n(7) * 60 + n(8);
  const seconds = Math.floor(totalSeconds);
  const nanoseconds = Math.round((totalSeconds - seconds) * 1e9);
  if (!Number.isInteger(months) || !Number.isInteger(days)) {
    throw new ValueError(`"${text}": fractional years, months, weeks or days are not supported`);
  }
  return new neo4j.types.Duration(sign * months, sign * days, sign * seconds, sign * nanoseconds);
}

function parseScalar(text: string, type: ValueType): ScalarValue {
  switch (type) {
    case 'string':
      return text;
    case 'char':
      if ([...text].length !== 1) throw new ValueError(`"${text}" is not a single character`);
      return text;
    case 'int':
    case 'long':
    case 'short':
    case 'byte':
      return parseInteger(text, type);
    case 'float':
    case 'double':
      return parseFloatValue(text, type);
    case 'boolean':
      return parseBoolean(text);
    case 'date': {
      const d = dateParts(text.trim(), type);
      return new neo4j.types.Date(d.year, d.month, d.day);
    }
    case 'localtime': {
      const t = timeParts(text.trim(), type);
      return new neo4j.types.LocalTime(t.hour, t.minute, t.second, t.nanosecond);
    }
    case 'time': {
      const z = splitZone(text.trim());
      if (z.zoneId !== undefined)
        throw new ValueError(`"${text}": a time takes an offset, not a zone`);
      const t = timeParts(z.local, type);
      // As neo4j-admin does with its default time zone setting: no offset means UTC.
      return new neo4j.types.Time(t.hour, t.minute, t.second, t.nanosecond, z.offsetSeconds ?? 0);
    }
    case 'localdatetime': {
      const [datePart = '', timePart] = text.trim().split('T');
      const d = dateParts(datePart, type);
      const t = timePart === undefined ? timeParts('00:00', type) : timeParts(timePart, type);
      return new neo4j.types.LocalDateTime(
        d.year,
        d.month,
        d.day,
        t.hour,
        t.minute,
        t.second,
        t.nanosecond,
      );
    }
    case 'datetime': {
      const trimmed = text.trim();
      const tAt = trimmed.indexOf('T');
      const d = dateParts(tAt < 0 ? trimmed : trimmed.slice(0, tAt), type);
      // A date alone means its midnight; no offset means UTC, as neo4j-admin's default zone.
      const z = tAt < 0 ? { local: '00:00' } : splitZone(trimmed.slice(tAt + 1));
      const t = timeParts(z.local, type);
      if (z.zoneId !== undefined) {
        return new neo4j.types.DateTime(
          d.year,
          d.month,
          d.day,
          t.hour,
          t.minute,
          t.second,
          t.nanosecond,
          undefined,
          z.zoneId,
        );
      }
      return new neo4j.types.DateTime(
        d.year,
        d.month,
        d.day,
        t.hour,
        t.minute,
        t.second,
        t.nanosecond,
        z.offsetSeconds ?? 0,
      );
    }
    case 'duration':
      return parseDuration(text);
  }
}

/**
 * The stored value of a CSV field, or undefined for an empty field (no property, as with
 * neo4j-admin). Arrays are split on arrayDelimiter; each element is parsed as the element type.
 */
export function parseValue(
  text: string,
  type: ValueType,
  array: boolean,
  arrayDelimiter: string,
): PropertyValue | undefined {
  if (text === '') return undefined;
  if (!array) return parseScalar(text, type);
  return text.split(arrayDelimiter).map((part) => {
    if (part === '' && type !== 'string' && type !== 'char') {
      throw new ValueError(`"${text}" has an empty ${type} element`);
    }
    return parseScalar(part, type);
  });
}
