import type { JsonNode, JsonRelationship, JsonValue } from '../db/convert.js';
import type { Database, Tx } from '../db/database.js';
import { userError } from '../db/errors.js';
import { BOOKKEEPING_KEYS, isBookkeepingLabel } from '../writes/bookkeeping.js';
import { findQuote } from '../writes/quote-match.js';
import { nodeCaption } from './caption.js';
import { luceneField } from './search-text.js';
import { liveSchema, type FulltextIndex } from './live-schema.js';
import { chunks, findMentions, indexWords, type NamedNode } from './mention-spans.js';
import { int, type NodeModel } from './model.js';
import { nameAlternatives } from './cypher-names.js';
import { allOf, andAlso, visibilityOf, type Visibility } from './visibility.js';

/** A passage of the source that a fact cites, with the fact. */
export interface CitedPassage {
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly elementId: string;
  readonly kind: 'NODE' | 'RELATIONSHIP';
  readonly caption: string;
  /** A relationship's ends (element ids); null for a node. */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly name: string;
  readonly node: NodeModel;
}

export interface SourceMentions {
  readonly sourceId: string;
  readonly nodeId: string;
  readonly method: 'FULLTEXT_INDEX' | 'LABEL_SCAN';
  readonly cited: CitedPassage[];
  readonly mentions: Mention[];
}

/** Words per full-text query: with up to three name fields, under Lucene's 1,024 clauses. */
const WORDS_PER_QUERY = 300;
/** Candidates each full-text query may return before the names are checked against the text. */
const CANDIDATES_PER_QUERY = 500;
/** Most nodes a reader underlines, and most facts it lists as citing the source. */
const MAX_NODES = 2_000;
const MAX_CITING = 2_000;
/** The property that holds other names of an entity, when it has any. */
const ALIASES = 'aliases';

const { quoteStarts: STARTS, quoteEnds: ENDS } = BOOKKEEPING_KEYS;

/** Each element that cites the source, with its citation lists: nodes then relationships. */
function citedStatement(vis: Visibility): string {
  const cites = (v: string): string =>
    `CASE WHEN ${v}.sources IS :: LIST<ANY> THEN $id IN ${v}.sources ELSE false END`;
  return `MATCH (a:Article {id: $id})
CALL (a) {
  MATCH (n) WHERE n <> a AND ${allOf(cites('n'), vis.node('n'))}
  RETURN collect(n)[..$max] AS nodes
}
CALL () {
  MATCH (f)-[r]->(t) WHERE ${allOf(cites('r'), vis.rel('r'), vis.node('f'), vis.node('t'))}
  RETURN collect({rel: r, from: f, to: t})[..$max] AS rels
}
RETURN elementId(a) AS nodeId, a.text AS text, nodes, rels`;
}

/**
 * The nodes whose caption or alias occurs in the text (case aside): candidates from the full-text
 * index, asked about the text's words in the caption fields it covers, plus every node of the
 * labels no index covers; the statement keeps those whose names the text contains.
 */
function mentionStatement(
  vis: Visibility,
  indexed: boolean,
  uncovered: readonly string[],
  aliasScan: boolean,
): string {
  const parts: string[] = [];
  if (indexed) {
    parts.push(`UNWIND $queries AS q
  CALL db.index.fulltext.queryNodes($index, q, {limit: $perQuery}) YIELD node
  RETURN node`);
  }
  if (uncovered.length > 0) parts.push(`MATCH (node${nameAlternatives(uncovered)}) RETURN node`);
  // An alias need share no word with the caption the index is asked about.
  if (aliasScan) parts.push(`MATCH (node) WHERE node.${ALIASES} IS NOT NULL RETURN node`);
  const candidates = parts.length > 0 ? parts.join('\n  UNION\n  ') : 'RETURN null AS node';
  return `MATCH (a:Article {id: $id})
WITH a, toLower(a.text) AS text
CALL () {
  ${candidates}
}
WITH DISTINCT a, text, node
WHERE node IS NOT NULL AND node <> a${andAlso(vis.node('node'))}
WITH node, text,
  head([k IN $captionKeys WHERE node[k] IS :: STRING AND trim(node[k]) <> '' | node[k]]) AS caption,
  node.${ALIASES} AS aliases
WITH node, text, CASE WHEN caption IS NULL THEN [] ELSE [caption] END +
  CASE WHEN aliases IS NULL THEN [] WHEN aliases IS :: LIST<STRING> THEN aliases
    WHEN aliases IS :: STRING THEN [aliases] ELSE [] END AS names
WHERE any(x IN names WHERE size(trim(x)) >= 2 AND text CONTAINS toLower(trim(x)))
RETURN node, names
LIMIT $maxNodes`;
}

/** The index whose caption fields can be asked: the one covering the most user labels. */
function captionIndex(
  indexes: readonly FulltextIndex[],
  captionKeys: readonly string[],
): { index: FulltextIndex; fields: string[] } | null {
  const usable = indexes
    .map((index) => ({
      index,
      fields: index.properties.filter((p) => captionKeys.includes(p) || p === ALIASES),
    }))
    .filter((x) => x.fields.length > 0)
    .sort((a, b) => b.index.labels.length - a.index.labels.length);
  return usable[0] ?? null;
}

