import type { Command } from '../command.js';
import { toggled } from '../view.js';

/** Shows or hides every relationship of a type (the type's box in the left column). */
export const filterType: Command<{ readonly type: string; readonly visible: boolean }> = {
  name: 'filter type',
  record: true,
  perform: (view, { type, visible }) =>
    view.hiddenTypes.includes(type) === !visible
      ? view
      : { ...view, hiddenTypes: toggled(view.hiddenTypes, type, !visible) },
};
