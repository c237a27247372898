import type { ExplorerContext } from '../graph/connect.js';

/**
 * The explorer the authoring tools act on. The cite dialog is opened from places that do not hold
 * the explorer (the reader, the details panel's quotes), so the editing layer, loaded lazily for
 * editors only, registers it once here.
 */
let current: ExplorerContext | null = null;

/** Registers the explorer (mountAuthoring does it when the signed-in person may edit). */
export function setAuthoringContext(ctx: ExplorerContext): void {
  current = ctx;
}

/** The registered explorer; throws when the editing layer was not mounted (a reader's page). */
export function authoringContext(): ExplorerContext {
  if (!current) throw new Error('Editing is not available: sign in as an editor.');
  return current;
}
