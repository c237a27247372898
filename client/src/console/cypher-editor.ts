import { linter, type Diagnostic } from '@codemirror/lint';
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import type { Theme } from '../style/style-rules.js';

/** Built-in functions offered by completion (the editor knows keywords; functions come from us). */
const CYPHER_FUNCTIONS = [
  'count',
  'collect',
  'sum',
  'avg',
  'min',
  'max',
  'labels',
  'type',
  'elementId',
  'id',
  'keys',
  'properties',
  'size',
  'length',
  'nodes',
  'relationships',
  'startNode',
  'endNode',
  'coalesce',
  'head',
  'last',
  'range',
  'toLower',
  'toUpper',
  'trim',
  'split',
  'substring',
  'replace',
  'toString',
  'toInteger',
  'toFloat',
  'date',
  'datetime',
  'duration',
  'exists',
  'shortestPath',
  'allShortestPaths',
  'reduce',
  'any',
  'all',
  'none',
];

/** The live schema the editor completes from. */
export interface EditorSchema {
  readonly labels: readonly string[];
  readonly relationshipTypes: readonly string[];
  readonly propertyKeys: readonly string[];
}

/** A problem Neo4j reports at a 1-based line and column of the text. */
export interface EditorProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** Asks the server about a text (EXPLAIN); resolves to the problems it found, [] when none. */
export type ProblemCheck = (text: string) => Promise<EditorProblem[]>;

/** Quiet time after typing before the text is checked on the server. */
const CHECK_DELAY_MS = 700;

/** The few editor operations the console needs. */
export interface CypherEditor {
  value(): string;
  setValue(text: string): void;
  setSchema(schema: EditorSchema, parameters: readonly string[]): void;
  /** Puts the cursor at a 1-based line and column (where an error is) and focuses. */
  goTo(line: number, column: number): void;
  setTheme(theme: Theme): void;
  focus(): void;
  onRun(run: () => void): void;
  onChange(listener: (text: string) => void): void;
}

/**
 * Neo4j's own Cypher support for CodeMirror 6 (@neo4j-cypher/codemirror): highlighting and
 * completion of keywords, functions, labels, relationship types, property keys and parameters
 * from the live schema. Inline errors come from Neo4j itself: the text is planned on the server
 * (EXPLAIN, nothing runs) after each pause in typing, and its syntax errors, read-only refusals
 * and warnings (cartesian products, unknown labels…) are underlined where they point. The
 * package's own linter is off: its older grammar rejects valid Cypher 5 (e.g. `AS a, type(r)`).
 * Ctrl/⌘+Enter runs.
 */
export function mountCypherEditor(
  parent: HTMLElement,
  initial: string,
  theme: Theme,
  check: ProblemCheck,
): CypherEditor {
  // The published declarations say createCypherEditor returns the API; at run time (1.0.3) it
  // returns { editor: api }.
  const created = createCypherEditor(parent, {
    value: initial,
    theme,
    lint: false,
    // Tooltips (completion, errors) float above the page instead of being clipped by the console.
    tooltipAbsolute: true,
    postExtensions: [
      linter(
        async (view) => {
          const text = view.state.doc.toString();
          if (!text.trim()) return [];
          const doc = view.state.doc;
          return (await check(text)).map((p): Diagnostic => {
            const line = doc.line(Math.min(Math.max(1, p.line), doc.lines));
            const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
            const word = /^[\w$`.]+/.exec(doc.sliceString(from, line.to))?.[0].length ?? 1;
            return {
              from,
              to: Math.min(from + Math.max(1, word), doc.length),
              severity: p.severity,
              message: p.message,
            };
          });
        },
        { delay: CHECK_DELAY_MS },
      ),
    ],
    autofocus: false,
    lineNumbers: true,
    lineWrapping: true,
    placeholder: 'MATCH (p:Person)-[r]->(n) RETURN p, r, n LIMIT 50   — Ctrl+Enter runs',
    autocompleteTriggerStrings: ['.', ':', '[]', '()', '{}', '[', '(', '{', '$'],
  }) as unknown as { editor: EditorApi };
  const api = created.editor;
  const runners: (() => void)[] = [];
  api.onKeyDown((event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      for (const r of runners) r();
    }
  });
  return {
    value: () => api.codemirror.state.doc.toString(),
    setValue: (text) => api.setValue(text),
    setSchema: (schema, parameters) =>
      api.setSchema({
        labels: schema.labels.map((l) => `:${l}`),
        relationshipTypes: schema.relationshipTypes.map((t) => `:${t}`),
        propertyKeys: [...schema.propertyKeys],
        parameters: [...parameters],
        functions: CYPHER_FUNCTIONS.map((name) => ({ name, signature: '' })),
      }),
    goTo: (line, column) => {
      api.setPosition({ line, column: Math.max(1, column) }, true);
      api.focus();
    },
    setTheme: (t) => api.setTheme(t),
    focus: () => api.focus(),
    onRun: (run) => runners.push(run),
    onChange: (listener) => api.onValueChanged((value: string) => listener(value)),
  };
}
