import type { Core } from 'cytoscape';
import type { SchemaOverview } from '../api/graph-api.js';
import { createCy } from '../graph/cy-factory.js';
import { addConnected } from '../graph/connect.js';
import type { Explorer } from '../graph/explorer.js';
import { runLayout } from '../graph/layouts.js';
import { toElements } from '../graph/to-elements.js';
import { EXAMPLE_QUERIES, QueryStore, type SavedQuery } from '../state/query-store.js';
import type { Theme } from '../style/style-rules.js';
import { displayValue, fmt, h } from '../ui/dom.js';
import { toast } from '../ui/toast.js';
import { runCypher, type CypherMode } from './cypher-api.js';
import {
  mountCypherEditor,
  type CypherEditor,
  type EditorProblem,
  type EditorSchema,
} from './cypher-editor.js';
import { planLines, type CypherFailure, type CypherStatementResult } from './cypher-result.js';

export interface ConsoleHandle {
  query(): string;
  setQuery(text: string): void;
  setSchema(schema: SchemaOverview): void;
  retheme(theme: Theme): void;
  focus(): void;
}

type Tab = 'graph' | 'table' | 'json' | 'plan';

/** Rows shown in the table before "show all" (rendering 10,000 rows of DOM is slow). */
const TABLE_ROWS = 500;

/**
 * The Cypher console: Neo4j's Cypher editor with completion from the live schema, parameters as
 * JSON, history that survives reloads, saved queries; results as graph, table, JSON and plan;
 * errors with their line and column (the cursor jumps there); a running query can be cancelled.
 */
