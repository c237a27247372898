import { h } from '../ui/dom.js';
import type { CitedPassage, SourceMention } from './reader-api.js';
import { segments, type Mark } from './reader-segments.js';

export interface ReaderTextHandlers {
  /** A highlighted passage was chosen: the citations covering the spot. */
  readonly onCited: (cited: readonly CitedPassage[]) => void;
  /** An underlined mention was chosen. */
  readonly onMention: (mention: SourceMention) => void;
}

/** Makes an inline element act as a button for mouse and keyboard (Enter, Space). */
function actionable(el: HTMLElement, label: string, act: () => void): HTMLElement {
  el.tabIndex = 0;
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', label);
  el.addEventListener('click', (e) => {
    e.stopPropagation();
    // A click that ends a text selection is a selection, not a choice.
    if (String(window.getSelection() ?? '') !== '') return;
    act();
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      act();
    }
  });
  return el;
}

function clip<M extends Mark>(marks: readonly M[], from: number, to: number): M[] {
  return marks
    .filter((m) => m.start < to && m.end > from)
    .map((m) => ({ ...m, start: Math.max(m.start, from) - from, end: Math.min(m.end, to) - from }));
}

/** One stretch of the text with its passages highlighted and mentions underlined. */
function stretch(
  text: string,
  from: number,
  to: number,
  cited: readonly CitedPassage[],
  mentions: readonly SourceMention[],
  on: ReaderTextHandlers,
): Node[] {
  const localCited = clip(cited, from, to);
  const localMentions = clip(mentions, from, to);
  return segments(to - from, localCited, localMentions).map((seg) => {
    let node: Node = document.createTextNode(text.slice(from + seg.start, from + seg.end));
    if (seg.mention) {
      const m =
        mentions.find(
          (x) =>
            x.node.id === seg.mention?.node.id &&
            x.start < from + seg.end &&
            x.end > from + seg.start,
        ) ?? seg.mention;
      const span = h('span', {
        class: 'mention',
        'data-node-id': m.node.id,
        title: `${m.node.caption} (${m.node.labels.join(', ')}): add it to the view`,
      });
      span.append(node);
      node = actionable(span, `Mention of ${m.node.caption}`, () => on.onMention(m));
    }
    if (seg.cited.length > 0) {
      const originals = seg.cited.map(
        (c) => cited.find((x) => x.elementId === c.elementId && x.quote === c.quote) ?? c,
      );
      const mark = h('mark', {
        class: 'cited',
        'data-element-ids': originals.map((c) => c.elementId).join(' '),
        title: `Cited by ${originals.map((c) => c.caption).join('; ')}`,
      });
      mark.append(node);
      node = actionable(
        mark,
        `Passage cited by ${originals.length} fact${originals.length === 1 ? '' : 's'}`,
        () => on.onCited(originals),
      );
    }
    return node;
  });
}

/**
 * The source's whole text as DOM: cited passages highlighted, mentions underlined, and the
 * quote the reader was opened for (if any) in `mark#source-quote`, so it can be scrolled to.
 */
export function renderReaderText(
  text: string,
  cited: readonly CitedPassage[],
  mentions: readonly SourceMention[],
  focus: Mark | null,
  on: ReaderTextHandlers,
): { nodes: Node[]; focusMark: HTMLElement | null } {
  if (!focus) return { nodes: stretch(text, 0, text.length, cited, mentions, on), focusMark: null };
  const focusMark = h('mark', { id: 'source-quote' });
  focusMark.append(...stretch(text, focus.start, focus.end, cited, mentions, on));
  return {
    nodes: [
      ...stretch(text, 0, focus.start, cited, mentions, on),
      focusMark,
      ...stretch(text, focus.end, text.length, cited, mentions, on),
    ],
    focusMark,
  };
}
