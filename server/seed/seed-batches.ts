import {
  splitStatements,
  stripComments,
  type ScriptStatement,
} from '../cypher/split-statements.js';
import { NotALiteral, parseLiteral, parseMap, skipSpace } from './cypher-literal.js';

/**
 * cypher/seed.cypher as a few parameterised UNWIND batches. The file stays plain Cypher for
 * cypher-shell, one MERGE per node or relationship; run statement by statement on a cold JVM each
 * of its ~240 statements is planned on its own, which took most of a first start. Its statements
 * follow two shapes (see cypher/README.md), which this reads without a database:
 *
 *   MERGE (n:Label {id: '…'}) SET n += {…}            (or SET n.key = …, n.key = …)
 *   MATCH (a:A {id: '…'}), (b:B {id: '…'}) MERGE (a)-[r:TYPE {id: '…'}]->(b) SET r += {…}
 *
 * Consecutive node statements become one batch per label, the label static so that MERGE finds
 * the node through its uniqueness constraint; into an empty database (a first start) they become
 * ONE batch with dynamic labels instead, whose MERGE scans all nodes (Neo4j 5.26 plans no index
 * for a dynamic label) — nothing while the graph is empty, and one statement to plan instead of
 * nine. Consecutive relationship statements become ONE batch whose rows
 * name their endpoints by the nodes the node batches returned, and their type, which MERGE takes
 * as a dynamic type between two bound nodes (an Expand(Into), no scan). Rows keep file order:
 * MERGEs of different elements commute, and nothing moves before a statement that preceded it.
 * A statement of any other shape, with a value that is not a literal, or whose endpoints no earlier
 * node statement MERGEd (it may mean a node already in the database), runs as written in its place.
 * So the graph is the same as running the file statement by statement
 * (test/integration/story-seed-fast.test.ts checks it).
 */
export type SeedStep =
  | {
      readonly kind: 'nodes';
      /** Returns `key` and `element` (the node's element id) per row. */
      readonly cypher: string;
      readonly rows: NodeRow[];
    }
  | {
      readonly kind: 'relationships';
      /** Expects rows with element ids in `from` and `to`; see relationshipRows. */
      readonly cypher: string;
      readonly rows: RelationshipRow[];
    }
  | { readonly kind: 'statement'; readonly cypher: string; readonly line: number };

export interface NodeRow {
  /** See nodeKey. */
  readonly key: string;
  readonly label: string;
  readonly id: unknown;
  readonly props: Record<string, unknown>;
}

export interface RelationshipRow {
  /** Node keys (see nodeKey) of the endpoints. */
  readonly from: string;
  readonly to: string;
  readonly type: string;
  readonly id: unknown;
  readonly props: Record<string, unknown>;
}

type Parsed =
  | { kind: 'node'; label: string; id: unknown; props: Record<string, unknown> }
  | { kind: 'relationship'; row: RelationshipRow };