export function mountConsole(
  root: HTMLElement,
  explorer: Explorer,
  _hooks: { onResult: () => void },
): ConsoleHandle {
  const store = new QueryStore(localStorage);
  const editorBox = h('div', { class: 'console-editor', 'data-testid': 'cypher-editor' });
  const params = h('textarea', {
    id: 'cypher-params',
    'aria-label': 'Parameters (JSON)',
    placeholder: '{"name": "Forbes"}  — parameters as JSON',
    spellcheck: 'false',
  });
  const runButton = h(
    'button',
    { type: 'button', class: 'primary', title: 'Run (Ctrl+Enter)' },
    '▶ Run',
  );
  const cancelButton = h(
    'button',
    { type: 'button', disabled: true, title: 'Cancel the running query' },
    'Cancel',
  );
  const explainButton = h(
    'button',
    { type: 'button', title: 'Show the plan without running' },
    'Explain',
  );
  const profileButton = h(
    'button',
    { type: 'button', title: 'Run and show the plan with row counts' },
    'Profile',
  );
  const saveButton = h('button', { type: 'button', title: 'Save this query under a name' }, 'Save');
  const toCanvasButton = h(
    'button',
    { type: 'button', title: 'Add the result graph to the main canvas', disabled: true },
    'Add to canvas',
  );
  const savedSelect = h('select', { 'aria-label': 'Saved queries' });
  const historySelect = h('select', { 'aria-label': 'Query history' });
  const summary = h('span', { class: 'summary', role: 'status' });
  const tabs: Record<Tab, HTMLButtonElement> = {
    graph: h(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': 'true', 'data-tab': 'graph' },
      'Graph',
    ),
    table: h(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-tab': 'table' },
      'Table',
    ),
    json: h(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-tab': 'json' },
      'JSON',
    ),
    plan: h(
      'button',
      { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-tab': 'plan' },
      'Plan',
    ),
  };
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', 'data-testid': 'cypher-result' });
  const graphBox = h('div', { class: 'result-graph', 'data-testid': 'cypher-graph' });

  root.replaceChildren(
    h(
      'div',
      { class: 'console-top' },
      editorBox,
      h(
        'div',
        { class: 'console-side' },
        params,
        h(
          'div',
          { class: 'console-buttons' },
          runButton,
          cancelButton,
          explainButton,
          profileButton,
          saveButton,
        ),
        h('div', { class: 'console-selects' }, historySelect, savedSelect),
      ),
    ),
    h(
      'div',
      { class: 'console-bottom' },
      h('div', { class: 'tabs', role: 'tablist' }, ...Object.values(tabs), toCanvasButton, summary),
      panel,
    ),
  );

  const editor: CypherEditor = mountCypherEditor(editorBox, '', explorer.settings.theme, (text) =>
    checkOnServer(text),
  );
  let current: Tab = 'graph';
  let result: CypherStatementResult | null = null;
  let failure: CypherFailure | null = null;
  let resultCy: Core | null = null;
  let running: AbortController | null = null;

  const selectTab = (tab: Tab): void => {
    current = tab;
    for (const [name, b] of Object.entries(tabs))
      b.setAttribute('aria-selected', String(name === tab));
    render();
  };
  for (const [name, b] of Object.entries(tabs))
    b.addEventListener('click', () => selectTab(name as Tab));

  const render = (): void => {
    resultCy?.destroy();
    resultCy = null;
    if (failure) {
      const f = failure;
      panel.replaceChildren(
        h(
          'div',
          { class: 'console-error', role: 'alert', 'data-testid': 'cypher-error' },
          h(
            'strong',
            {},
            f.line !== null ? `Error at line ${f.line}, column ${f.column ?? 1}` : 'Error',
          ),
          f.code ? h('span', { class: 'muted' }, ` · ${f.code}`) : null,
          h('pre', {}, f.message),
          f.line !== null
            ? h(
                'button',
                { type: 'button', onclick: () => editor.goTo(f.line ?? 1, f.column ?? 1) },
                'Go to the error',
              )
            : null,
        ),
      );
      return;
    }
    if (!result) {
      panel.replaceChildren(
        h(
          'div',
          { class: 'console-error', style: 'border-color:var(--border);background:none' },
          'Write a query and press Ctrl+Enter. Results appear here as a graph, a table and JSON. The console is read-only: it can never change the graph.',
        ),
      );
      return;
    }
    const r = result;
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
    if (current === 'graph') {
      if (!r.subgraph.nodes.length) {
        panel.replaceChildren(
          notes ?? '',
          h(
            'p',
            { class: 'console-error', style: 'border-color:var(--border);background:none' },
            'No nodes or relationships in this result — see the Table tab. Return nodes, relationships or paths to see a graph.',
          ),
        );
        return;
      }
      panel.replaceChildren(graphBox);
      resultCy = createCy({
        container: graphBox,
        theme: explorer.settings.theme,
        labels: [...new Set(r.subgraph.nodes.flatMap((n) => n.labels))],
        edgeLabels: true,
        elements: toElements(r.subgraph, { labelPriority: explorer.labelPriority }),
        expectedElements: r.subgraph.nodes.length + r.subgraph.edges.length,
      });
      void runLayout(resultCy, 'fcose');
      if (notes) panel.prepend(notes);
    } else if (current === 'table') {
      const rows = r.rows.slice(0, TABLE_ROWS);
      panel.replaceChildren(
        ...(notes ? [notes] : []),
        h(
          'table',
          { class: 'result-table', 'data-testid': 'cypher-table' },
          h(
            'thead',
            {},
            h('tr', {}, h('th', {}, '#'), ...r.columns.map((c) => h('th', { scope: 'col' }, c))),
          ),
          h(
            'tbody',
            {},
            ...rows.map((row, i) =>
              h(
                'tr',
                {},
                h('td', { class: 'muted' }, i + 1),
                ...row.map((v) => h('td', {}, cellText(v))),
              ),
            ),
          ),
        ),
        r.rows.length > TABLE_ROWS
          ? h(
              'p',
              { class: 'muted', style: 'padding:0 10px' },
              `First ${TABLE_ROWS} of ${fmt(r.rows.length)} rows shown; export the JSON tab for all.`,
            )
          : '',
      );
    } else if (current === 'json') {
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
  };

  const setRunning = (on: boolean): void => {
    runButton.disabled = on;
    explainButton.disabled = on;
    profileButton.disabled = on;
    cancelButton.disabled = !on;
    if (on) summary.textContent = 'Running…';
  };

  const run = async (mode: CypherMode = 'run'): Promise<void> => {
    const query = editor.value().trim();
    if (!query) {
      toast('Write a Cypher query first.');
      return;
    }
    let parameters: Record<string, unknown> = {};
    const raw = params.value.trim();
    if (raw) {
      try {
        parameters = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        failure = {
          message: 'The parameters are not valid JSON. Write an object, e.g. {"name": "Forbes"}.',
          code: 'BAD_USER_INPUT',
          line: null,
          column: null,
        };
        result = null;
        render();
        return;
      }
    }
    running?.abort();
    const controller = new AbortController();
    running = controller;
    setRunning(true);
    const t0 = performance.now();
    const outcome = await runCypher(query, parameters, mode, controller.signal);
    if (controller !== running) return;
    running = null;
    setRunning(false);
    if (outcome.kind === 'cancelled') {
      summary.textContent = 'Cancelled.';
      return;
    }
    renderHistory(store.remember(query, raw));
    if (outcome.kind === 'failure') {
      failure = outcome.failure;
      result = null;
      summary.textContent = 'Failed.';
      toCanvasButton.disabled = true;
      if (failure.line !== null) editor.goTo(failure.line, failure.column ?? 1);
    } else {
      failure = null;
      result = outcome.result;
      const ms = result.serverMs ?? Math.round(performance.now() - t0);
      summary.textContent = `${fmt(result.rows.length)} row${result.rows.length === 1 ? '' : 's'}${result.truncated ? ' (truncated)' : ''} · ${fmt(result.subgraph.nodes.length)} nodes · ${fmt(result.subgraph.edges.length)} relationships · ${fmt(ms)} ms`;
      toCanvasButton.disabled = result.subgraph.nodes.length === 0;
      if (mode !== 'run' && result.plan) current = 'plan';
      else if (current === 'plan') current = result.subgraph.nodes.length ? 'graph' : 'table';
      else if (current === 'graph' && !result.subgraph.nodes.length) current = 'table';
      for (const [name, b] of Object.entries(tabs))
        b.setAttribute('aria-selected', String(name === current));
    }
    render();
  };

  const renderHistory = (entries = store.history()): void => {
    historySelect.replaceChildren(
      h(
        'option',
        { value: '' },
        entries.length ? `History (${entries.length})…` : 'History (empty)',
      ),
      ...entries
        .slice(0, 50)
        .map((e, i) =>
          h(
            'option',
            { value: String(i), title: e.query },
            e.query.replace(/\s+/g, ' ').slice(0, 80),
          ),
        ),
    );
    historySelect.onchange = () => {
      const e = entries[Number(historySelect.value)];
      if (e) {
        editor.setValue(e.query);
        params.value = e.params;
      }
      historySelect.value = '';
    };
  };

  const renderSaved = (saved: SavedQuery[] = store.saved()): void => {
    const all = saved.length ? saved : EXAMPLE_QUERIES;
    savedSelect.replaceChildren(
      h(
        'option',
        { value: '' },
        saved.length ? `Saved queries (${saved.length})…` : 'Example queries…',
      ),
      ...all.map((s, i) => h('option', { value: String(i) }, s.name)),
    );
    savedSelect.onchange = () => {
      const s = all[Number(savedSelect.value)];
      if (s) {
        editor.setValue(s.query);
        params.value = s.params;
      }
      savedSelect.value = '';
    };
  };

  runButton.addEventListener('click', () => void run());
  explainButton.addEventListener('click', () => void run('explain'));
  profileButton.addEventListener('click', () => void run('profile'));
  cancelButton.addEventListener('click', () => running?.abort());
  editor.onRun(() => void run());
  params.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  saveButton.addEventListener('click', () => {
    const q = editor.value().trim();
    if (!q) return;
    const name = prompt('Save this query as:', q.split('\n')[0]?.slice(0, 40) ?? 'query');
    if (name) {
      renderSaved(store.save(name, q, params.value.trim()));
      toast(`Saved “${name}”.`);
    }
  });
  toCanvasButton.addEventListener('click', () => {
    if (!result) return;
    void addConnected(explorer, result.subgraph, { kind: 'layout' }).then(
      () => toast('Result added to the canvas, with its relationships to what was there.'),
      () => toast('The result could not be added to the canvas.', 'error'),
    );
  });

  // Completion knows the live schema and the parameters typed so far ($name).
  let editorSchema: EditorSchema = { labels: [], relationshipTypes: [], propertyKeys: [] };
  const updateCompletion = (): void => {
    let names: string[] = [];
    try {
      const parsed: unknown = JSON.parse(params.value || '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        names = Object.keys(parsed);
    } catch {
      // Half-typed JSON: keep the previous names until it parses.
      return;
    }
    editor.setSchema(editorSchema, names);
  };
  params.addEventListener('input', updateCompletion);

  // Inline problems from Neo4j: EXPLAIN the text (plans only, nothing runs); a newer check
  // cancels an older one still in flight.
  let checking: AbortController | null = null;
  const checkOnServer = async (text: string): Promise<EditorProblem[]> => {
    checking?.abort();
    const controller = new AbortController();
    checking = controller;
    let parameters: Record<string, unknown> = {};
    try {
      parameters = JSON.parse(params.value.trim() || '{}') as Record<string, unknown>;
    } catch {
      // The parameters box reports its own error when the query runs.
    }
    const outcome = await runCypher(text, parameters, 'explain', controller.signal);
    if (outcome.kind === 'failure' && outcome.failure.line !== null) {
      const f = outcome.failure;
      return [{ line: f.line ?? 1, column: f.column ?? 1, message: f.message, severity: 'error' }];
    }
    if (outcome.kind === 'result') {
      return outcome.result.notifications
        .filter((n) => n.line !== null)
        .map((n) => ({
          line: n.line ?? 1,
          column: n.column ?? 1,
          message: `${n.title}\n${n.description}`,
          severity: n.severity === 'WARNING' ? 'warning' : 'info',
        }));
    }
    return [];
  };

  renderHistory();
  renderSaved();
  render();

  return {
    query: () => editor.value(),
    setQuery: (text) => editor.setValue(text),
    setSchema: (schema) => {
      editorSchema = {
        labels: schema.labels.map((l) => l.name),
        relationshipTypes: schema.relationshipTypes.map((t) => t.name),
        propertyKeys: schema.propertyKeys,
      };
      updateCompletion();
    },
    retheme: (theme) => {
      editor.setTheme(theme);
      render();
    },
    focus: () => editor.focus(),
  };
}

/** A table cell: nodes and relationships as their caption or type, other values as text. */
function cellText(v: unknown): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['labels']) && o['properties']) {
      const p = o['properties'] as Record<string, unknown>;
      return `(:${(o['labels'] as string[]).join(':')} ${displayValue(p['name'] ?? p['title'] ?? o['id'])})`;
    }
    if (typeof o['type'] === 'string' && 'start' in o && 'end' in o) return `[:${o['type']}]`;
  }
  return displayValue(v);
}
