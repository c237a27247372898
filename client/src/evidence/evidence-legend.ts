import type { ExplorerContext } from '../graph/connect.js';
import { EVIDENCE_CATEGORIES, type EvidenceCategory } from '../state/analysis.js';
import { setEvidenceFilter } from '../state/commands/set-evidence-filter.js';
import { setEvidenceSizing } from '../state/commands/set-evidence-sizing.js';
import type { GraphCache } from '../state/graph-cache.js';
import { pictureOf, type Picture } from '../state/picture.js';
import { h } from '../ui/dom.js';
import { countCategories, evidenceOf, type Evidence } from './evidence-categories.js';
import { SOURCE_NODE_SIZES } from './evidence-style.js';
import './evidence-legend.css';

/** What each legend entry says, and what it draws like. */
const ENTRIES: Readonly<Record<EvidenceCategory, { label: string; hint: string }>> = {
  'single-source': {
    label: 'Facts with a single source',
    hint: 'one independent source: one publisher or relayed outlet',
  },
  disputed: { label: 'Disputed facts', hint: 'a disagreement between sources opposes them' },
  inferred: { label: 'Inferred facts', hint: 'read from context, or dated from context' },
  unsourced: { label: 'Unsourced facts', hint: 'cite no source at all' },
};

/**
 * The evidence of every fact in a picture before its filters, as a fully drawn canvas holds them
 * (filtered ones too, so a category unchecked keeps its count); group nodes and counted
 * relationships are not facts and have none.
 */
function* factsOf(picture: Picture, cache: GraphCache): Generator<Evidence> {
  for (const id of picture.plan.nodes) {
    const n = cache.node(id);
    if (n) yield evidenceOf(n);
  }
  for (const id of picture.plan.edges) {
    const e = cache.edge(id);
    if (e) yield evidenceOf(e);
  }
}

/**
 * The evidence legend: one toggle per category (checked: shown; unchecked: those facts are
 * hidden) with how many facts of the picture fall in it, and "Size by number of sources". Each
 * change is a command, so undo, links and cases keep it. Plain checkboxes with labels: Tab and
 * Space work, and a screen reader reads the label and the count.
 */
export function mountEvidenceLegend(root: HTMLElement, ctx: ExplorerContext): { focus(): void } {
  const { store, explorer, cache } = ctx;
  const boxes = new Map<EvidenceCategory, HTMLInputElement>();
  const counts = new Map<EvidenceCategory, HTMLElement>();
  const entries = EVIDENCE_CATEGORIES.map((category) => {
    const id = `ev-show-${category}`;
    const box = h('input', {
      id,
      type: 'checkbox',
      'data-category': category,
      onchange: (e: Event) =>
        void store.dispatch(setEvidenceFilter, {
          category,
          hidden: !(e.target as HTMLInputElement).checked,
        }),
    });
    const count = h('span', { class: 'ev-n', 'data-testid': `ev-count-${category}` });
    boxes.set(category, box);
    counts.set(category, count);
    return h(
      'li',
      { class: `ev-entry ev-${category}` },
      box,
      h(
        'label',
        { for: id, title: ENTRIES[category].hint },
        h('span', { class: 'ev-swatch', 'aria-hidden': 'true' }),
        ENTRIES[category].label,
      ),
      count,
    );
  });
  const size = h('input', {
    id: 'ev-size-by-sources',
    type: 'checkbox',
    onchange: (e: Event) =>
      void store.dispatch(setEvidenceSizing, (e.target as HTMLInputElement).checked),
  });
  const scale = h(
    'div',
    { class: 'ev-scale', 'aria-hidden': 'true' },
    ...SOURCE_NODE_SIZES.map((d, s) =>
      h(
        'span',
        { class: 'ev-step' },
        h('span', { class: 'ev-dot', style: `width:${d / 3}px;height:${d / 3}px` }),
        s === 3 ? '3+' : String(s),
      ),
    ),
  );
  const note = h(
    'p',
    { class: 'muted ev-note' },
    'Sources are counted as paths rank them: by origin (the outlet a document relays, else its publisher), so two articles of one publisher count once.',
  );
  root.replaceChildren(
    h(
      'fieldset',
      { class: 'ev-legend' },
      h('legend', {}, 'Show'),
      h('ul', { class: 'ev-entries' }, ...entries),
    ),
    h(
      'div',
      { class: 'ev-size' },
      size,
      h('label', { for: 'ev-size-by-sources' }, 'Size by number of sources'),
    ),
    scale,
    note,
  );

  let pending = false;
  const update = (): void => {
    const state = store.view.analysis.evidence;
    for (const [c, box] of boxes) box.checked = !state.hidden.includes(c);
    size.checked = state.sizeBySources;
    scale.hidden = !state.sizeBySources;
    // Counted over the View's whole picture (state/picture.ts), not the canvas: a simplified
    // picture draws only the part near the viewport, and its counts would change as the user pans.
    // Once the Explorer is idle: a burst of commands counts once, on the picture it derived.
    if (pending) return;
    pending = true;
    void explorer.idle().then(() => {
      pending = false;
      const n = countCategories(
        factsOf(pictureOf(store.view, cache, explorer.labelPriority), cache),
      );
      for (const [c, span] of counts) span.textContent = String(n[c]);
    });
  };
  store.subscribe(update);
  update();
  return { focus: () => boxes.get('single-source')?.focus() };
}
