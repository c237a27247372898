import { plainKey, type Command } from '../command.js';
import type { ViewNode } from '../view.js';

/** Pins the given nodes where they are (layouts leave them), or unpins them when all are pinned. */
export const togglePin: Command<readonly string[]> = {
  name: 'pin',
  record: true,
  perform: (view, ids) => {
    const targets = ids.filter((id) => view.nodes[id]);
    if (targets.length === 0) return view;
    const pin = !targets.every((id) => view.nodes[id]?.pinned);
    const nodes: Record<string, ViewNode> = { ...view.nodes };
    for (const id of targets) {
      const { x, y } = nodes[id] as ViewNode;
      nodes[id] = pin ? { x, y, pinned: true } : { x, y };
    }
    return { ...view, nodes };
  },
  shortcut: {
    keys: 'N',
    description: 'Pin or unpin the selected nodes',
    match: plainKey('n'),
    arg: (view) => view.selected,
  },
};
