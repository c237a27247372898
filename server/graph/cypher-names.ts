import type { Direction } from '../graphql/generated/resolvers.js';

/**
 * Backtick-quotes a label, relationship type or property key for Cypher. Names reach this only
 * after the live schema has confirmed them, so the escaping is a second line of defence.
 */
export function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** `:A|B` for a label or type expression; '' for "any". */
export function nameAlternatives(names: readonly string[]): string {
  return names.length === 0 ? '' : `:${names.map(quoteName).join('|')}`;
}

/**
 * A one-hop relationship pattern from `from` to `to`, e.g. `(f)-[r:A|B]->(m:L)`.
 * `rel` and `to` may be '' for an anonymous relationship or node.
 */
export function hopPattern(
  from: string,
  rel: string,
  to: string,
  options: { types: readonly string[]; direction: Direction; toLabels?: readonly string[] },
): string {
  const r = `[${rel}${nameAlternatives(options.types)}]`;
  const m = `(${to}${nameAlternatives(options.toLabels ?? [])})`;
  switch (options.direction) {
    case 'OUTGOING':
      return `(${from})-${r}->${m}`;
    case 'INCOMING':
      return `(${from})<-${r}-${m}`;
    default:
      return `(${from})-${r}-${m}`;
  }
}
