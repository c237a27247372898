import { fetchSubgraph } from '../api/graph-api.js';
import { addConnected, type ExplorerContext } from '../graph/connect.js';
import { noteEdit } from '../state/commands/note-edit.js';
import { select } from '../state/commands/select.js';
import type { EditStep } from '../state/edits.js';
import type { WriteResult } from './authoring-api.js';
import { noteCitation } from './cite-edit.js';

let refreshDetails: () => void = () => {};

/** The details panel's re-render (mount-editing passes it): a fact already selected changed. */
export function setDetailsRefresh(refresh: () => void): void {
  refreshDetails = refresh;
}

/**
 * Brings a written fact into the picture and selects it: a node with its connections to what is
 * shown, a relationship with both ends. A new fact is recorded as an edit step (undo retracts it);
 * so is a citation added to an existing fact (undo takes that one citation back: removeCitation).
 */
export async function showWritten(ctx: ExplorerContext, result: WriteResult): Promise<string> {
  const el = result.element;
  const ids = el.kind === 'RELATIONSHIP' ? [el.from, el.to].filter(isId) : [el.elementId];
  const { subgraph } = await fetchSubgraph(ids);
  const near = ctx.store.view.selected.find((id) => ctx.store.view.nodes[id]);
  const shown = ctx.store.view;
  // Refresh the data of elements already drawn (a new citation on an existing fact).
  for (const n of subgraph.nodes) {
    ctx.explorer.cy.getElementById(n.id).data('props', n.properties);
  }
  for (const e of subgraph.edges) {
    ctx.explorer.cy.getElementById(e.id).data('props', e.properties);
  }
  await addConnected(ctx, subgraph, near ? { kind: 'near', near } : { kind: 'layout' });
  const caption = ctx.cache.captionOf(el.elementId);
  const created = result.outcome === 'CREATED';
  const step: EditStep = {
    id: crypto.randomUUID(),
    op: 'add',
    target: el.uid,
    caption,
  };
  // The citation the write appended: the server's exact words, which removeCitation takes back.
  const added = el.citations.at(-1);
  if (created) ctx.store.dispatch(noteEdit, { step, select: el.elementId });
  else if (result.outcome === 'CITED' && added) {
    const cite = {
      ...step,
      op: 'cite' as const,
      citation: { source: added.source, quote: added.quote },
    };
    // When the write also brought elements into the picture, one undo takes both back.
    const arrived = ctx.store.view !== shown;
    ctx.store.dispatch(arrived ? noteEdit : noteCitation, { step: cite, select: el.elementId });
  } else ctx.store.dispatch(select, [el.elementId]);
  // Selecting what was already selected changes nothing, so the details panel is told: its new
  // citation or property shows without selecting something else first.
  refreshDetails();
  if (result.outcome === 'UNCHANGED') return `${caption} already cites this passage.`;
  return created ? `Added ${caption}.` : `${caption} now cites this passage.`;
}

function isId(x: string | null | undefined): x is string {
  return typeof x === 'string' && x.length > 0;
}
