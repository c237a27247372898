import neo4j from 'neo4j-driver';
import { userError } from '../db/errors.js';
import { assertBoundedJson } from '../graphql/input-bounds.js';

function toDriverValue(value: unknown): unknown {
  // JSON has one number type; Cypher has two. A whole number is meant as an integer (LIMIT $n,
  // range(0, $n), comparisons with integer properties); the driver would send it as a float.
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}

/**
 * Turns the JSON parameters of a console request into driver parameters. They are only ever sent
 * as parameters, never spliced into the statement, so a parameter holding Cypher text stays text.
 * Refuses anything but a JSON object, values nested too deep or too many (before anything walks
 * them recursively), and objects larger than `maxBytes` as JSON.
 */
export function toStatementParams(params: unknown, maxBytes: number): Record<string, unknown> {
  if (params === null || params === undefined) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw userError(
      'BAD_USER_INPUT',
      'params must be a JSON object of names and values, e.g. {"name": "Forbes", "limit": 10}.',
    );
  }
  assertBoundedJson(params, 'params');
  const bytes = Buffer.byteLength(JSON.stringify(params), 'utf8');
  if (bytes > maxBytes) {
    throw userError(
      'BAD_USER_INPUT',
      `The parameters are ${bytes} bytes as JSON; the console accepts at most ${maxBytes} (CYPHER_MAX_PARAMS_BYTES). Send fewer or smaller values.`,
      { limit: maxBytes, size: bytes },
    );
  }
  return toDriverValue(params) as Record<string, unknown>;
}
