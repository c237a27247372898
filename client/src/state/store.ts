import type { Command } from './command.js';
import { UndoStack } from './undo-stack.js';
import { emptyView, type View } from './view.js';

/** Called after every change with the View after and before it, and the command (null: undo, redo). */
export type ViewListener = (next: View, previous: View, command: Command<never> | null) => void;

/**
 * The one place the View changes: it runs commands, keeps the undo/redo stack of Views (so every
 * recorded command is undoable the same way) and tells its listeners — the Explorer, which draws
 * the difference, and the panels, which read the View.
 */
export class Store {
  private current: View;
  private readonly history = new UndoStack<View>(100);
  private readonly listeners = new Set<ViewListener>();

  constructor(initial: View = emptyView()) {
    this.current = initial;
  }

  get view(): View {
    return this.current;
  }

  /** Runs a command; returns the new View (the same object when nothing changed). */
  dispatch<A>(command: Command<A>, arg: A): View {
    const before = this.current;
    const next = command.perform(before, arg);
    if (next === before) return before;
    if (command.record) this.history.push(before);
    this.set(next, before, command as unknown as Command<never>);
    return next;
  }

  undo(): boolean {
    const previous = this.history.undo(this.current);
    if (!previous) return false;
    this.set(previous, this.current, null);
    return true;
  }

  redo(): boolean {
    const next = this.history.redo(this.current);
    if (!next) return false;
    this.set(next, this.current, null);
    return true;
  }

  /** Makes the current View the first step: undo does not go back past the first picture. */
  forgetHistory(): void {
    this.history.clear();
    for (const l of this.listeners) l(this.current, this.current, null);
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  subscribe(listener: ViewListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: View, previous: View, command: Command<never> | null): void {
    this.current = next;
    for (const l of this.listeners) l(next, previous, command);
  }
}
