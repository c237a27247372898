import type { Command } from '../command.js';
import type { EditStep } from '../edits.js';
import type { View } from '../view.js';

/**
 * Records a write in the step that brought its element into the picture (not a step of its own:
 * the arrival and the write are undone together, and undo then retracts what was added), and
 * selects the element.
 */
export const noteEdit: Command<{ step: EditStep; select: string }> = {
  name: 'note edit',
  record: false,
  perform: (view, { step, select }): View => ({
    ...view,
    edits: [...(view.edits ?? []), step],
    selected: view.nodes[select] || view.edges[select] ? [select] : view.selected,
  }),
};
