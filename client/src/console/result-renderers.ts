import { displayValue } from '../ui/dom.js';
import type { CypherFailure, CypherStatementResult } from './cypher-result.js';

/** Rows shown in the table before "export the JSON" (rendering 10,000 rows of DOM is slow). */
export const TABLE_ROWS = 500;

/** The result tabs. */
export type Tab = 'graph' | 'table' | 'json' | 'plan';

const count = (n: number, one: string): string =>
  `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** The summary line: "3 rows · 4 nodes · 3 relationships · 12 ms", "(truncated)" when cut. */
export function summaryText(r: CypherStatementResult, ms: number): string {
  return `${count(r.rows.length, 'row')}${r.truncated ? ' (truncated)' : ''} · ${r.subgraph.nodes.length.toLocaleString('en')} nodes · ${r.subgraph.edges.length.toLocaleString('en')} relationships · ${ms.toLocaleString('en')} ms`;
}

/** The tab to show after a run: the plan for EXPLAIN/PROFILE, the table when there is no graph. */
export function tabAfterRun(current: Tab, r: CypherStatementResult, explained: boolean): Tab {
  if (explained && r.plan) return 'plan';
  if (current === 'plan') return r.subgraph.nodes.length ? 'graph' : 'table';
  if (current === 'graph' && !r.subgraph.nodes.length) return 'table';
  return current;
}

/** The heading of a failure: where it is, when Neo4j said. */
export function failureTitle(f: CypherFailure): string {
  return f.line !== null ? `Error at line ${f.line}, column ${f.column ?? 1}` : 'Error';
}

/**
 * A table cell: a node as `(:Label caption)` with the server's caption (the same rule as the
 * graph, CAPTION_KEYS), a relationship as `[:TYPE]`, other values as text.
 */
export function cellText(v: unknown, captions: ReadonlyMap<string, string>): string {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o['labels']) && o['properties']) {
      const id = String(o['id'] ?? o['elementId'] ?? '');
      const caption = captions.get(id) ?? id;
      return `(:${(o['labels'] as string[]).join(':')} ${caption})`;
    }
    if (typeof o['type'] === 'string' && 'start' in o && 'end' in o) return `[:${o['type']}]`;
  }
  return displayValue(v);
}

/** The table: header, the first TABLE_ROWS rows as text, and a note when some are left out. */
export function tableModel(r: CypherStatementResult): {
  header: string[];
  rows: string[][];
  note: string | null;
} {
  const captions = new Map(r.subgraph.nodes.map((n) => [n.id, n.caption ?? n.id] as const));
  return {
    header: ['#', ...r.columns],
    rows: r.rows
      .slice(0, TABLE_ROWS)
      .map((row, i) => [String(i + 1), ...row.map((v) => cellText(v, captions))]),
    note:
      r.rows.length > TABLE_ROWS
        ? `First ${TABLE_ROWS} of ${r.rows.length.toLocaleString('en')} rows shown; export the JSON tab for all.`
        : null,
  };
}

/** Parses the parameters box: an object, or a failure that says how to write one. */
export function parseParams(raw: string): Record<string, unknown> | CypherFailure {
  if (!raw.trim()) return {};
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  return {
    message: 'The parameters are not valid JSON. Write an object, e.g. {"name": "Forbes"}.',
    code: 'BAD_USER_INPUT',
    line: null,
    column: null,
  };
}

/** True when parseParams failed. */
export function isFailure(v: Record<string, unknown> | CypherFailure): v is CypherFailure {
  return typeof v['message'] === 'string' && 'line' in v && 'column' in v && 'code' in v;
}
