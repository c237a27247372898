import type { QuoteRange } from '../api/quote-ranges.js';
import type { ExplorerContext } from '../graph/connect.js';
import { byId } from '../ui/dom.js';
import { errorMessage, toast } from '../ui/toast.js';
import { setReaderContext } from './reader-context.js';

/**
 * Opens the reader on a source; the reader (and compromise, which reads its suggestions) loads
 * on first use, so the first page does not carry them.
 */
export async function openSourceReader(
  sourceId: string,
  quote = '',
  range: QuoteRange | null = null,
): Promise<void> {
  try {
    const { openReader } = await import('./reader-panel.js');
    await openReader(sourceId, quote, range);
  } catch (e) {
    toast(`Could not open the source: ${errorMessage(e)}`, 'error');
  }
}

/** Opens "Add source" (loaded on first use: Readability, pdf.js and mammoth load with the first file that needs them). */
export async function openAddSource(): Promise<void> {
  try {
    const { openIntake } = await import('./intake-dialog.js');
    openIntake((id) => void openSourceReader(id));
  } catch (e) {
    toast(`Could not open “Add source”: ${errorMessage(e)}`, 'error');
  }
}

/** Wires "Add source" and registers the explorer the reader selects facts in. */
export function mountSources(ctx: ExplorerContext): void {
  setReaderContext(ctx);
  const button = byId('btn-add-source');
  button.addEventListener('click', () => void openAddSource());
  // Only an editor may add a source: the button follows the role the page learnt from `me`.
  const sync = (): void => {
    button.hidden = !['editor', 'admin'].includes(document.body.dataset['role'] ?? '');
  };
  new MutationObserver(sync).observe(document.body, { attributeFilter: ['data-role'] });
  sync();
}
