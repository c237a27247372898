import type { View } from './view.js';

/** The keys that run a command, shown in the `?` list, and the argument they run it with. */
export interface CommandShortcut<A> {
  readonly keys: string;
  readonly description: string;
  readonly match: (e: KeyboardEvent) => boolean;
  /** The argument the shortcut passes, read from the View (usually the selection). */
  readonly arg: (view: View) => A;
}

/**
 * A named change of the View: a pure function from one View to the next. The store runs it,
 * records the View before it for undo (unless `record` is false: selection, viewport and
 * positions a layout settled on are amendments of the current step) and tells the Explorer.
 */
export interface Command<A> {
  readonly name: string;
  readonly record: boolean;
  readonly perform: (view: View, arg: A) => View;
  readonly shortcut?: CommandShortcut<A>;
}

/** A plain key without Ctrl/Meta/Alt (the same rule as ui/shortcuts.ts, without its DOM). */
export function plainKey(k: string): (e: KeyboardEvent) => boolean {
  return (e) => e.key === k && !e.ctrlKey && !e.metaKey && !e.altKey;
}
