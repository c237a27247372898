import type { Core, ElementDefinition } from 'cytoscape';
import type { GraphCache } from '../state/graph-cache.js';
import { drawn, type View } from '../state/view.js';
import { batchElements, EXPAND_BATCH_NODES, nextFrame } from './add-in-batches.js';
import { toElements } from './to-elements.js';

/**
 * Cytoscape definitions of elements the View draws and the canvas lacks, from the cached data,
 * each node at its View position (locked when pinned; marked `new` when it arrives into a picture).
 */
export function definitions(
  cache: GraphCache,
  view: View,
  nodes: readonly string[],
  edges: readonly string[],
  /** markNew: whether (or which of) the nodes arrive into a picture, to be marked `new`. */
  options: { labelPriority: readonly string[]; markNew: boolean | ((id: string) => boolean) },
): ElementDefinition[] {
  // Most draws add nothing (a selection, a re-plan that keeps its cells), and the known ids below
  // are a pass over the whole View: 125,000 elements at 50,000 nodes.
  if (nodes.length === 0 && edges.length === 0) return [];
  const subgraph = {
    nodes: nodes.flatMap((id) => cache.node(id) ?? []),
    edges: edges.flatMap((id) => cache.edge(id) ?? []),
  };
  const known = new Set(drawn(view).nodes);
  const defs = toElements(subgraph, { knownNodeIds: known, labelPriority: options.labelPriority });
  for (const d of defs) {
    if (d.group !== 'nodes') continue;
    const v = view.nodes[String(d.data.id)];
    if (v) d.position = { x: v.x, y: v.y };
    if (v?.pinned) d.locked = true;
    const isNew =
      typeof options.markNew === 'function' ? options.markNew(String(d.data.id)) : options.markNew;
    const classes = [d.classes ?? '', v?.pinned ? 'pinned' : '', isNew ? 'new' : ''];
    d.classes = classes.filter(Boolean).join(' ');
  }
  return defs;
}

/**
 * Adds many new nodes twenty per animation frame (with their edges), so the page stays
 * responsive; edges whose ends were removed meanwhile are dropped.
 */
export async function addInBatches(cy: Core, defs: ElementDefinition[]): Promise<void> {
  const batches = batchElements(defs, EXPAND_BATCH_NODES, (id) => cy.getElementById(id).nonempty());
  for (const [i, batch] of batches.entries()) {
    if (i > 0) await nextFrame();
    const arriving = new Set(batch.filter((d) => d.group === 'nodes').map((d) => d.data.id));
    const exists = (id: unknown): boolean =>
      arriving.has(String(id)) || cy.getElementById(String(id)).nonempty();
    cy.add(
      batch.filter(
        (d) => d.group === 'nodes' || (exists(d.data['source']) && exists(d.data['target'])),
      ),
    );
  }
}
