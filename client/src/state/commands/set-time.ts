import type { Command } from '../command.js';
import type { TimeWindow } from '../view.js';

/** Sets the time window (null: every date). */
export const setTime: Command<TimeWindow | null> = {
  name: 'time window',
  record: true,
  perform: (view, time) =>
    view.time?.from === time?.from && view.time?.to === time?.to ? view : { ...view, time },
};

/**
 * Chooses the date or year property that drives the time filter (POLE's `Crime.date`, Movies'
 * `Movie.released`); null goes back to `start`/`end`/`date`. The window is reset: its months
 * belonged to the other property.
 */
export const setTimeProperty: Command<string | null> = {
  name: 'time property',
  record: true,
  perform: (view, timeProperty) =>
    view.timeProperty === timeProperty ? view : { ...view, timeProperty, time: null },
};
