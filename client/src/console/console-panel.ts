import type { Core } from 'cytoscape';
import type { SchemaOverview } from '../api/graph-api.js';
import { addConnected, type ExplorerContext } from '../graph/connect.js';
import { EXAMPLE_QUERIES, QueryStore, type SavedQuery } from '../state/query-store.js';
import type { Theme } from '../style/style-rules.js';
import { h } from '../ui/dom.js';
import { toast } from '../ui/toast.js';
import { runCypher, type CypherMode } from './cypher-api.js';
import { mountCypherEditor, type EditorProblem, type EditorSchema } from './cypher-editor.js';
import type { CypherFailure, CypherStatementResult } from './cypher-result.js';
import { buildConsoleView } from './console-view.js';
import { isFailure, parseParams, summaryText, tabAfterRun, type Tab } from './result-renderers.js';
import { renderResult } from './result-view.js';

export interface ConsoleHandle {
  query(): string;
  setQuery(text: string): void;
  setSchema(schema: SchemaOverview): void;
  retheme(theme: Theme): void;
  focus(): void;
}

/**
 * The Cypher console: Neo4j's Cypher editor with completion from the live schema, parameters as
 * JSON, history that survives reloads, saved queries; results as graph, table, JSON and plan;
 * errors with their line and column (the cursor jumps there); a running query can be cancelled.
 * "Add to canvas" brings the result graph into the picture like any expansion (hidden stays hidden).
 */
export function mountConsole(root: HTMLElement, ctx: ExplorerContext): ConsoleHandle {
  const store = new QueryStore(localStorage);
  const v = buildConsoleView(root);
  const editor = mountCypherEditor(v.editorBox, '', ctx.store.view.theme, (text) =>
    checkOnServer(text),
  );
  let tab: Tab = 'graph';
  let result: CypherStatementResult | null = null;
  let failure: CypherFailure | null = null;
  let resultCy: Core | null = null;
  let running: AbortController | null = null;

  const render = (): void => {
    resultCy?.destroy();
    for (const [name, b] of Object.entries(v.tabs))
      b.setAttribute('aria-selected', String(name === tab));
    resultCy = renderResult(v.panel, {
      failure,
      result,
      tab,
      theme: ctx.store.view.theme,
      labelPriority: ctx.explorer.labelPriority,
      goTo: (line, column) => editor.goTo(line, column),
    });
  };
  for (const [name, b] of Object.entries(v.tabs)) {
    b.addEventListener('click', () => ((tab = name as Tab), render()));
  }

  const setRunning = (on: boolean): void => {
    for (const b of [v.run, v.explain, v.profile]) b.disabled = on;
    v.cancel.disabled = !on;
    if (on) v.summary.textContent = 'Running…';
  };

  const run = async (mode: CypherMode = 'run'): Promise<void> => {
    const query = editor.value().trim();
    if (!query) return toast('Write a Cypher query first.');
    const raw = v.params.value.trim();
    const parameters = parseParams(raw);
    if (isFailure(parameters)) {
      [failure, result] = [parameters, null];
      return render();
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
      v.summary.textContent = 'Cancelled.';
      return;
    }
    renderHistory(store.remember(query, raw));
    if (outcome.kind === 'failure') {
      [failure, result] = [outcome.failure, null];
      v.summary.textContent = 'Failed.';
      v.toCanvas.disabled = true;
      if (failure.line !== null) editor.goTo(failure.line, failure.column ?? 1);
    } else {
      [failure, result] = [null, outcome.result];
      v.summary.textContent = summaryText(
        result,
        result.serverMs ?? Math.round(performance.now() - t0),
      );
      v.toCanvas.disabled = result.subgraph.nodes.length === 0;
      tab = tabAfterRun(tab, result, mode !== 'run');
    }
    render();
  };

  const fill = (q: { query: string; params: string } | undefined): void => {
    if (!q) return;
    editor.setValue(q.query);
    v.params.value = q.params;
  };
  const renderHistory = (entries = store.history()): void => {
    v.history.replaceChildren(
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
    v.history.onchange = () => {
      fill(entries[Number(v.history.value)]);
      v.history.value = '';
    };
  };
  const renderSaved = (saved: SavedQuery[] = store.saved()): void => {
    const all = saved.length ? saved : EXAMPLE_QUERIES;
    v.saved.replaceChildren(
      h(
        'option',
        { value: '' },
        saved.length ? `Saved queries (${saved.length})…` : 'Example queries…',
      ),
      ...all.map((s, i) => h('option', { value: String(i) }, s.name)),
    );
    v.saved.onchange = () => {
      fill(all[Number(v.saved.value)]);
      v.saved.value = '';
    };
  };

  v.run.addEventListener('click', () => void run());
  v.explain.addEventListener('click', () => void run('explain'));
  v.profile.addEventListener('click', () => void run('profile'));
  v.cancel.addEventListener('click', () => running?.abort());
  editor.onRun(() => void run());
  v.params.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void run();
    }
  });
  v.save.addEventListener('click', () => {
    const q = editor.value().trim();
    if (!q) return;
    const name = prompt('Save this query as:', q.split('\n')[0]?.slice(0, 40) ?? 'query');
    if (name) {
      renderSaved(store.save(name, q, v.params.value.trim()));
      toast(`Saved “${name}”.`);
    }
  });
  v.toCanvas.addEventListener('click', () => {
    if (!result) return;
    void addConnected(ctx, result.subgraph, { kind: 'layout' }).then(
      () => toast('Result added to the canvas, with its relationships to what was there.'),
      () => toast('The result could not be added to the canvas.', 'error'),
    );
  });

  // Completion knows the live schema and the parameters typed so far ($name).
  let editorSchema: EditorSchema = { labels: [], relationshipTypes: [], propertyKeys: [] };
  const updateCompletion = (): void => {
    const parsed = parseParams(v.params.value);
    // Half-typed JSON keeps the previous names until it parses.
    if (!isFailure(parsed)) editor.setSchema(editorSchema, Object.keys(parsed));
  };
  v.params.addEventListener('input', updateCompletion);

  // Inline problems from Neo4j: EXPLAIN the text (plans only, nothing runs); a newer check
  // cancels an older one still in flight.
  let checking: AbortController | null = null;
  const checkOnServer = async (text: string): Promise<EditorProblem[]> => {
    checking?.abort();
    const controller = new AbortController();
    checking = controller;
    const parsed = parseParams(v.params.value);
    const outcome = await runCypher(
      text,
      isFailure(parsed) ? {} : parsed,
      'explain',
      controller.signal,
    );
    if (outcome.kind === 'failure' && outcome.failure.line !== null) {
      const f = outcome.failure;
      return [{ line: f.line ?? 1, column: f.column ?? 1, message: f.message, severity: 'error' }];
    }
    if (outcome.kind !== 'result') return [];
    return outcome.result.notifications
      .filter((n) => n.line !== null)
      .map((n) => ({
        line: n.line ?? 1,
        column: n.column ?? 1,
        message: `${n.title}\n${n.description}`,
        severity: n.severity === 'WARNING' ? 'warning' : 'info',
      }));
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
