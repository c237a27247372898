import { byId, fmt, h } from '../ui/dom.js';

/** An expansion that did not show everything: "showing 100 of N — load more". */
export interface Capped {
  readonly caption: string;
  readonly shown: number;
  readonly total: number;
}

/** Shows (or with null, hides) the notice under the canvas; `loadMore` fetches the next page. */
export function renderCapNotice(capped: Capped | null, loadMore: () => void): void {
  const box = byId('cap-notice');
  if (!capped) {
    box.hidden = true;
    return;
  }
  box.replaceChildren(
    h(
      'span',
      { 'data-testid': 'cap-text' },
      `${capped.caption}: showing ${fmt(capped.shown)} of ${fmt(capped.total)} relationships`,
    ),
    h('button', { type: 'button', class: 'primary', onclick: loadMore }, 'Load more'),
    h(
      'button',
      { type: 'button', 'aria-label': 'Dismiss', onclick: () => (box.hidden = true) },
      '×',
    ),
  );
  box.hidden = false;
}
