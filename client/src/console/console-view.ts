import { h } from '../ui/dom.js';
import type { Tab } from './result-renderers.js';

/** The console's controls, built once; the panel wires them. */
export interface ConsoleView {
  readonly editorBox: HTMLElement;
  readonly params: HTMLTextAreaElement;
  readonly run: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  readonly explain: HTMLButtonElement;
  readonly profile: HTMLButtonElement;
  readonly save: HTMLButtonElement;
  readonly toCanvas: HTMLButtonElement;
  readonly saved: HTMLSelectElement;
  readonly history: HTMLSelectElement;
  readonly summary: HTMLElement;
  readonly tabs: Readonly<Record<Tab, HTMLButtonElement>>;
  readonly panel: HTMLElement;
}

const button = (label: string, title: string, extra: Record<string, string | boolean> = {}) =>
  h('button', { type: 'button', title, ...extra }, label);

const tab = (name: Tab, label: string): HTMLButtonElement =>
  h(
    'button',
    { type: 'button', role: 'tab', 'aria-selected': String(name === 'graph'), 'data-tab': name },
    label,
  );

/** Builds the console's DOM into `root`: editor, parameters, buttons, history, tabs, result area. */
export function buildConsoleView(root: HTMLElement): ConsoleView {
  const v: ConsoleView = {
    editorBox: h('div', { class: 'console-editor', 'data-testid': 'cypher-editor' }),
    params: h('textarea', {
      id: 'cypher-params',
      'aria-label': 'Parameters (JSON)',
      placeholder: '{"name": "Forbes"}  — parameters as JSON',
      spellcheck: 'false',
    }),
    run: button('▶ Run', 'Run (Ctrl+Enter)', { class: 'primary' }),
    cancel: button('Cancel', 'Cancel the running query', { disabled: true }),
    explain: button('Explain', 'Show the plan without running'),
    profile: button('Profile', 'Run and show the plan with row counts'),
    save: button('Save', 'Save this query under a name'),
    toCanvas: button('Add to canvas', 'Add the result graph to the main canvas', {
      disabled: true,
    }),
    saved: h('select', { 'aria-label': 'Saved queries' }),
    history: h('select', { 'aria-label': 'Query history' }),
    summary: h('span', { class: 'summary', role: 'status' }),
    tabs: {
      graph: tab('graph', 'Graph'),
      table: tab('table', 'Table'),
      json: tab('json', 'JSON'),
      plan: tab('plan', 'Plan'),
    },
    panel: h('div', { class: 'tab-panel', role: 'tabpanel', 'data-testid': 'cypher-result' }),
  };
  root.replaceChildren(
    h(
      'div',
      { class: 'console-top' },
      v.editorBox,
      h(
        'div',
        { class: 'console-side' },
        v.params,
        h('div', { class: 'console-buttons' }, v.run, v.cancel, v.explain, v.profile, v.save),
        h('div', { class: 'console-selects' }, v.history, v.saved),
      ),
    ),
    h(
      'div',
      { class: 'console-bottom' },
      h('div', { class: 'tabs', role: 'tablist' }, ...Object.values(v.tabs), v.toCanvas, v.summary),
      v.panel,
    ),
  );
  return v;
}
