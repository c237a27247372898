import type { Core } from 'cytoscape';
import { createCy } from '../graph/cy-factory.js';
import { runLayout } from '../graph/layouts.js';
import { toElements } from '../graph/to-elements.js';
import type { Theme } from '../style/style-rules.js';
import { h } from '../ui/dom.js';
import { planLines, type CypherFailure, type CypherStatementResult } from './cypher-result.js';
import { failureTitle, tableModel, type Tab } from './result-renderers.js';

const NOTE_STYLE = 'border-color:var(--border);background:none';

/** What the result area shows: a failure, a result in one tab, or the first-use hint. */
export interface ResultState {
  readonly failure: CypherFailure | null;
  readonly result: CypherStatementResult | null;
  readonly tab: Tab;
  readonly theme: Theme;
  readonly labelPriority: readonly string[];
  readonly goTo: (line: number, column: number) => void;
}

/**
 * Draws the result area. Returns the result graph's Cytoscape instance when the graph tab is
 * shown, for the caller to destroy before the next drawing.
 */
export function renderResult(panel: HTMLElement, s: ResultState): Core | null {
  if (s.failure) {
    const f = s.failure;
    panel.replaceChildren(
      h(
        'div',
        { class: 'console-error', role: 'alert', 'data-testid': 'cypher-error' },
        h('strong', {}, failureTitle(f)),
        f.code ? h('span', { class: 'muted' }, ` · ${f.code}`) : null,
        h('pre', {}, f.message),
        f.line !== null
          ? h(
              'button',
              { type: 'button', onclick: () => s.goTo(f.line ?? 1, f.column ?? 1) },
              'Go to the error',
            )
          : null,
      ),
    );
    return null;
  }
  const r = s.result;
  if (!r) {
    panel.replaceChildren(
      h(
        'div',
        { class: 'console-error', style: NOTE_STYLE },
        'Write a query and press Ctrl+Enter. Results appear here as a graph, a table and JSON. The console is read-only: it can never change the graph.',
      ),
    );
    return null;
  }
  const notes = r.notifications.length
    ? h(
        'div',
        { class: 'notifications' },
        ...r.notifications.map((n) =>
          h(
            'div',
            {},
            h('strong', {}, `${n.severity} · ${n.title}`),
            n.line !== null ? ` (line ${n.line}, column ${n.column ?? 1})` : '',
            h('div', { class: 'muted' }, n.description),
          ),
        ),
      )
    : null;
  if (s.tab === 'graph') return renderGraph(panel, r, s, notes);
  if (s.tab === 'table') {
    const t = tableModel(r);
    panel.replaceChildren(
      ...(notes ? [notes] : []),
      h(
        'table',
        { class: 'result-table', 'data-testid': 'cypher-table' },
        h('thead', {}, h('tr', {}, ...t.header.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...t.rows.map(([n, ...cells]) =>
            h('tr', {}, h('td', { class: 'muted' }, n), ...cells.map((c) => h('td', {}, c))),
          ),
        ),
      ),
      t.note ? h('p', { class: 'muted', style: 'padding:0 10px' }, t.note) : '',
    );
  } else if (s.tab === 'json') {
    panel.replaceChildren(
      h(
        'pre',
        { class: 'result-json' },
        JSON.stringify({ columns: r.columns, rows: r.rows }, null, 2),
      ),
    );
  } else {
    panel.replaceChildren(
      h(
        'pre',
        { class: 'result-plan' },
        r.plan
          ? planLines(r.plan).join('\n')
          : 'No plan for this run: press Explain (plan only) or Profile (run and count rows).',
      ),
    );
  }
  return null;
}

function renderGraph(
  panel: HTMLElement,
  r: CypherStatementResult,
  s: ResultState,
  notes: HTMLElement | null,
): Core | null {
  if (!r.subgraph.nodes.length) {
    panel.replaceChildren(
      notes ?? '',
      h(
        'p',
        { class: 'console-error', style: NOTE_STYLE },
        'No nodes or relationships in this result — see the Table tab. Return nodes, relationships or paths to see a graph.',
      ),
    );
    return null;
  }
  const box = h('div', { class: 'result-graph', 'data-testid': 'cypher-graph' });
  panel.replaceChildren(...(notes ? [notes] : []), box);
  const cy = createCy({
    container: box,
    theme: s.theme,
    labels: [...new Set(r.subgraph.nodes.flatMap((n) => n.labels))],
    edgeLabels: true,
    elements: toElements(r.subgraph, { labelPriority: s.labelPriority }),
    expectedElements: r.subgraph.nodes.length + r.subgraph.edges.length,
  });
  void runLayout(cy, 'fcose');
  return cy;
}
