import type { ElementDefinition } from 'cytoscape';
import { definitions } from '../graph/draw-elements.js';
import type { EdgeData, NodeData } from '../graph/to-elements.js';
import { groupDefinitions } from '../grouping/group-elements.js';
import type { GraphCache } from '../state/graph-cache.js';
import { shownElements, type Picture } from '../state/picture.js';
import type { View } from '../state/view.js';

/** What a data export (JSON, GraphML, CSV, HTML, copy as) carries. */
export interface ExportElements {
  readonly elements: readonly ElementDefinition[];
  readonly nodes: readonly NodeData[];
  readonly edges: readonly EdgeData[];
  readonly positions: ReadonlyMap<string, { x: number; y: number }>;
}

/**
 * The elements on screen in the whole picture, for data exports of a simplified one (above the
 * level-of-detail threshold Cytoscape holds only the part near the viewport): the elements drawn
 * as Cytoscape has them (`drawnJson`, with their classes), every other one built from the cache
 * at its View position as the Explorer would draw it. Aggregates of the simplification are not
 * in the picture and are never exported.
 */
export function exportElements(
  picture: Picture,
  view: View,
  cache: GraphCache,
  labelPriority: readonly string[],
  drawnJson: (id: string) => ElementDefinition | undefined,
): ExportElements {
  const { nodes, edges } = shownElements(picture);
  const have = new Map<string, ElementDefinition>();
  for (const id of [...nodes, ...edges]) {
    const d = drawnJson(id);
    if (d) have.set(id, d);
  }
  const missingNodes = nodes.filter((id) => !have.has(id));
  const missingEdges = edges.filter((id) => !have.has(id));
  const built = definitions(cache, view, missingNodes, missingEdges, {
    labelPriority,
    markNew: false,
  });
  built.push(...groupDefinitions(picture.plan, new Set([...missingNodes, ...missingEdges])));
  for (const d of built) have.set(String(d.data.id), d);
  // The picture's order: nodes first, as Cytoscape wants them before the edges that join them.
  const elements = [...nodes, ...edges].flatMap((id) => have.get(id) ?? []);
  const positions = new Map<string, { x: number; y: number }>();
  for (const d of elements) if (d.position) positions.set(String(d.data.id), d.position);
  return {
    elements,
    nodes: elements.filter((d) => d.group === 'nodes').map((d) => d.data as unknown as NodeData),
    edges: elements.filter((d) => d.group === 'edges').map((d) => d.data as unknown as EdgeData),
    positions,
  };
}