/** Identifies a node by label and id across statements. */
export function nodeKey(label: string, id: unknown): string {
  return JSON.stringify([label, id]);
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const node = new RegExp(`^MERGE\\s*\\((${NAME}):(${NAME})\\s*\\{\\s*id:\\s*`);
const rel = new RegExp(
  `^MATCH\\s*\\((${NAME}):(${NAME})\\s*\\{\\s*id:\\s*(.+?)\\}\\s*\\)\\s*,\\s*\\((${NAME}):(${NAME})\\s*\\{\\s*id:\\s*(.+?)\\}\\s*\\)\\s*` +
    `MERGE\\s*\\((${NAME})\\)-\\[(${NAME}):(${NAME})\\s*\\{\\s*id:\\s*`,
  's',
);

/** The literal at `at`, which must end with `closing` (after optional white space). */
function literalThen(text: string, at: number, closing: string): { value: unknown; end: number } {
  const lit = parseLiteral(text, at);
  const end = skipSpace(text, lit.end);
  if (!text.startsWith(closing, end)) throw new NotALiteral(`expected ${closing} at ${end}`);
  return { value: lit.value, end: end + closing.length };
}

/** The value of `text` when all of it (but white space) is one literal. */
function wholeLiteral(text: string): unknown {
  const lit = parseLiteral(text, skipSpace(text, 0));
  if (skipSpace(text, lit.end) !== text.length) throw new NotALiteral('more after the id');
  return lit.value;
}

/** `SET v += {…}` or `SET v.key = literal, v.key = literal` to the end of the statement. */
function setClause(text: string, at: number, variable: string): Record<string, unknown> {
  let i = skipSpace(text, at);
  if (i === text.length) return {};
  const set = new RegExp(`^SET\\s+${variable}\\s*`).exec(text.slice(i));
  if (!set) throw new NotALiteral('not a SET');
  i += set[0].length;
  if (text.startsWith('+=', i)) {
    const map = parseMap(text, skipSpace(text, i + 2));
    if (skipSpace(text, map.end) !== text.length) throw new NotALiteral('more after the map');
    return map.value;
  }
  const props: Record<string, unknown> = {};
  for (;;) {
    const key = new RegExp(`^\\.(${NAME})\\s*=\\s*`).exec(text.slice(i));
    if (!key?.[1]) throw new NotALiteral('not a property assignment');
    const lit = parseLiteral(text, i + key[0].length);
    props[key[1]] = lit.value;
    i = skipSpace(text, lit.end);
    if (i === text.length) return props;
    const next = new RegExp(`^,\\s*${variable}`).exec(text.slice(i));
    if (!next) throw new NotALiteral('more after the assignments');
    i += next[0].length;
  }
}

/** The batch row for one statement, or undefined when it must run as written. */
export function parseStatement(statement: string): Parsed | undefined {
  const text = stripComments(statement).trim();
  try {
    const n = node.exec(text);
    if (n?.[1] && n[2]) {
      const id = literalThen(text, n[0].length, '})');
      const props = setClause(text, id.end, n[1]);
      return { kind: 'node', label: n[2], id: id.value, props };
    }
    const r = rel.exec(text);
    if (r?.[2] && r[3] && r[5] && r[6] && r[8] && r[9]) {
      // MERGE (a)-[r:T]->(b) must use the two MATCHed variables, in either order.
      const [a, b] =
        r[7] === r[1] ? ([r[3], r[6]] as const) : r[7] === r[4] ? ([r[6], r[3]] as const) : [];
      const [startLabel, endLabel] =
        r[7] === r[1] ? [r[2], r[5]] : r[7] === r[4] ? [r[5], r[2]] : [];
      if (a === undefined || b === undefined || !startLabel || !endLabel) return undefined;
      const other = r[7] === r[1] ? r[4] : r[1];
      const id = literalThen(text, r[0].length, '}]->(');
      const tail = new RegExp(`^\\s*${other}\\s*\\)`).exec(text.slice(id.end));
      if (!tail) return undefined;
      const props = setClause(text, id.end + tail[0].length, r[8]);
      return {
        kind: 'relationship',
        row: {
          from: nodeKey(startLabel, wholeLiteral(a)),
          to: nodeKey(endLabel, wholeLiteral(b)),
          type: r[9],
          id: id.value,
          props,
        },
      };
    }
  } catch (err) {
    if (err instanceof NotALiteral) return undefined;
    throw err;
  }
  return undefined;
}

const nodesCypher = (label: string | undefined): string => `UNWIND $rows AS row
MERGE (n:${label ?? '$(row.label)'} {id: row.id})
SET n += row.props
RETURN row.key AS key, elementId(n) AS element`;

/** Relationship rows get their endpoints' element ids in `from` and `to`. */
export const RELATIONSHIPS_CYPHER = `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.props`;

export interface SeedStepOptions {
  /**
   * Into an empty database only: one node batch with dynamic labels instead of one per label, and
   * the derived CLAIMED_BY statement as rows of the relationship batch (see claimedByRows).
   */
  readonly dynamicLabels?: boolean;
}

/**
 * cypher/seed.cypher's one derived statement, white space collapsed. Planned on its own on a cold
 * JVM it cost 0.6–0.8 s of CPU in a first start (a cartesian product, two list comprehensions);
 * recognised by this exact text, its relationships are computed here and join the relationship
 * batch. Any other text, even one meaning the same, runs as written.
 */
const CLAIMED_BY = `MATCH (c:Claim), (a:Article)
WHERE a.id IN c.sources
MERGE (c)-[r:CLAIMED_BY {id: c.id + '-claimed-by-' + a.id}]->(a)
SET r += {
  sources: [i IN range(0, size(c.sources) - 1) WHERE c.sources[i] = a.id | c.sources[i]],
  quotes: [i IN range(0, size(c.sources) - 1) WHERE c.sources[i] = a.id | c.quotes[i]]
}`;
const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
const CLAIMED_BY_TEXT = collapse(CLAIMED_BY);

type Props = Record<string, unknown>;

/** A node's properties after `SET n += map` (a null value removes the key, as in Cypher). */
function setAll(props: Props, added: Props): Props {
  const out = { ...props };
  for (const [key, value] of Object.entries(added)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The rows CLAIMED_BY would MERGE, from the nodes the file MERGEd (`nodes`: key → label, id and
 * final properties), when they are all the database holds (an empty database, nothing run as
 * written before). Undefined when a value is not one this computes exactly as Cypher would
 * (non-string ids, sources or quotes that are not string lists, a quote missing): it then runs as
 * written.
 */
function claimedByRows(
  nodes: ReadonlyMap<string, { label: string; id: unknown; props: Props }>,
): RelationshipRow[] | undefined {
  const all = [...nodes.entries()];
  const articles = all.filter(([, n]) => n.label === 'Article');
  const rows: RelationshipRow[] = [];
  for (const [claimKey, c] of all.filter(([, n]) => n.label === 'Claim')) {
    const sources = c.props['sources'];
    if (sources === undefined) continue; // a.id IN null: no match
    const quotes = c.props['quotes'];
    if (!isStringList(sources) || !isStringList(quotes) || quotes.length < sources.length)
      return undefined;
    for (const [articleKey, a] of articles) {
      if (a.id === null || !sources.includes(a.id as string)) continue;
      if (typeof a.id !== 'string' || typeof c.id !== 'string') return undefined;
      const at = sources.flatMap((s, i) => (s === a.id ? [i] : []));
      rows.push({
        from: claimKey,
        to: articleKey,
        type: 'CLAIMED_BY',
        id: `${c.id}-claimed-by-${a.id}`,
        props: { sources: at.map((i) => sources[i]), quotes: at.map((i) => quotes[i]) },
      });
    }
  }
  return rows;
}

/**
 * The steps that load `seed` (cypher/seed.cypher's text, or its statements when the caller has
 * split it already: splitting the 100 kB file costs tens of milliseconds), in order.
 */
export function seedSteps(
  seed: string | readonly ScriptStatement[],
  options: SeedStepOptions = {},
): SeedStep[] {
  const steps: SeedStep[] = [];
  const merged = new Set<string>();
  // Every node MERGEd so far with its properties, while nothing has run as written.
  let known: Map<string, { label: string; id: unknown; props: Props }> | undefined = new Map();
  let nodes = new Map<string, NodeRow[]>();
  let rels: Extract<SeedStep, { kind: 'relationships' }> | undefined;
  const flush = (): void => {
    if (options.dynamicLabels && nodes.size > 0) {
      const rows = [...nodes.values()].flat();
      steps.push({ kind: 'nodes', cypher: nodesCypher(undefined), rows });
    } else {
      for (const [label, rows] of nodes)
        steps.push({ kind: 'nodes', cypher: nodesCypher(label), rows });
    }
    nodes = new Map();
    if (rels) steps.push(rels);
    rels = undefined;
  };
  let derived: RelationshipRow[] | undefined;
  for (const s of typeof seed === 'string' ? splitStatements(seed) : seed) {
    const parsed = parseStatement(s.text);
    if (parsed?.kind === 'node') {
      if (rels) flush();
      let rows = nodes.get(parsed.label);
      if (!rows) {
        rows = [];
        nodes.set(parsed.label, rows);
      }
      const key = nodeKey(parsed.label, parsed.id);
      rows.push({ key, label: parsed.label, id: parsed.id, props: parsed.props });
      merged.add(key);
      const before = known?.get(key);
      known?.set(key, {
        label: parsed.label,
        id: parsed.id,
        props: setAll(before?.props ?? {}, parsed.props),
      });
    } else if (
      parsed?.kind === 'relationship' &&
      merged.has(parsed.row.from) &&
      merged.has(parsed.row.to)
    ) {
      if (nodes.size > 0) flush();
      rels ??= { kind: 'relationships', cypher: RELATIONSHIPS_CYPHER, rows: [] };
      rels.rows.push(parsed.row);
    } else if (
      options.dynamicLabels &&
      known &&
      collapse(stripComments(s.text)) === CLAIMED_BY_TEXT &&
      (derived = claimedByRows(known))
    ) {
      if (nodes.size > 0) flush();
      rels ??= { kind: 'relationships', cypher: RELATIONSHIPS_CYPHER, rows: [] };
      rels.rows.push(...derived);
    } else {
      // It may change any node: what this knows of their properties no longer holds.
      known = undefined;
      flush();
      steps.push({ kind: 'statement', cypher: s.text, line: s.line });
    }
  }
  flush();
  return steps;
}
