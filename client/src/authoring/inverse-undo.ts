import type { ExplorerContext } from '../graph/connect.js';
import { mutationsBetween } from '../state/edits.js';
import { errorMessage, toast } from '../ui/toast.js';
import { restore, retract } from './authoring-api.js';

/**
 * Makes the explorer's undo and redo reach the server: when they step over a write (an edit step
 * in the View), the inverse mutation is issued — retract what was just added, restore what was
 * just retracted — and redo issues the write again. Mutations run one at a time, in order.
 */
export function installInverseUndo(ctx: ExplorerContext, refresh: () => void): void {
  let queue: Promise<void> = Promise.resolve();
  let pending = 0;
  // Tests and the status wait on this: how many inverse mutations are still on their way.
  const mark = (): void => void (document.body.dataset['pendingEdits'] = String(pending));
  ctx.store.subscribe((next, prev, command) => {
    if (command !== null) return;
    for (const { step, mutation } of mutationsBetween(prev, next)) {
      queue = queue.then(async () => {
        try {
          if (mutation === 'retract')
            await retract(step.target, `Undo in the explorer: ${step.caption}`);
          else await restore(step.target, `Undo in the explorer: ${step.caption}`);
          toast(`${mutation === 'retract' ? 'Retracted' : 'Restored'} ${step.caption}.`);
        } catch (e) {
          toast(`Could not ${mutation} ${step.caption}: ${errorMessage(e)}`, 'error');
        }
        pending -= 1;
        mark();
        // The details panel's history and controls follow the server's new state.
        if (pending === 0) refresh();
      });
      pending += 1;
      mark();
    }
  });
}
