import type { Command } from '../command.js';
import type { Viewport } from '../view.js';

/** Where the user panned and zoomed to (read when a link is made); not an undo step. */
export const setViewport: Command<Viewport | null> = {
  name: 'viewport',
  record: false,
  perform: (view, viewport) => ({ ...view, viewport }),
};
