import { search, type SearchHit } from '../api/graph-api.js';
import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';

/** A node chosen in a picker: its element id and caption. */
export interface PickedNode {
  readonly id: string;
  readonly caption: string;
}

export interface NodePicker {
  readonly element: HTMLElement;
  /** The chosen node, or null. */
  value(): PickedNode | null;
  set(node: PickedNode | null): void;
}

let counter = 0;

/**
 * Search-as-you-type among existing nodes (the explorer's search API), a labelled text box with a
 * listbox of hits under it: arrows move, Enter or a click chooses. `labels` narrows the search
 * (e.g. Claim for one side of a disagreement).
 */
export function nodePicker(
  label: string,
  options: { labels?: string[]; testId?: string; initial?: PickedNode | null } = {},
): NodePicker {
  const id = `node-picker-${++counter}`;
  let chosen: PickedNode | null = options.initial ?? null;
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  const input = h('input', {
    id,
    type: 'search',
    autocomplete: 'off',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    'aria-autocomplete': 'list',
    placeholder: 'Type a name…',
    'data-testid': options.testId ?? null,
    value: chosen?.caption ?? '',
  });
  const list = h('ul', {
    id: `${id}-list`,
    class: 'picker-list',
    role: 'listbox',
    'aria-label': `${label}: matches`,
    hidden: true,
  });
  const note = h('span', { class: 'muted picker-note', 'aria-live': 'polite' });

  const choose = (hit: SearchHit): void => {
    chosen = { id: hit.node.id, caption: hit.node.caption ?? hit.node.id };
    input.value = chosen.caption;
    note.textContent = `:${hit.node.labels.join(':')}`;
    close();
  };
  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const render = (): void => {
    list.replaceChildren(
      ...hits.map((hit, i) =>
        h(
          'li',
          {
            id: `${id}-opt-${i}`,
            role: 'option',
            'aria-selected': String(i === active),
            class: i === active ? 'active' : null,
            onmousedown: (e: Event) => {
              e.preventDefault();
              choose(hit);
            },
          },
          hit.node.caption ?? hit.node.id,
          h('span', { class: 'muted' }, ` :${hit.node.labels.join(':')}`),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const run = async (text: string): Promise<void> => {
    controller?.abort();
    controller = new AbortController();
    try {
      const found = await search(text, controller.signal, 8);
      const wanted = options.labels;
      hits = wanted ? found.filter((x) => x.node.labels.some((l) => wanted.includes(l))) : found;
      active = hits.length ? 0 : -1;
      note.textContent = hits.length ? '' : 'Nothing found.';
      render();
    } catch (e) {
      if (!(e instanceof DOMException)) note.textContent = errorMessage(e);
    }
  };
  input.addEventListener('input', () => {
    chosen = null;
    note.textContent = '';
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      hits = [];
      render();
      return;
    }
    timer = setTimeout(() => void run(text), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      choose(hits[active]!);
    } else if (e.key === 'Escape') {
      // Esc closes the list first; the dialog stays open for the next Esc.
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  const element = h(
    'div',
    { class: 'field picker' },
    h('label', { for: id }, label),
    input,
    note,
    list,
  );
  return {
    element,
    value: () => chosen,
    set: (node) => {
      chosen = node;
      input.value = node?.caption ?? '';
    },
  };
}
