import type { ExplorerContext } from '../graph/connect.js';
import { mutationsBetween } from '../state/edits.js';
import { errorMessage, toast } from '../ui/toast.js';
import type { EditStep, Mutation } from '../state/edits.js';
import { addCitations, removeCitation, restore, retract } from './authoring-api.js';

/**
 * Makes the explorer's undo and redo reach the server: when they step over a write (an edit step
 * in the View), the inverse mutation is issued — retract what was just added, restore what was
 * just retracted, remove a citation just added to an existing fact — and redo issues the write
 * again. Mutations run one at a time, in order.
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
          await issue(step, mutation);
          toast(`${DONE[mutation]} ${step.caption}.`);
        } catch (e) {
          toast(`Could not ${VERB[mutation]} ${step.caption}: ${errorMessage(e)}`, 'error');
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

const DONE: Record<Mutation, string> = {
  retract: 'Retracted',
  restore: 'Restored',
  uncite: 'Took the citation off',
  cite: 'Cited the passage again for',
};
const VERB: Record<Mutation, string> = {
  retract: 'retract',
  restore: 'restore',
  uncite: 'take the citation off',
  cite: 'cite the passage again for',
};

async function issue(step: EditStep, mutation: Mutation): Promise<void> {
  const reason = `Undo in the explorer: ${step.caption}`;
  if (mutation === 'retract') await retract(step.target, reason);
  else if (mutation === 'restore') await restore(step.target, reason);
  else if (!step.citation) throw new Error('the step does not say which citation it added');
  else if (mutation === 'uncite') await removeCitation(step.target, step.citation, reason);
  else await addCitations(step.target, [step.citation]);
}
