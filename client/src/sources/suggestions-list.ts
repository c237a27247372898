import { h } from '../ui/dom.js';
import { errorMessage } from '../ui/toast.js';
import { citeInReader } from './cite-bridge.js';
import type { SourceReading } from './reader-api.js';
import { sentenceAt } from './sentence-at.js';

const ignoredKey = (sourceId: string): string => `dossier.ignored.${sourceId}`;

/** Names the person chose to ignore for this source (kept in the browser). */
function ignored(sourceId: string): Set<string> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(ignoredKey(sourceId)) ?? '[]');
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export interface SuggestionsOptions {
  readonly sourceId: string;
  readonly text: string;
  readonly reading: SourceReading;
  readonly canEdit: boolean;
  /** After a suggestion was created through the cite dialog (the reader refreshes). */
  readonly onCreated: () => void;
}

/**
 * "Suggested entities": the people, organisations and places the text names that the graph does
 * not hold (compromise, loaded with the first reader), each with "Create" (the cite dialog,
 * prefilled with the name and the sentence of its first use) and "Ignore".
 */
export function renderSuggestions(box: HTMLElement, o: SuggestionsOptions): void {
  box.replaceChildren(
    h('h4', {}, 'Suggested entities'),
    h('p', { class: 'muted' }, 'Reading the text…'),
  );
  void import('./suggest.js')
    .then(({ suggestEntities }) => {
      const known = o.reading.mentions.flatMap((m) => [m.node.caption, m.name, m.text]);
      const skip = ignored(o.sourceId);
      const found = suggestEntities(o.text, known, o.reading.mentions).filter(
        (s) => !skip.has(s.name),
      );
      const list = h('ul', { class: 'suggestion-list' });
      for (const s of found) {
        const sentence = sentenceAt(o.text, s.start, s.end);
        const row = h(
          'li',
          { 'data-suggestion': s.name },
          h('span', { class: 'suggestion-name' }, s.name),
          h('span', { class: 'muted' }, ` ${s.kind}${s.count > 1 ? ` · ${s.count}×` : ''}`),
          o.canEdit
            ? h(
                'button',
                {
                  type: 'button',
                  'aria-label': `Create ${s.name} citing the sentence that names it`,
                  onclick: () =>
                    void citeInReader({
                      sourceId: o.sourceId,
                      ...sentence,
                      suggest: { kind: 'entity', name: s.name, label: s.kind },
                    })
                      .then((saved) => saved && o.onCreated())
                      .catch((e: unknown) =>
                        row.append(h('span', { role: 'alert' }, errorMessage(e))),
                      ),
                },
                'Create',
              )
            : null,
          h(
            'button',
            {
              type: 'button',
              'aria-label': `Ignore ${s.name}`,
              onclick: () => {
                skip.add(s.name);
                localStorage.setItem(ignoredKey(o.sourceId), JSON.stringify([...skip]));
                row.remove();
              },
            },
            'Ignore',
          ),
        );
        list.append(row);
      }
      box.replaceChildren(
        h('h4', {}, `Suggested entities · ${found.length}`),
        found.length
          ? list
          : h('p', { class: 'muted' }, 'No other person, organisation or place found.'),
      );
    })
    .catch((e: unknown) =>
      box.replaceChildren(
        h('h4', {}, 'Suggested entities'),
        h('p', {}, `Could not read the text: ${errorMessage(e)}`),
      ),
    );
}
