import type { EdgeData, NodeData } from '../graph/to-elements.js';

/**
 * Nodes as CSV: `id`, `labels` (`;`-separated), `caption`, then one column per property key seen
 * on any node (sorted). Lists and maps are JSON. RFC 4180 quoting.
 */
export function nodesToCsv(nodes: readonly NodeData[]): string {
  const keys = propertyKeys(nodes.map((n) => n.props));
  const header = ['id', 'labels', 'caption', ...keys];
  const rows = nodes.map((n) => [
    n.id,
    n.labels.join(';'),
    n.caption,
    ...keys.map((k) => n.props[k]),
  ]);
  return toCsv(header, rows);
}

/** Relationships as CSV: `id`, `type`, `source`, `target`, then one column per property key. */
export function edgesToCsv(edges: readonly EdgeData[]): string {
  const keys = propertyKeys(edges.map((e) => e.props));
  const header = ['id', 'type', 'source', 'target', ...keys];
  const rows = edges.map((e) => [e.id, e.type, e.source, e.target, ...keys.map((k) => e.props[k])]);
  return toCsv(header, rows);
}

/** A table as CSV text (header first, CRLF line ends as RFC 4180 says). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One CSV cell: null/undefined empty, objects as JSON, quoted when it holds , " CR or LF. */
export function csvCell(v: unknown): string {
  const s =
    v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function propertyKeys(props: readonly Readonly<Record<string, unknown>>[]): string[] {
  const keys = new Set<string>();
  for (const p of props) for (const k of Object.keys(p)) keys.add(k);
  return [...keys].sort();
}
