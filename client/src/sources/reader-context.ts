import type { ExplorerContext } from '../graph/connect.js';

/**
 * The explorer the reader acts on (adding a mentioned entity, selecting cited facts). The reader
 * opens from places that do not hold it (a fact's "Open source"), so mountSources registers it.
 */
let current: ExplorerContext | null = null;

export function setReaderContext(ctx: ExplorerContext): void {
  current = ctx;
}

/** The registered explorer, or null on a page without one (nothing to select then). */
export function readerContext(): ExplorerContext | null {
  return current;
}
