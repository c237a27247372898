import type { ExplorerContext } from '../graph/connect.js';
import { setDetailsEditing } from '../panels/details-editing.js';
import { retractElements } from '../state/commands/retract-elements.js';
import { errorMessage, toast } from '../ui/toast.js';
import { restore, retract } from './authoring-api.js';
import { setAuthoringContext } from './authoring-context.js';
import { tryOpenCiteDialog } from './cite-dialog.js';
import { installInverseUndo } from './inverse-undo.js';
import { installSelectionCite } from './selection-cite.js';
import { setDetailsRefresh, showWritten } from './show-written.js';
import './authoring.css';

/**
 * The editing layer, loaded only for editors (roles.ts): the cite dialog and its "Cite…" on a
 * selected passage, Retract/Restore in the details panel, and undo that issues inverse mutations.
 */
export function mountEditing(ctx: ExplorerContext, refresh: () => void): void {
  setAuthoringContext(ctx);
  setDetailsRefresh(refresh);
  installInverseUndo(ctx, refresh);
  installSelectionCite();
  setDetailsEditing({
    retract: async (elementId, caption, reason) => {
      try {
        const el = await retract(elementId, reason);
        ctx.store.dispatch(retractElements, {
          step: { id: crypto.randomUUID(), op: 'retract', target: el.uid, caption },
          ids: [elementId],
        });
        toast(`Retracted ${caption}. Undo (Ctrl+Z) restores it.`);
      } catch (e) {
        toast(`Could not retract ${caption}: ${errorMessage(e)}`, 'error');
      }
    },
    restore: async (id, caption) => {
      try {
        const el = await restore(id, 'Restored in the explorer');
        // Recorded like an addition: undo retracts it again.
        await showWritten(ctx, { outcome: 'CREATED', element: el });
        toast(`Restored ${caption}.`);
      } catch (e) {
        toast(`Could not restore ${caption}: ${errorMessage(e)}`, 'error');
      }
    },
    cite: (sourceId, quote, start, end) => tryOpenCiteDialog({ sourceId, quote, start, end }),
  });
}
