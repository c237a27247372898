import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import { checkRange } from './bounds.js';
import { nameAlternatives } from './cypher-names.js';
import { checkNames, liveSchema, type FulltextIndex } from './live-schema.js';
import { isBookkeepingKey, isBookkeepingLabel } from '../writes/bookkeeping.js';
import { degreeExpression, int, toNodeModel, type NodeModel } from './model.js';
import { findSnippet, luceneQuery, searchWords, type Snippet } from './search-text.js';
import { nodeSourcesEntry, sourceCounting, type SourceCounting } from './source-count.js';
import { allOf, SHOW_EVERYTHING, visibilityOf, type Visibility } from './visibility.js';

export interface SearchRequest {
  readonly text: string;
  readonly labels?: readonly string[] | null;
  readonly first: number;
  readonly withDegree: boolean;
  /** Count each hit's sources (only when the query asks for sourceCount). */
  readonly withSources?: boolean;
  /** Property keys tried first for the snippet (the caption keys). */
  readonly captionKeys: readonly string[];
  /** Find retracted nodes too (hidden by default). */
  readonly includeRetracted?: boolean | null;
}

export interface SearchHit {
  node: NodeModel;
  score: number;
  snippet: Snippet | null;
}

export interface SearchResult {
  hits: SearchHit[];
  method: 'FULLTEXT_INDEX' | 'PROPERTY_SCAN';
  index: string | null;
}

/**
 * The full-text index to use: one that covers every label asked for (every label in the database
 * when none is asked for). Among several, the one covering the fewest other labels, then by name.
 */
export function chooseIndex(
  indexes: readonly FulltextIndex[],
  wanted: readonly string[],
): FulltextIndex | undefined {
  return indexes
    .filter((ix) => wanted.every((l) => ix.labels.includes(l)))
    .sort((a, b) => a.labels.length - b.labels.length || a.name.localeCompare(b.name))[0];
}

/** Ranked full-text query. Lucene's own limit applies when no filter (labels, hidden nodes) follows it. */
export function fulltextStatement(
  labelFilter: readonly string[],
  withDegree: boolean,
  vis: Visibility = SHOW_EVERYTHING,
  sources: SourceCounting = null,
): string {
  const filter = allOf(
    labelFilter.length > 0 ? `node${nameAlternatives(labelFilter)}` : '',
    vis.node('node'),
  );
  const filtered = filter !== '';
  return `CALL db.index.fulltext.queryNodes($index, $query${filtered ? '' : ', {limit: $first}'}) YIELD node, score
${filtered ? `WHERE ${filter}\n` : ''}RETURN {node: node, degree: ${degreeExpression('node', withDegree, vis)}${nodeSourcesEntry('node', sources)}} AS hit, score
LIMIT $first`;
}

/**
 * The fallback when no full-text index applies: a case-insensitive scan of every property of the
 * nodes (of the labels asked for). Every word must occur; the whole text ranks a node higher the
 * more exactly it matches one value: equal 1.0, prefix 0.8, word prefix 0.6; all words at word
 * starts 0.4, anywhere 0.2.
 */
export function scanStatement(
  labels: readonly string[],
  withDegree: boolean,
  vis: Visibility = SHOW_EVERYTHING,
  sources: SourceCounting = null,
): string {
  const visible = vis.node('n');
  return `MATCH (n${nameAlternatives(labels)})${visible === '' ? '' : ` WHERE ${visible}`}
WITH n, [k IN keys(n) WHERE NOT toLower(k) STARTS WITH 'dossier' | toLower(toStringOrNull(n[k]))] AS values
WITH n, values, reduce(s = '', v IN values | s + ' ' + coalesce(v, '')) + ' ' AS joined
WHERE all(w IN $words WHERE joined CONTAINS w)
WITH n, CASE
    WHEN any(v IN values WHERE v = $needle) THEN 1.0
    WHEN any(v IN values WHERE v STARTS WITH $needle) THEN 0.8
    WHEN joined CONTAINS (' ' + $needle) THEN 0.6
    WHEN all(w IN $words WHERE joined CONTAINS (' ' + w)) THEN 0.4
    ELSE 0.2
  END AS score
ORDER BY score DESC, elementId(n)
LIMIT $first
RETURN {node: n, degree: ${degreeExpression('n', withDegree, vis)}${nodeSourcesEntry('n', sources)}} AS hit, score`;
}

/** Caption keys first, then the rest: the order in which properties are tried for the snippet. */
function snippetKeys(captionKeys: readonly string[], others: Iterable<string>): string[] {
  const rest = [...others].filter((k) => !captionKeys.includes(k) && !isBookkeepingKey(k));
  return [...captionKeys, ...rest];
}

/**
 * Search in one statement: through a full-text index when one covers the labels, else by scanning
 * properties. Each hit carries the snippet that shows why it matched.
 */
export async function search(db: Database, request: SearchRequest): Promise<SearchResult> {
  const first = checkRange('first', request.first, 1, 100);
  const words = searchWords(request.text);
  if (words.length === 0) {
    throw userError(
      'BAD_USER_INPUT',
      '`text` must contain at least one letter or digit to search for.',
    );
  }
  const labels = await checkNames(db, 'label', request.labels);
  const live = await liveSchema(db);
  const vis = visibilityOf(live, {
    includeRetracted: request.includeRetracted,
    requestedLabels: labels,
  });
  // Dossier's bookkeeping labels are never searched unless asked for, so they do not stop an
  // index that covers every label of the user's graph from serving the search.
  const counting = sourceCounting(request.withSources === true, live);
  const userLabels = [...live.labels].filter((l) => !isBookkeepingLabel(l));
  const index = chooseIndex(live.fulltextIndexes, labels.length > 0 ? labels : userLabels);

  let rows;
  if (index) {
    const filter = labels.length > 0 && index.labels.some((l) => !labels.includes(l)) ? labels : [];
    // Only labels the index covers can come out of it: a bookkeeping label it does not cover
    // needs no test, and without one Lucene's own limit still applies.
    const indexed = visibilityOf(
      { labels: new Set(index.labels), propertyKeys: live.propertyKeys },
      { includeRetracted: request.includeRetracted, requestedLabels: labels },
    );
    rows = await db.read(fulltextStatement(filter, request.withDegree, indexed, counting), {
      index: index.name,
      query: luceneQuery(
        words,
        request.captionKeys.filter((k) => index.properties.includes(k)),
      ),
      first: int(first),
    });
  } else {
    rows = await db.read(scanStatement(labels, request.withDegree, vis, counting), {
      words,
      needle: request.text.trim().toLowerCase(),
      first: int(first),
    });
  }
  const hits = rows.map((row) => {
    const node = toNodeModel(row['hit']);
    const keys = index
      ? snippetKeys(
          request.captionKeys.filter((k) => index.properties.includes(k)),
          index.properties,
        )
      : snippetKeys(request.captionKeys, Object.keys(node.properties));
    return {
      node,
      score: Number(row['score'] as JsonValue),
      snippet: findSnippet(node.properties, keys, words),
    };
  });
  return {
    hits,
    method: index ? 'FULLTEXT_INDEX' : 'PROPERTY_SCAN',
    index: index?.name ?? null,
  };
}
