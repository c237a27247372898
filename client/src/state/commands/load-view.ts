import type { Command } from '../command.js';
import type { View } from '../view.js';

/** Replaces the whole View (a reopened link): undo goes back to what was there before. */
export const loadView: Command<View> = {
  name: 'open view',
  record: true,
  perform: (_view, next) => next,
};
