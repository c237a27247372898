/**
 * Undo and redo over snapshots (the Store keeps Views). Snapshots (not inverse commands) because every
 * change — expand, hide, collapse, layout, filter — is then undoable the same way, and a snapshot
 * of a few thousand elements is cheap next to the fetch that produced them.
 */
export class UndoStack<T> {
  private readonly past: T[] = [];
  private readonly future: T[] = [];

  /** @param limit how many steps back are kept (the oldest are dropped). */
  constructor(private readonly limit = 50) {}

  /** Records the state *before* a change; clears redo. */
  push(before: T): void {
    this.past.push(before);
    if (this.past.length > this.limit) this.past.shift();
    this.future.length = 0;
  }

  /** Returns the state to go back to, given the current one (kept for redo); undefined when none. */
  undo(current: T): T | undefined {
    const previous = this.past.pop();
    if (previous !== undefined) this.future.push(current);
    return previous;
  }

  /** Returns the state to go forward to, given the current one; undefined when none. */
  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next !== undefined) this.past.push(current);
    return next;
  }

  /** Forgets every step (the first picture is where undo stops). */
  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
