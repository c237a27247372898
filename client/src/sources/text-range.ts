/**
 * A DOM Range over [start, end) of `root`'s text (offsets in root.textContent, across the marks
 * and underlines the reader wraps words in): what the keyboard cursor selects, so the selection
 * is the same as one made with the mouse and "Cite…" reads it the same way.
 */
export function rangeAt(root: Node, start: number, end: number): Range | null {
  const range = document.createRange();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!started && start < pos + len) {
      range.setStart(n, start - pos);
      started = true;
    }
    if (started && end <= pos + len) {
      range.setEnd(n, end - pos);
      return range;
    }
    pos += len;
  }
  return null;
}
