import type { GraphQLError } from 'graphql';
import { userError } from '../db/errors.js';

/**
 * Bounds on a JSON value a client sends (Cypher parameters, JSON scalars, filter values, write
 * inputs). Every walk over such a value is recursive somewhere (our converters, the driver's
 * packstream, JSON.stringify), so a value nested 10,000 levels deep overflowed the stack and came
 * back as "Unexpected error.". Checking once, without recursion, before anything else walks the
 * value turns that into a BAD_USER_INPUT that names the limits.
 */
export interface JsonBounds {
  /** Levels of nested lists and maps; a scalar is depth 0, [1] is 1, [[1]] is 2. */
  readonly maxDepth: number;
  /** Values in all, counting every list, map and scalar inside. */
  readonly maxValues: number;
}

/** Generous for any real parameter map or property value, and far below the stack's reach. */
export const DEFAULT_JSON_BOUNDS: JsonBounds = Object.freeze({ maxDepth: 32, maxValues: 100_000 });

/** What a walk found: the deepest level reached and the values seen, stopping past a limit. */
export interface JsonShape {
  readonly depth: number;
  readonly values: number;
  /** Which limit was passed, if any (the walk stops there, so the counts are lower bounds). */
  readonly exceeded: 'depth' | 'values' | null;
}

/**
 * Measures `value` with an explicit stack (no recursion), stopping as soon as a limit is passed,
 * so the work is bounded by the limits and not by the value.
 */
export function measureJson(value: unknown, bounds: JsonBounds = DEFAULT_JSON_BOUNDS): JsonShape {
  let depth = 0;
  let values = 0;
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length > 0) {
    const { v, d } = stack.pop() as { v: unknown; d: number };
    values += 1;
    if (values > bounds.maxValues) return { depth, values, exceeded: 'values' };
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > bounds.maxDepth) return { depth: d + 1, values, exceeded: 'depth' };
    depth = Math.max(depth, d + 1);
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    if (values + stack.length + children.length > bounds.maxValues) {
      return { depth, values: values + stack.length + children.length, exceeded: 'values' };
    }
    for (const child of children) stack.push({ v: child, d: d + 1 });
  }
  return { depth, values, exceeded: null };
}

/**
 * Throws BAD_USER_INPUT when `value` is nested deeper than `bounds.maxDepth` levels or holds more
 * than `bounds.maxValues` values. `what` names the input in the message, e.g. "params" or
 * "the JSON value of $input". Call it on every client-sent JSON value before walking it.
 */
export function assertBoundedJson(
  value: unknown,
  what: string,
  bounds: JsonBounds = DEFAULT_JSON_BOUNDS,
): void {
  const { exceeded } = measureJson(value, bounds);
  if (exceeded !== null) throw jsonBoundsError(what, exceeded, bounds);
}

/** The BAD_USER_INPUT for a value past one of the bounds, for walkers that check as they go. */
export function jsonBoundsError(
  what: string,
  exceeded: 'depth' | 'values',
  bounds: JsonBounds = DEFAULT_JSON_BOUNDS,
): GraphQLError {
  const values = bounds.maxValues.toLocaleString('en-GB');
  const found =
    exceeded === 'depth'
      ? `is nested more than ${bounds.maxDepth} levels deep`
      : `holds more than ${values} values`;
  return userError(
    'BAD_USER_INPUT',
    `${what} ${found}; Dossier accepts at most ${bounds.maxDepth} levels of nested lists and maps and ${values} values in all. Send a flatter or smaller value.`,
    { limit: { maxDepth: bounds.maxDepth, maxValues: bounds.maxValues }, exceeded },
  );
}
