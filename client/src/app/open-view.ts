import { fetchNodesByKey, fetchSubgraph } from '../api/graph-api.js';
import { viewEdges, type ExplorerContext } from '../graph/connect.js';
import { loadView } from '../state/commands/load-view.js';
import { settlePositions } from '../state/commands/move-nodes.js';
import { setViewport } from '../state/commands/set-viewport.js';
import { fromSaved, shareUrl, toSaved, type SavedView } from '../state/url-state.js';
import { busy } from '../ui/busy.js';
import { byId, copyText, fmt, h } from '../ui/dom.js';
import { toast } from '../ui/toast.js';

/** "3 of 40 nodes in this view no longer exist", or null when every node was found. */
export function missingNotice(missing: number, total: number): string | null {
  if (missing === 0) return null;
  const nodes = total === 1 ? 'node' : 'nodes';
  const verb = missing === 1 ? 'no longer exists' : 'no longer exist';
  return `${fmt(missing)} of ${fmt(total)} ${nodes} in this view ${verb} in the graph.`;
}

/**
 * Reopens a saved view (a link): its stable keys are resolved to today's nodes in one request,
 * the relationships among them fetched, and the View loaded as it was — positions, pins, hidden
 * elements, filters. Nodes that no longer exist are reported, not dropped silently.
 */
export async function openSaved(ctx: ExplorerContext, saved: SavedView): Promise<void> {
  const { store, cache, explorer } = ctx;
  const keys = Object.keys(saved.view.nodes);
  const { subgraph, missing } = await busy('Reopening the shared view…', async () => {
    const byKey = await fetchNodesByKey(keys);
    const ids = new Map([...byKey.found].map(([k, n]) => [k, n.id] as const));
    const sub = (await fetchSubgraph([...ids.values()])).subgraph;
    cache.put(sub);
    return { subgraph: fromSaved(saved, ids, viewEdges(sub)), missing: byKey.missing };
  });
  store.dispatch(loadView, subgraph.view);
  await explorer.idle();
  if (!subgraph.view.viewport) explorer.cy.fit(undefined, 40);
  showViewNotice(missingNotice(missing.length, keys.length));
}

/** Copies a link that reopens the current View and puts it in the address bar. */
export async function share(ctx: ExplorerContext): Promise<void> {
  const { store, cache, explorer } = ctx;
  const cy = explorer.cy;
  // What is on the canvas is what the View says; settling first keeps a node caught mid-animation.
  store.dispatch(settlePositions, explorer.positions());
  store.dispatch(setViewport, { zoom: cy.zoom(), pan: { ...cy.pan() } });
  const url = shareUrl(
    location.href,
    toSaved(store.view, (id) => cache.keyOf(id)),
  );
  history.replaceState(null, '', url);
  await copyText(url);
  toast(
    `Link copied (${fmt(url.length)} characters): it reopens this view — elements, positions, hidden elements, filters, query.`,
  );
}

/** A notice over the canvas that stays until dismissed (what a reopened view lost). */
export function showViewNotice(text: string | null): void {
  const box = byId('view-notice');
  box.hidden = text === null;
  if (text === null) return;
  box.replaceChildren(
    h('span', { 'data-testid': 'view-notice-text' }, text),
    h(
      'button',
      { type: 'button', 'aria-label': 'Dismiss', onclick: () => (box.hidden = true) },
      '×',
    ),
  );
}
