/**
 * Reads cypher/seed.cypher without a database: which nodes and relationships each statement
 * MERGEs, with their literal `sources` and `quotes`. The unit tests use it to check provenance
 * against the article files; run it to print a summary of the seed:
 *
 *   npx tsx scripts/story-seed.ts
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { splitStatements, stripComments } from '../server/cypher/split-statements.js';
import { BEGIN, END, parseCypherString, seedPath } from './generate-seed-articles.js';

export interface SeedElement {
  readonly kind: 'node' | 'relationship';
  /** Node label or relationship type. */
  readonly label: string;
  readonly id: string;
  /** Literal `sources: [...]`; undefined when the statement sets none (e.g. derived ones). */
  readonly sources: string[] | undefined;
  readonly quotes: string[] | undefined;
  /** Line of the statement in seed.cypher. */
  readonly line: number;
  readonly text: string;
}

const nodeMerge = /^MERGE \((\w+):(\w+) \{id: '([^']+)'\}\)/;
const relMerge = /MERGE \(\w+\)-\[\w+:(\w+) \{id: '([^']+)'\}\]->\(\w+\)/;

/** The string literals of the list that follows `key: [` in `text`, or undefined. */
export function literalList(text: string, key: string): string[] | undefined {
  const m = new RegExp(`\\b${key}: \\[`).exec(text);
  if (!m) return undefined;
  const values: string[] = [];
  let i = m.index + m[0].length;
  for (;;) {
    while (i < text.length && /[\s,]/.test(text[i] ?? '')) i++;
    const c = text[i];
    if (c === ']') return values;
    if (c !== "'" && c !== '"') return undefined; // not a literal list (computed)
    const { value, end } = parseCypherString(text, i);
    values.push(value);
    i = end;
  }
}

/** Statements of the seed outside the generated article block. */
export function handWrittenStatements(seed: string = readFileSync(seedPath, 'utf8')) {
  const begin = seed.indexOf(BEGIN);
  const end = seed.indexOf(END);
  const blank = (s: string): string => s.replace(/[^\n]/g, ' ');
  const masked =
    begin >= 0 && end > begin
      ? seed.slice(0, begin) + blank(seed.slice(begin, end)) + seed.slice(end)
      : seed;
  return splitStatements(masked);
}

/** Every node and relationship the hand-written statements MERGE with a literal id. */
export function seedElements(seed?: string): SeedElement[] {
  const out: SeedElement[] = [];
  for (const s of handWrittenStatements(seed)) {
    const code = stripComments(s.text).trim();
    const node = nodeMerge.exec(code);
    const rel = relMerge.exec(code);
    if (rel) {
      out.push({
        kind: 'relationship',
        label: rel[1] ?? '',
        id: rel[2] ?? '',
        sources: literalList(code, 'sources'),
        quotes: literalList(code, 'quotes'),
        line: s.line,
        text: code,
      });
    } else if (node) {
      out.push({
        kind: 'node',
        label: node[2] ?? '',
        id: node[3] ?? '',
        sources: literalList(code, 'sources'),
        quotes: literalList(code, 'quotes'),
        line: s.line,
        text: code,
      });
    }
  }
  return out;
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const elements = seedElements();
  const nodes = elements.filter((e) => e.kind === 'node');
  const rels = elements.filter((e) => e.kind === 'relationship');
  console.log(`${handWrittenStatements().length} hand-written statements`);
  console.log(
    `${nodes.length} node MERGEs`,
    countBy(nodes, (e) => e.label),
  );
  console.log(
    `${rels.length} relationship MERGEs with a literal id`,
    countBy(rels, (e) => e.label),
  );
}
