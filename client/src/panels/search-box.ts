import { search, type SearchHit } from '../api/graph-api.js';
import { styleForLabel } from '../style/style-rules.js';
import { byId, h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';

/** Milliseconds of quiet typing before a search is sent. */
const DEBOUNCE_MS = 140;

/**
 * The type-ahead search: results as you type (each with its labels and the matched snippet),
 * arrow keys to move, Enter to open, Escape to close. Older requests are aborted so answers
 * never arrive out of order.
 */
export function mountSearchBox(onPick: (hit: SearchHit) => void): { focus: () => void } {
  const input = byId<HTMLInputElement>('search-input');
  const list = byId<HTMLUListElement>('search-results');
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const render = (message?: string): void => {
    list.replaceChildren();
    if (message) {
      list.append(h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, message));
    }
    hits.forEach((hit, i) => {
      const li = h(
        'li',
        {
          id: `search-hit-${i}`,
          role: 'option',
          'aria-selected': i === active ? 'true' : 'false',
          'data-node-id': hit.node.id,
        },
        h('span', {
          class: 'swatch',
          style: `background:${styleForLabel(hit.node.labels[0] ?? '').color};margin-top:4px`,
        }),
        h(
          'span',
          { class: 'hit-main' },
          h('div', { class: 'hit-caption' }, hit.node.caption),
          h(
            'div',
            { class: 'chips' },
            ...hit.node.labels.map((l) => h('span', { class: 'chip' }, l)),
          ),
          hit.snippet
            ? h(
                'div',
                { class: 'hit-snippet', title: hit.snippet.text },
                ...highlighted(hit.snippet.text, hit.snippet.highlights),
              )
            : null,
        ),
      );
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(i);
      });
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
  };

  const pick = (i: number): void => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = hit.node.caption;
    onPick(hit);
  };

  const run = async (text: string): Promise<void> => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    try {
      hits = await search(text, controller.signal);
      active = hits.length ? 0 : -1;
      render(hits.length ? undefined : `Nothing matches “${text}”. Try fewer or shorter words.`);
    } catch (e) {
      if (controller.signal.aborted) return;
      hits = [];
      render(`Search failed: ${errorMessage(e)}`);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      inflight?.abort();
      close();
      return;
    }
    timer = setTimeout(() => void run(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) pick(active);
    } else if (e.key === 'Escape') {
      close();
      input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 120));
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim()) render();
  });
  return { focus: () => input.focus() };
}

/** Text with the highlighted ranges wrapped in <mark>. */
export function highlighted(
  text: string,
  ranges: readonly { start: number; end: number }[],
): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    if (r.start < at) continue;
    out.push(text.slice(at, r.start), h('mark', {}, text.slice(r.start, r.end)));
    at = r.end;
  }
  out.push(text.slice(at));
  return out;
}
