import neo4j, {
  type Integer,
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import { userError } from './errors.js';

/** JSON form of a node, as every API of Dossier returns it. */
export interface JsonNode {
  id: string;
  labels: string[];
  properties: Record<string, JsonValue>;
}

/** JSON form of a relationship; start and end are element ids. */
export interface JsonRelationship {
  id: string;
  type: string;
  start: string;
  end: string;
  properties: Record<string, JsonValue>;
}

export interface JsonPath {
  nodes: JsonNode[];
  relationships: JsonRelationship[];
}

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Deepest nesting of lists and maps converted. Cypher can build a value nested without limit
 * (`reduce(x = [], i IN range(1, 10000) | [x])`); converting it recursively would overflow the
 * stack and answer "Unexpected error.", so deeper values are refused with a message instead.
 */
export const MAX_VALUE_DEPTH = 64;

/**
 * Converts any value the driver returns into plain JSON, faithfully:
 * - integers: a number when exactly representable (|n| ≤ 2^53 − 1), otherwise its decimal string,
 *   so nothing is silently rounded;
 * - floats: numbers; NaN and ±Infinity become the strings "NaN", "Infinity", "-Infinity";
 * - temporal values: their ISO-8601 strings (Neo4j's own toString), durations as ISO durations;
 * - points: { srid, x, y[, z] } plus { crs, longitude, latitude[, height] } for WGS-84;
 * - nodes, relationships and paths: the shapes above, with element ids;
 * - byte arrays: base64.
 */
export function toJson(value: unknown): JsonValue {
  return convert(value, 0);
}

function convert(value: unknown, depth: number): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (neo4j.isInt(value)) return integerToJson(value as Integer);
  if (isNode(value)) return nodeToJson(value) as unknown as JsonValue;
  if (isRelationship(value)) return relationshipToJson(value) as unknown as JsonValue;
  if (isPath(value)) return pathToJson(value) as unknown as JsonValue;
  if (isPoint(value)) return pointToJson(value);
  if (isDate(value)) return dateToIso(value);
  if (isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value)) {
    return (value as { toString(): string }).toString();
  }
  if (isDuration(value)) return durationToIso(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object' && depth >= MAX_VALUE_DEPTH) {
    throw userError(
      'RESOURCE_LIMIT',
      `A value is nested more than ${MAX_VALUE_DEPTH} levels deep (lists and maps inside each other); Dossier returns at most ${MAX_VALUE_DEPTH} levels. Return a flatter value, e.g. unwind the inner lists.`,
      { limit: { maxDepth: MAX_VALUE_DEPTH } },
    );
  }
  if (Array.isArray(value)) return value.map((v) => convert(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convert(v, depth + 1);
    return out;
  }
  return String(value);
}

export function integerToJson(value: Integer): number | string {
  return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
}

/** Converts a driver integer or number to a JS number (counts, degrees: always in range). */
export function toNumber(value: unknown): number {
  if (neo4j.isInt(value)) return (value as Integer).toNumber();
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : Number(value);
}

function propertiesToJson(props: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toJson(v);
  return out;
}

export function nodeToJson(node: {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}): JsonNode {
  return {
    id: node.elementId,
    labels: [...node.labels],
    properties: propertiesToJson(node.properties),
  };
}

export function relationshipToJson(rel: {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}): JsonRelationship {
  return {
    id: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: propertiesToJson(rel.properties),
  };
}

export function pathToJson(path: {
  start: Parameters<typeof nodeToJson>[0];
  segments: {
    relationship: Parameters<typeof relationshipToJson>[0];
    end: Parameters<typeof nodeToJson>[0];
  }[];
}): JsonPath {
  const nodes = [nodeToJson(path.start)];
  const relationships: JsonRelationship[] = [];
  for (const seg of path.segments) {
    relationships.push(relationshipToJson(seg.relationship));
    nodes.push(nodeToJson(seg.end));
  }
  return { nodes, relationships };
}

const pad = (n: number, length: number): string => String(n).padStart(length, '0');

/**
 * A date as the driver's Date.toString prints it (2022-06-01; years outside 0-9999 signed and six
 * digits, +10000-01-01, -000001-01-01), with plain numbers: the driver formats each part through its
 * own 64-bit Integer type, which was about 2 % of the CPU of a read returning a hundred nodes.
 */
function dateToIso(d: { year: unknown; month: unknown; day: unknown }): string {
  const y = toNumber(d.year);
  const year = y < 0 || y > 9999 ? `${y < 0 ? '-' : '+'}${pad(Math.abs(y), 6)}` : pad(y, 4);
  return `${year}-${pad(toNumber(d.month), 2)}-${pad(toNumber(d.day), 2)}`;
}

const WGS84 = new Set([4326, 4979]);

function pointToJson(p: { srid: unknown; x: number; y: number; z?: number }): JsonValue {
  const srid = toNumber(p.srid);
  const out: Record<string, JsonValue> = { srid, x: p.x, y: p.y };
  if (p.z !== undefined) out['z'] = p.z;
  if (WGS84.has(srid)) {
    out['crs'] = srid === 4979 ? 'wgs-84-3d' : 'wgs-84';
    out['longitude'] = p.x;
    out['latitude'] = p.y;
    if (p.z !== undefined) out['height'] = p.z;
  } else {
    out['crs'] = srid === 9157 ? 'cartesian-3d' : 'cartesian';
  }
  return out;
}

/** ISO-8601 duration as Neo4j prints it, e.g. P1Y2M3DT4H5M6.5S, P3D, PT0S. */
function durationToIso(d: {
  months: unknown;
  days: unknown;
  seconds: unknown;
  nanoseconds: unknown;
}): string {
  const months = toNumber(d.months);
  const days = toNumber(d.days);
  const totalSeconds = toNumber(d.seconds);
  const nanos = toNumber(d.nanoseconds);
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  const hours = Math.trunc(totalSeconds / 3600);
  const minutes = Math.trunc((totalSeconds % 3600) / 60);
  const seconds = (totalSeconds % 60) + nanos / 1e9;
  let date = '';
  if (years) date += `${years}Y`;
  if (restMonths) date += `${restMonths}M`;
  if (days) date += `${days}D`;
  let time = '';
  if (hours) time += `${hours}H`;
  if (minutes) time += `${minutes}M`;
  if (seconds) time += `${Number(seconds.toFixed(9))}S`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}
