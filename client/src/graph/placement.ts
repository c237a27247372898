import type { View } from '../state/view.js';
import { DISC_ABOVE, discBeside, ringAround } from './layouts.js';

/**
 * First positions for nodes arriving in the picture: around `near` (the expanded node) or the
 * drawing's centre, on rings that face away from it, or as a disc beside it when many arrive.
 * A layout or an incremental relaxation refines them afterwards. Pure.
 */
export function placeArrivals(
  view: View,
  ids: readonly string[],
  near: string | null,
): Record<string, { x: number; y: number }> {
  const existing = Object.values(view.nodes);
  let centre = { x: 0, y: 0 };
  if (existing.length) {
    // A loop, not Math.min(...xs): a spread of 100,000 numbers overflows the stack.
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of existing) {
      x1 = Math.min(x1, n.x);
      y1 = Math.min(y1, n.y);
      x2 = Math.max(x2, n.x);
      y2 = Math.max(y2, n.y);
    }
    centre = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  }
  const parent = (near && view.nodes[near]) || centre;
  const place = ids.length > DISC_ABOVE && near ? discBeside : ringAround;
  const out: Record<string, { x: number; y: number }> = {};
  place(parent, ids.length, centre).forEach((p, i) => {
    const id = ids[i];
    if (id) out[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  });
  return out;
}
