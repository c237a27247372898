import type { Collection } from 'cytoscape';
import { addSubgraph, type ExplorerContext, type Placement } from '../graph/connect.js';
import type { Explorer } from '../graph/explorer.js';
import type { Subgraph } from '../graph/model.js';
import { clear } from '../state/commands/clear.js';
import { filterLabel } from '../state/commands/filter-label.js';
import { hide } from '../state/commands/hide.js';
import type { GraphCache } from '../state/graph-cache.js';
import type { Store } from '../state/store.js';

/** The explorer as the browser console, the end-to-end tests and the render bench reach it. */
export interface DevHandle {
  cy: () => Explorer['cy'];
  /** The drawing layer, with `add` and `clear` going through the store like any other change. */
  explorer: Explorer & {
    add(subgraph: Subgraph, placement: Placement): Promise<Collection>;
    clear(): void;
  };
  /**
   * The elements Cytoscape displays now. Cytoscape restyles lazily: after a class change its
   * `visible()` answers from a cache until the next frame, so each element's style is read first
   * (a style read applies what is pending), and a test that asks right after a command sees what
   * the next frame shows.
   */
  displayed: () => Collection;
  store: Store;
  cache: GraphCache;
  commands: { clear: typeof clear; filterLabel: typeof filterLabel; hide: typeof hide };
}

declare global {
  interface Window {
    dossier: DevHandle;
  }
}

/** Puts the handle on `window.dossier`. */
export function installDevHandle(ctx: ExplorerContext): void {
  const { store, cache, explorer } = ctx;
  const extra = {
    add: async (subgraph: Subgraph, placement: Placement): Promise<Collection> => {
      const fresh = new Set(await addSubgraph(ctx, subgraph, placement));
      return explorer.cy.nodes().filter((n) => fresh.has(n.id()));
    },
    clear: () => void store.dispatch(clear, undefined),
  };
  // Delegates to the live Explorer (its `cy` changes when the renderer does).
  const handle = Object.assign(Object.create(explorer) as Explorer, extra);
  window.dossier = {
    cy: () => explorer.cy,
    explorer: handle,
    displayed: () => {
      const all = explorer.cy.elements();
      all.forEach((el) => void el.style('display'));
      return all.filter((el) => el.visible());
    },
    store,
    cache,
    commands: { clear, filterLabel, hide },
  };
}
