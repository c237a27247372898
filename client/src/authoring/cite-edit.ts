import type { Command } from '../state/command.js';
import type { EditStep } from '../state/edits.js';
import type { View } from '../state/view.js';

/**
 * A citation added to a fact already in the picture: a step of its own (nothing else changed in
 * the View, so there is no arrival step to amend), which undo takes back with removeCitation.
 */
export const noteCitation: Command<{ step: EditStep; select: string }> = {
  name: 'cite',
  record: true,
  perform: (view, { step, select }): View => ({
    ...view,
    edits: [...(view.edits ?? []), step],
    selected: view.nodes[select] || view.edges[select] ? [select] : view.selected,
  }),
};
