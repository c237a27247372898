import { fetchHistory, type HistoryEntry } from '../authoring/authoring-api.js';
import { citationKey, type QuoteRange } from '../api/quote-ranges.js';
import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import { detailsEditing } from './details-editing.js';

const ACTION_WORDS: Record<string, string> = {
  create: 'Created',
  cite: 'Cited',
  edit: 'Edited',
  retract: 'Retracted',
  restore: 'Restored',
  merge: 'Merged',
  unmerge: 'Unmerged',
};

/** One history entry as a line: what, who, when, why, and the passages it cited. */
function entryLine(c: HistoryEntry): HTMLElement {
  const when = new Date(c.at);
  return h(
    'li',
    { 'data-action': c.action },
    h('span', { class: 'action' }, ACTION_WORDS[c.action] ?? c.action),
    ' by ',
    h('span', { class: 'author', 'data-testid': 'history-author' }, c.author),
    ' · ',
    h('time', { datetime: c.at }, Number.isNaN(when.getTime()) ? c.at : when.toLocaleString()),
    c.reason ? h('div', { class: 'muted' }, `“${c.reason}”`) : null,
    ...c.citations.map((q) => h('div', { class: 'muted' }, `cites “${q.quote}”`)),
  );
}

/**
 * The element's History (from the API's history(id), newest first) and, for an editor, Retract
 * with a reason — or Restore when its latest change is a retraction. `current` says whether the
 * panel still shows this element. Returns the quote positions the history records, so "Open
 * source" can highlight a passage cited through the API (facts outside the story have no story id).
 */
export function renderHistory(
  box: HTMLElement,
  elementId: string,
  caption: string,
  current: () => boolean,
): Promise<Map<string, QuoteRange>> {
  box.replaceChildren(h('h2', {}, 'History'), h('p', { class: 'muted' }, 'Loading…'));
  const editing = detailsEditing();
  return fetchHistory(elementId)
    .then((entries) => {
      const ranges = new Map<string, QuoteRange>();
      for (const c of entries) {
        for (const q of c.citations) {
          if (typeof q.start === 'number' && typeof q.end === 'number')
            ranges.set(citationKey(q.source, q.quote), { start: q.start, end: q.end });
        }
      }
      if (!current()) return ranges;
      box.replaceChildren(
        h('h2', {}, `History · ${entries.length}`),
        entries.length
          ? h('ul', { class: 'history-list', 'data-testid': 'history' }, ...entries.map(entryLine))
          : h('p', { class: 'muted' }, 'No change recorded: it came with the data.'),
      );
      if (editing && entries[0]?.action === 'retract') {
        box.append(
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'restore',
              onclick: () => void editing.restore(elementId, caption),
            },
            'Restore',
          ),
        );
      }
      return ranges;
    })
    .catch((e: unknown) => {
      if (current()) box.replaceChildren(h('h2', {}, 'History'), h('p', {}, errorMessage(e)));
      return new Map<string, QuoteRange>();
    });
}

/** For an editor: "Retract…", which asks for a reason in place, then retracts. */
export function retractControl(elementId: string, caption: string): HTMLElement | null {
  const editing = detailsEditing();
  if (!editing) return null;
  const reason = h('input', {
    id: `retract-reason-${elementId}`,
    type: 'text',
    placeholder: 'Why (kept in the history)',
    'data-testid': 'retract-reason',
  });
  const form = h(
    'form',
    {
      class: 'retract-form',
      hidden: true,
      onsubmit: (e: Event) => {
        e.preventDefault();
        const why = reason.value.trim();
        if (!why) {
          reason.setCustomValidity('Say why it is retracted.');
          reason.reportValidity();
          return;
        }
        void editing.retract(elementId, caption, why);
      },
    },
    h('label', { for: reason.id }, 'Reason'),
    reason,
    h('button', { type: 'submit', class: 'danger', 'data-testid': 'retract-confirm' }, 'Retract'),
  );
  reason.addEventListener('input', () => reason.setCustomValidity(''));
  const open = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      'data-testid': 'retract',
      title: 'Retract this fact (undo restores it)',
      onclick: () => {
        form.hidden = false;
        reason.focus();
      },
    },
    'Retract…',
  );
  return h('div', { class: 'editing-row' }, open, form);
}
