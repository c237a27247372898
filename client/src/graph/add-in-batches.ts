import type { ElementDefinition } from 'cytoscape';

/**
 * New nodes per animation frame when an expansion brings many at once. Adding a node costs its
 * style, its edges' geometry and, in the next frame, drawing it for the first time (icon, caption);
 * 500 at once made one task of most of a second on the benchmark machine, so they arrive 20 at a
 * time (with their edges), each batch its own task.
 */
export const EXPAND_BATCH_NODES = 20;

/**
 * Splits element definitions into batches of at most `size` nodes each, every edge in the first
 * batch where both its ends exist (on screen already, or added by this or an earlier batch), so
 * each batch can be handed to `cy.add` on its own. Edges whose ends never arrive go last, as a
 * single `cy.add` would have received them. Pure.
 */
export function batchElements(
  defs: readonly ElementDefinition[],
  size: number,
  onScreen: (id: string) => boolean,
): ElementDefinition[][] {
  const nodes = defs.filter((d) => d.group === 'nodes');
  const edges = defs.filter((d) => d.group !== 'nodes');
  const present = new Set<string>();
  const has = (id: unknown): boolean => typeof id === 'string' && (present.has(id) || onScreen(id));
  const batches: ElementDefinition[][] = [];
  let waiting = edges;
  for (let i = 0; i < nodes.length || batches.length === 0; i += Math.max(1, size)) {
    const batch = nodes.slice(i, i + Math.max(1, size));
    for (const n of batch) present.add(String(n.data.id));
    const ready: ElementDefinition[] = [];
    const later: ElementDefinition[] = [];
    for (const e of waiting) {
      (has(e.data['source']) && has(e.data['target']) ? ready : later).push(e);
    }
    waiting = later;
    batches.push([...batch, ...ready]);
  }
  if (waiting.length) batches[batches.length - 1]?.push(...waiting);
  return batches;
}

/** Resolves after the browser has drawn a frame, so the work before it and after it are separate tasks. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Runs `apply` on `size` elements at a time, one batch per animation frame: for restyling many
 * elements (each restyled node is drawn afresh) without one long task.
 */
export async function inBatches<
  C extends { readonly length: number; slice(s?: number, e?: number): unknown },
>(eles: C, apply: (batch: C) => void, size = 2 * EXPAND_BATCH_NODES): Promise<void> {
  for (let i = 0; i < eles.length; i += size) {
    if (i > 0) await nextFrame();
    apply(eles.slice(i, i + size) as C);
  }
}
