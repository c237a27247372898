import type { JsonValue } from '../db/convert.js';

/** The part of an element id after its last colon ("4:9f…:123" → "123"): short and unique enough to show. */
export function shortId(elementId: string): string {
  const i = elementId.lastIndexOf(':');
  return i >= 0 ? elementId.slice(i + 1) : elementId;
}

function captionText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length > 0) return captionText(value[0]);
  return undefined;
}

/**
 * A node's caption: the value of the first of `captionKeys` it has (a list gives its first item),
 * else its first label and short id, e.g. "Person 42".
 */
export function nodeCaption(
  node: { id: string; labels: readonly string[]; properties: Record<string, JsonValue> },
  captionKeys: readonly string[],
): string {
  for (const key of captionKeys) {
    const text = captionText(node.properties[key]);
    if (text !== undefined) return text;
  }
  return `${node.labels[0] ?? 'Node'} ${shortId(node.id)}`;
}

/** The first of `captionKeys` among `keys`, if any: the property that captions a label. */
export function captionKeyAmong(
  keys: Iterable<string>,
  captionKeys: readonly string[],
): string | undefined {
  const present = new Set(keys);
  return captionKeys.find((k) => present.has(k));
}
