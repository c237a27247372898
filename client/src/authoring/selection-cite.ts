import { h } from '../ui/dom.js';
import { tryOpenCiteDialog } from './cite-dialog.js';

/** Where a selection lies in a source text element: its offsets in the element's text. */
export function selectionOffsets(
  root: Node,
  range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number },
): { start: number; end: number } | null {
  let pos = 0;
  let start = -1;
  let end = -1;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === range.startContainer) start = pos + range.startOffset;
    if (n === range.endContainer) end = pos + range.endOffset;
    pos += n.textContent?.length ?? 0;
  }
  if (range.startContainer === root) start = textBefore(root, range.startOffset);
  if (range.endContainer === root) end = textBefore(root, range.endOffset);
  return start >= 0 && end > start ? { start, end } : null;
}

function textBefore(root: Node, childIndex: number): number {
  let n = 0;
  for (let i = 0; i < childIndex; i++) n += root.childNodes[i]?.textContent?.length ?? 0;
  return n;
}

/**
 * Selecting words in a source's text (an element with `data-article-id` whose text is the
 * source's, as the "Open source" view shows it) offers a "Cite…" button next to the selection;
 * it opens the cite dialog with the exact words and their offsets. A view that offers its own
 * button marks its text `data-cite-handled`.
 */
export function installSelectionCite(): void {
  const button = h(
    'button',
    { type: 'button', class: 'cite-selection', 'data-testid': 'cite-selection', hidden: true },
    'Cite…',
  );
  let pending: { sourceId: string; quote: string; start: number; end: number } | null = null;
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', () => {
    if (!pending) return;
    const req = pending;
    button.hidden = true;
    tryOpenCiteDialog(req);
  });
  document.addEventListener('selectionchange', () => {
    const sel = document.getSelection();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
    const host = range?.commonAncestorContainer;
    const el = host instanceof Element ? host : host?.parentElement;
    const root = el?.closest<HTMLElement>(
      '.article-text[data-article-id]:not([data-cite-handled])',
    );
    const at = range && root ? selectionOffsets(root, range) : null;
    if (!range || !root || !at) {
      pending = null;
      button.hidden = true;
      return;
    }
    const text = root.textContent ?? '';
    pending = {
      sourceId: root.dataset['articleId'] ?? '',
      quote: text.slice(at.start, at.end),
      ...at,
    };
    // Inside the open dialog so it is above the backdrop and reachable by Tab.
    const host2 = root.closest('dialog') ?? document.body;
    if (button.parentElement !== host2) host2.append(button);
    const box = range.getBoundingClientRect();
    button.style.left = `${Math.round(box.right + 4)}px`;
    button.style.top = `${Math.round(box.bottom + 4)}px`;
    button.hidden = false;
  });
}
