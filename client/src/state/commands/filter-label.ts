import type { Command } from '../command.js';
import { toggled } from '../view.js';

/** Shows or hides every node of a label (the label's box in the left column). */
export const filterLabel: Command<{ readonly label: string; readonly visible: boolean }> = {
  name: 'filter label',
  record: true,
  perform: (view, { label, visible }) =>
    view.hiddenLabels.includes(label) === !visible
      ? view
      : { ...view, hiddenLabels: toggled(view.hiddenLabels, label, !visible) },
};
