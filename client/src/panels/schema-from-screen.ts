import type { SchemaOverview } from '../api/graph-api.js';

/**
 * A schema overview built from what is on screen, for when the server's overview cannot be read
 * (a busy or very large database): labels, types and the meta-graph of the visible elements, so
 * the legend and the filters still work. Counts are on-screen counts.
 */
export function schemaFromScreen(
  nodes: readonly { id: string; labels: readonly string[] }[],
  edges: readonly { source: string; target: string; type: string }[],
): SchemaOverview {
  const labelCounts = new Map<string, number>();
  const labelsOf = new Map<string, readonly string[]>();
  for (const n of nodes) {
    labelsOf.set(n.id, n.labels);
    for (const l of n.labels) labelCounts.set(l, (labelCounts.get(l) ?? 0) + 1);
  }
  const typeCounts = new Map<string, number>();
  const meta = new Map<string, { source: string; type: string; target: string; count: number }>();
  for (const e of edges) {
    typeCounts.set(e.type, (typeCounts.get(e.type) ?? 0) + 1);
    for (const s of labelsOf.get(e.source) ?? []) {
      for (const t of labelsOf.get(e.target) ?? []) {
        const key = `${s}\u0000${e.type}\u0000${t}`;
        const m = meta.get(key) ?? { source: s, type: e.type, target: t, count: 0 };
        m.count++;
        meta.set(key, m);
      }
    }
  }
  const byCount = <T extends { count: number; name: string }>(a: T, b: T): number =>
    b.count - a.count || a.name.localeCompare(b.name);
  return {
    nodeCount: nodes.length,
    relationshipCount: edges.length,
    propertyKeys: [],
    labels: [...labelCounts]
      .map(([name, count]) => ({ name, count, captionKey: null, properties: [] }))
      .sort(byCount),
    relationshipTypes: [...typeCounts]
      .map(([name, count]) => ({ name, count, properties: [] }))
      .sort(byCount),
    metaGraph: [...meta.values()],
  };
}
