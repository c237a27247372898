import { isNode, isPath, isRelationship } from 'neo4j-driver';

/**
 * A lower bound of the size of `values` as a JSON array, counted only until it passes `limit`
 * (then some number above limit is returned). Lets the console refuse a row holding one enormous
 * value (RETURN range(1, 10000000)) without converting and serialising it first, which would
 * block the event loop for seconds: the work done is bounded by `limit`, not by the value.
 */
export function minJsonBytes(values: readonly unknown[], limit: number): number {
  let total = 0;
  const stack: unknown[] = [values];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (v === null || v === undefined || typeof v === 'boolean') total += 4;
    else if (typeof v === 'number' || typeof v === 'bigint') total += 1;
    else if (typeof v === 'string') total += v.length + 2;
    else if (Array.isArray(v)) {
      // Brackets and commas; each item adds at least one character of its own.
      total += 1 + Math.max(1, v.length);
      if (total + v.length > limit) return total + v.length;
      for (const item of v as unknown[]) stack.push(item);
    } else if (isNode(v)) {
      total += 30 + v.elementId.length;
      stack.push(v.labels, v.properties);
    } else if (isRelationship(v)) {
      total += 50 + v.elementId.length + v.type.length;
      stack.push(v.properties);
    } else if (isPath(v)) {
      total += 30;
      stack.push(v.start);
      for (const segment of v.segments) stack.push(segment.relationship, segment.end);
    } else if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const entries = Object.entries(v);
      total += 1 + Math.max(1, entries.length);
      if (total + entries.length * 4 > limit) return total + entries.length * 4;
      for (const [key, item] of entries) {
        total += key.length + 3;
        stack.push(item);
      }
    } else {
      // Integers, temporal values, points, byte arrays: at least one character.
      total += 1;
    }
  }
  return total;
}
