import type { Database } from '../db/database.js';
import { liveSchema } from './live-schema.js';

/**
 * The one rule for counting a fact's sources (PRODUCT.md: "how many independent sources support
 * each link"). A fact cites documents by id in its `sources` list; two citations are one source
 * when they come from the same origin: the outlet whose reporting the document relays
 * (`citedOutlet`), else its `publisher`, else the document itself (also for an id that names no
 * stored document). So several passages of one article count once, two articles of one publisher
 * count once, and an article that relays the New York Times counts with the New York Times.
 *
 * Path ranking (find-paths.ts, its `minSources` filter and each link's `sources`) and every
 * element's `sourceCount` (the explorer's evidence legend, filter and sizing) read this one
 * expression, so the two can never disagree.
 */
export function originsExpression(v: string, documents: boolean): string {
  const each = `UNWIND coalesce(${v}.sources, []) AS sid`;
  return documents
    ? `COLLECT { ${each} OPTIONAL MATCH (src:Article {id: sid}) RETURN DISTINCT coalesce('outlet:' + toLower(trim(toString(coalesce(src.citedOutlet, src.publisher)))), 'document:' + toString(sid)) }`
    : `COLLECT { ${each} RETURN DISTINCT 'document:' + toString(sid) }`;
}

/**
 * How a statement counts sources: null when the query does not select `sourceCount` (the statement
 * is then exactly what it was without it), else whether cited ids resolve to documents.
 */
export type SourceCounting = { readonly documents: boolean } | null;

/**
 * The counting a statement needs: `wanted` is whether the query selects `sourceCount`. None on a
 * graph without the `sources` key (POLE, generated graphs): the statement stays as it is, and the
 * resolver counts 0 for each element without the property, asking the loader for any that has it
 * (cited since the schema was cached), so the answer is the same and costs nothing there.
 */
export function sourceCounting(
  wanted: boolean,
  schema: { readonly labels: ReadonlySet<string>; readonly propertyKeys: ReadonlySet<string> },
): SourceCounting {
  return wanted && schema.propertyKeys.has('sources')
    ? { documents: schema.labels.has('Article') }
    : null;
}

/**
 * An element's source count inside a statement, by {@link originsExpression}. The CASE keeps it
 * one property read per element on graphs whose facts cite nothing (POLE, generated graphs).
 */
export function sourceCountExpression(v: string, documents: boolean): string {
  return `CASE WHEN ${v}.sources IS NULL THEN 0 ELSE size(${originsExpression(v, documents)}) END`;
}

/** The `, sources: ...` entry of a `{node: n, degree: ...}` row, or '' when not counted. */
export function nodeSourcesEntry(v: string, counting: SourceCounting): string {
  return counting ? `, sources: ${sourceCountExpression(v, counting.documents)}` : '';
}

/** A relationship as a statement collects it: `r`, or `{rel: r, sources: ...}` when counted. */
export function edgeItem(v: string, counting: SourceCounting): string {
  return counting ? `{rel: ${v}, sources: ${sourceCountExpression(v, counting.documents)}}` : v;
}

/** An element whose sources to count: a node or a relationship, by element id. */
export interface ElementKey {
  readonly kind: 'node' | 'edge';
  readonly id: string;
}

/**
 * The independent sources of many nodes and relationships in one statement (a DataLoader's batch
 * function): each id is found by an element-id seek and counted by {@link originsExpression}.
 */
export function sourceCountStatement(documents: boolean): string {
  return `CALL () {
  UNWIND $nodeIds AS id
  MATCH (x) WHERE elementId(x) = id
  RETURN 'node' AS kind, id, size(${originsExpression('x', documents)}) AS sources
  UNION ALL
  UNWIND $edgeIds AS id
  MATCH ()-[x]->() WHERE elementId(x) = id
  RETURN 'edge' AS kind, id, size(${originsExpression('x', documents)}) AS sources
}
RETURN kind, id, sources`;
}

/** The count for each key, in order; an id that names nothing counts 0. */
export async function readSourceCounts(
  db: Database,
  keys: readonly ElementKey[],
): Promise<number[]> {
  // No check that the `sources` key exists: only elements that have it are asked for (elements.ts),
  // and a cited fact written a moment ago may be newer than the cached schema.
  const schema = await liveSchema(db);
  const ids = (kind: ElementKey['kind']): string[] => [
    ...new Set(keys.filter((k) => k.kind === kind).map((k) => k.id)),
  ];
  const rows = await db.read(sourceCountStatement(schema.labels.has('Article')), {
    nodeIds: ids('node'),
    edgeIds: ids('edge'),
  });
  const counts = new Map(
    rows.map((r) => [`${String(r['kind'])}:${String(r['id'])}`, Number(r['sources'])]),
  );
  return keys.map((k) => counts.get(`${k.kind}:${k.id}`) ?? 0);
}
