import { unhide } from '../state/commands/unhide.js';
import type { GraphCache } from '../state/graph-cache.js';
import type { Store } from '../state/store.js';
import type { View } from '../state/view.js';
import { byId, h } from '../ui/dom.js';

/**
 * The "Hidden (n)" control: lists what the user hid (nodes by caption, relationships by type and
 * ends) and shows one, or all, again. A button that opens a labelled list of buttons, so it works
 * from the keyboard; Escape closes it.
 */
export function mountHiddenList(store: Store, cache: GraphCache): void {
  const button = byId<HTMLButtonElement>('btn-hidden');
  const list = byId('hidden-list');
  const setOpen = (open: boolean): void => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) render(store.view);
  };
  const render = (view: View): void => {
    button.textContent = `Hidden (${view.hidden.length})`;
    button.disabled = view.hidden.length === 0;
    if (view.hidden.length === 0) {
      setOpenQuietly(false);
      return;
    }
    if (list.hidden) return;
    list.replaceChildren(
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          onclick: () => store.dispatch(unhide, 'all'),
        },
        `Show all ${view.hidden.length}`,
      ),
      h(
        'ul',
        { class: 'side-list', 'aria-label': 'Hidden elements' },
        ...view.hidden.map((id) => {
          const text = cache.captionOf(id);
          return h(
            'li',
            { class: 'hidden-row', 'data-hidden-id': id },
            h('span', { title: text }, text),
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Show ${text} again`,
                onclick: () => store.dispatch(unhide, [id]),
              },
              'Show',
            ),
          );
        }),
      ),
    );
  };
  const setOpenQuietly = (open: boolean): void => {
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(list.hidden));
  list.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      setOpen(false);
      button.focus();
    }
  });
  store.subscribe((next) => render(next));
  render(store.view);
}