/** The source's citations as passages: stored offsets when a write kept them, else located. */
function passagesOf(
  sourceId: string,
  text: string,
  props: Record<string, JsonValue>,
): { start: number; end: number; quote: string }[] {
  const sources = Array.isArray(props['sources']) ? props['sources'] : [];
  const quotes = Array.isArray(props['quotes']) ? props['quotes'] : [];
  const starts = Array.isArray(props[STARTS]) ? props[STARTS] : [];
  const ends = Array.isArray(props[ENDS]) ? props[ENDS] : [];
  const out: { start: number; end: number; quote: string }[] = [];
  sources.forEach((s, i) => {
    const quote = quotes[i];
    if (s !== sourceId || typeof quote !== 'string') return;
    const start = starts[i];
    const end = ends[i];
    if (typeof start === 'number' && typeof end === 'number' && start >= 0 && end > start) {
      out.push({ start, end, quote });
      return;
    }
    const found = findQuote(text, quote);
    if (found) out.push({ start: found.start, end: found.end, quote });
  });
  return out;
}

/**
 * What a source says about the graph, from one read transaction of two statements: the passages
 * facts cite (each with its fact), and the mentions of nodes already in the graph by caption or
 * alias. Refuses an unknown source with NOT_FOUND.
 */
export async function findSourceMentions(
  db: Database,
  sourceId: string,
  captionKeys: readonly string[],
): Promise<SourceMentions> {
  const live = await liveSchema(db);
  const vis = visibilityOf(live);
  const chosen = captionIndex(live.fulltextIndexes, captionKeys);
  const userLabels = [...live.labels].filter((l) => !isBookkeepingLabel(l));
  const uncovered = userLabels.filter((l) => !chosen?.index.labels.includes(l)).sort();
  return db.readTransaction(async (tx: Tx) => {
    const [row] = await tx.run(citedStatement(vis), { id: sourceId, max: int(MAX_CITING) });
    if (!row || typeof row['text'] !== 'string') {
      throw userError(
        'NOT_FOUND',
        `There is no source with id ${JSON.stringify(sourceId)} (an Article node with a text). Add it with addSource, or open a source from a fact's citations.`,
        { sourceId },
      );
    }
    const text = row['text'];
    const words = indexWords(text);
    const queries = chosen
      ? chunks(words, WORDS_PER_QUERY).map((ws) =>
          chosen.fields.map((f) => `${luceneField(f)}:(${ws.join(' ')})`).join(' OR '),
        )
      : [];
    const aliasScan =
      live.propertyKeys.has(ALIASES) && !chosen?.fields.includes(ALIASES) && uncovered.length === 0;
    const rows = await tx.run(mentionStatement(vis, queries.length > 0, uncovered, aliasScan), {
      id: sourceId,
      queries,
      index: chosen?.index.name ?? '',
      perQuery: int(CANDIDATES_PER_QUERY),
      captionKeys,
      maxNodes: int(MAX_NODES),
    });
    const nodes = new Map<string, NodeModel>();
    const named: NamedNode[] = [];
    for (const r of rows) {
      const node = r['node'] as unknown as JsonNode;
      nodes.set(node.id, { ...node, degree: null });
      named.push({ nodeId: node.id, names: (r['names'] as string[]) ?? [] });
    }
    const mentions = findMentions(text, named).map((m) => ({
      start: m.start,
      end: m.end,
      name: m.name,
      text: text.slice(m.start, m.end),
      node: nodes.get(m.nodeId) as NodeModel,
    }));
    return {
      sourceId,
      nodeId: String(row['nodeId']),
      method: chosen ? 'FULLTEXT_INDEX' : 'LABEL_SCAN',
      cited: citedPassages(sourceId, text, row, captionKeys),
      mentions,
    };
  });
}

function citedPassages(
  sourceId: string,
  text: string,
  row: Record<string, JsonValue>,
  captionKeys: readonly string[],
): CitedPassage[] {
  const out: CitedPassage[] = [];
  for (const n of (row['nodes'] ?? []) as unknown as JsonNode[]) {
    const caption = nodeCaption(n, captionKeys);
    for (const p of passagesOf(sourceId, text, n.properties)) {
      out.push({ ...p, elementId: n.id, kind: 'NODE', caption, from: null, to: null });
    }
  }
  type RelRow = { rel: JsonRelationship; from: JsonNode; to: JsonNode };
  for (const { rel, from, to } of (row['rels'] ?? []) as unknown as RelRow[]) {
    const caption = `${nodeCaption(from, captionKeys)} –${rel.type}→ ${nodeCaption(to, captionKeys)}`;
    for (const p of passagesOf(sourceId, text, rel.properties)) {
      out.push({
        ...p,
        elementId: rel.id,
        kind: 'RELATIONSHIP',
        caption,
        from: from.id,
        to: to.id,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
