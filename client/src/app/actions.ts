import {
  fetchCentralSubgraph,
  fetchNeighbourhood,
  fetchNodesByLabel,
  fetchSubgraph,
  fromApi,
  type SearchHit,
} from '../api/graph-api.js';
import type { Direction } from '../generated/graphql.js';
import { addConnected, addSubgraph, type ExplorerContext } from '../graph/connect.js';
import { collapse as collapseCommand } from '../state/commands/collapse.js';
import { select } from '../state/commands/select.js';
import { busy } from '../ui/busy.js';
import { fmt } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { renderCapNotice } from './cap-notice.js';
import { FIRST_SCREEN_NODES } from './first-requests.js';

/** "Load more" adds this many relationships per click. */
const PAGE = 100;

export interface ExpandOptions {
  readonly types?: string[];
  readonly direction?: Direction;
  readonly limit?: number;
}

/**
 * What the user can ask of the picture beyond single commands: each fetches, then brings nodes in
 * through addConnected (one undo step, hidden elements kept hidden).
 */
export function explorerActions(ctx: ExplorerContext) {
  const { store, cache, explorer } = ctx;
  const captionOf = (id: string): string => cache.captionOf(id);

  const expand = async (id: string, options: ExpandOptions = {}): Promise<void> => {
    const caption = captionOf(id);
    try {
      const around = await busy(`Expanding ${caption}…`, () =>
        fetchNeighbourhood([id], { ...options, limit: options.limit ?? PAGE }),
      );
      const added = await addConnected(ctx, around.subgraph, { kind: 'near', near: id });
      const exp = around.expansions.find((x) => x.id === id);
      const capped = exp && exp.shown < exp.total ? exp : null;
      renderCapNotice(capped && { caption, shown: capped.shown, total: capped.total }, () => {
        if (capped) {
          void expand(id, { ...options, limit: Math.min(1000, capped.shown + PAGE) });
        }
      });
      if (added.length === 0 && !capped) {
        const kinds = options.types ? ` (${options.types.join(', ')})` : '';
        toast(`${caption}: every neighbour${kinds} is already in the picture.`);
      }
    } catch (e) {
      toast(`Could not expand ${caption}: ${errorMessage(e)}`, 'error');
    }
  };

  const addLabel = async (label: string): Promise<void> => {
    try {
      const { ids, total } = await busy(`Adding ${label} nodes…`, () =>
        fetchNodesByLabel(label, 50),
      );
      const { subgraph } = await fetchSubgraph(ids);
      await addConnected(ctx, subgraph, { kind: 'layout' });
      if (total > ids.length) toast(`Added ${ids.length} of ${fmt(total)} ${label} nodes.`);
    } catch (e) {
      toast(`Could not add ${label} nodes: ${errorMessage(e)}`, 'error');
    }
  };

  const focus = (id: string): void => {
    const n = explorer.cy.getElementById(id);
    if (n.empty()) return;
    store.dispatch(select, [id]);
    n.addClass('search-hit');
    setTimeout(() => n.removeClass('search-hit'), 2500);
    explorer.cy.animate(
      { center: { eles: n }, zoom: Math.max(explorer.cy.zoom(), 1) },
      { duration: 300 },
    );
  };

  const openHit = async (hit: SearchHit): Promise<void> => {
    const id = hit.node.id;
    if (!store.view.nodes[id]) {
      try {
        // One request: addConnected fetches the hit with its relationships to the picture.
        await busy(`Opening ${hit.node.caption}…`, () =>
          addConnected(ctx, fromApi([hit.node], []), {
            kind: 'near',
            near: Object.keys(store.view.nodes)[0] ?? id,
          }),
        );
      } catch (e) {
        toast(`Could not open ${hit.node.caption}: ${errorMessage(e)}`, 'error');
        return;
      }
    }
    if (store.view.hidden.includes(id)) {
      toast(`${hit.node.caption} is hidden: show it again from “Hidden”.`);
      return;
    }
    focus(id);
  };

  const collapse = (id: string): void => {
    const before = Object.keys(store.view.nodes).length;
    const removed = before - Object.keys(store.dispatch(collapseCommand, id).nodes).length;
    toast(
      removed
        ? `Collapsed ${removed} neighbour${removed === 1 ? '' : 's'}.`
        : 'No neighbour hangs only off this node.',
    );
  };

  const firstScreen = async (): Promise<void> => {
    const sub = await busy('Loading the central entities…', () =>
      fetchCentralSubgraph(FIRST_SCREEN_NODES),
    );
    // On an empty picture the central subgraph is already `subgraph(ids)` of its nodes: asking
    // for it again (addConnected) would cost the first page one more round trip.
    if (Object.keys(store.view.nodes).length === 0) {
      await addSubgraph(ctx, sub, { kind: 'layout' });
    } else await addConnected(ctx, sub, { kind: 'layout' });
  };

  return { expand, addLabel, openHit, focus, collapse, firstScreen };
}

export type ExplorerActions = ReturnType<typeof explorerActions>;
