import type { JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { isBookkeepingKey, isBookkeepingLabel } from '../writes/bookkeeping.js';
import { captionKeyAmong } from './caption.js';
import { quoteName } from './cypher-names.js';
import { LIVE_SCHEMA_TTL_MS, liveSchema } from './live-schema.js';
import { int } from './model.js';

/**
 * How many nodes per label, and relationships per type, are read to learn property types and the
 * meta-graph. Counts come from Neo4j's count store and are exact; property types, `mandatory` and
 * meta-graph counts are exact whenever a label or type has no more than this many members.
 */
export const SCHEMA_SAMPLE_SIZE = 1000;

export interface PropertyInfo {
  key: string;
  types: string[];
  mandatory: boolean;
}

export interface SchemaOverview {
  labels: { name: string; count: number; properties: PropertyInfo[]; captionKey: string | null }[];
  relationshipTypes: { name: string; count: number; properties: PropertyInfo[] }[];
  metaGraph: { source: string; type: string; target: string; count: number; exact: boolean }[];
  propertyKeys: string[];
  fulltextIndexes: { name: string; labels: string[]; properties: string[] }[];
  nodeCount: number;
  relationshipCount: number;
}

/** One UNION ALL subquery that samples the property keys of every label (or type). */
function propertySamples(patterns: string[]): string {
  if (patterns.length === 0) return 'RETURN [] AS samples';
  const parts = patterns.map(
    (pattern, i) =>
      `MATCH ${pattern} WITH x LIMIT $sample UNWIND keys(x) AS key ` +
      `RETURN ${i} AS i, key, collect(DISTINCT valueType(x[key])) AS types, count(*) AS present`,
  );
  return `CALL () {\n    ${parts.join('\n    UNION ALL\n    ')}\n  }\n  RETURN collect({i: i, key: key, types: types, present: present}) AS samples`;
}

/**
 * The one statement: counts from the count store, properties and label pairs from samples.
 * `hiddenLabels` (Dossier's bookkeeping) are counted only to be taken off the node count.
 */
export function schemaOverviewStatement(
  labels: string[],
  types: string[],
  hiddenLabels: string[] = [],
): string {
  const labelCounts = labels.map((l) => `COUNT { (:${quoteName(l)}) }`).join(', ');
  const hiddenCounts = hiddenLabels.map((l) => `COUNT { (:${quoteName(l)}) }`).join(', ');
  const typeCounts = types.map((t) => `COUNT { ()-[:${quoteName(t)}]->() }`).join(', ');
  const pairs =
    types.length === 0
      ? 'RETURN [] AS pairs'
      : `CALL () {\n    ${types
          .map(
            (t, i) =>
              `MATCH (a)-[:${quoteName(t)}]->(b) WITH a, b LIMIT $sample ` +
              `RETURN ${i} AS i, labels(a) AS source, labels(b) AS target, count(*) AS sampled`,
          )
          .join(
            '\n    UNION ALL\n    ',
          )}\n  }\n  RETURN collect({i: i, source: source, target: target, sampled: sampled}) AS pairs`;
  return `CALL () { MATCH (n) RETURN count(n) AS nodeCount }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationshipCount }
CALL () {
  ${propertySamples([...labels, ...hiddenLabels].map((l) => `(x:${quoteName(l)})`)).replace('AS samples', 'AS labelSamples')}
}
CALL () {
  ${propertySamples(types.map((t) => `()-[x:${quoteName(t)}]->()`)).replace('AS samples', 'AS typeSamples')}
}
CALL () {
  ${pairs}
}
RETURN nodeCount, relationshipCount, [${labelCounts}] AS labelCounts, [${typeCounts}] AS typeCounts,
  [${hiddenCounts}] AS hiddenCounts, labelSamples, typeSamples, pairs`;
}

export interface Sample {
  i: number;
  key: string;
  types: string[];
  present: number;
}

/** "STRING NOT NULL" → "STRING", "LIST<STRING NOT NULL> NOT NULL" → "LIST<STRING>". */
function typeName(valueType: string): string {
  return valueType.replaceAll(' NOT NULL', '');
}

function propertiesOf(samples: Sample[], index: number, sampled: number): PropertyInfo[] {
  return samples
    .filter((s) => s.i === index && !isBookkeepingKey(s.key))
    .map((s) => ({
      key: s.key,
      types: [...new Set(s.types.map(typeName))].sort(),
      mandatory: s.present >= sampled,
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const num = (v: JsonValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));

/**
 * The property keys of the user's graph: Neo4j lists every key ever used, Dossier's history
 * records included, so a key seen only on bookkeeping nodes (label samples from index
 * `userLabelCount` on) and never on the user's labels and types is left out, as are dossier* keys.
 */
export function userPropertyKeys(
  keys: Iterable<string>,
  userLabelCount: number,
  labelSamples: readonly Sample[],
  typeSamples: readonly Sample[],
): string[] {
  const user = new Set([
    ...labelSamples.filter((s) => s.i < userLabelCount).map((s) => s.key),
    ...typeSamples.map((s) => s.key),
  ]);
  const bookkeepingOnly = new Set(
    labelSamples.filter((s) => s.i >= userLabelCount && !user.has(s.key)).map((s) => s.key),
  );
  return [...keys].filter((k) => !isBookkeepingKey(k) && !bookkeepingOnly.has(k)).sort();
}

const overviewCache = new WeakMap<Database, { at: number; overview: Promise<SchemaOverview> }>();

/**
 * The schema overview, shared for LIVE_SCHEMA_TTL_MS by every request on the same Database:
 * the first screen of every client asks for it, it is one large statement (a subquery per label
 * and type), and the shape of a graph rarely changes within seconds. Concurrent callers share
 * one read; a failed read is not kept.
 */
export function cachedSchemaOverview(
  db: Database,
  captionKeys: readonly string[],
): Promise<SchemaOverview> {
  const hit = overviewCache.get(db);
  if (hit && Date.now() - hit.at <= LIVE_SCHEMA_TTL_MS) return hit.overview;
  const overview = readSchemaOverview(db, captionKeys);
  overviewCache.set(db, { at: Date.now(), overview });
  overview.catch(() => overviewCache.delete(db));
  return overview;
}

/** Drops the cached overview of db (after a bulk change, or to measure a fresh read). */
export function forgetSchemaOverview(db: Database): void {
  overviewCache.delete(db);
}

/**
 * The graph's shape in one statement: labels and relationship types with exact counts, sampled
 * property keys and types per label and type, the meta-graph, and the full-text indexes.
 */
export async function readSchemaOverview(
  db: Database,
  captionKeys: readonly string[],
): Promise<SchemaOverview> {
  const live = await liveSchema(db);
  // Dossier's own records (history, idempotency keys, saved views) are not part of the user's
  // graph: their labels, and the dossier* keys on the user's elements, are left out.
  const labels = [...live.labels].filter((l) => !isBookkeepingLabel(l)).sort();
  const types = [...live.types].filter((t) => !isBookkeepingLabel(t)).sort();
  const hidden = [...live.labels].filter(isBookkeepingLabel).sort();
  const [row] = await db.read(schemaOverviewStatement(labels, types, hidden), {
    sample: int(SCHEMA_SAMPLE_SIZE),
  });
  if (!row) throw new Error('the schema overview statement returned no row');
  const labelCounts = (row['labelCounts'] as number[]).map(num);
  const typeCounts = (row['typeCounts'] as number[]).map(num);
  const labelSamples = row['labelSamples'] as unknown as Sample[];
  const typeSamples = row['typeSamples'] as unknown as Sample[];
  const pairs = row['pairs'] as unknown as {
    i: number;
    source: string[];
    target: string[];
    sampled: number;
  }[];

  const labelInfos = labels
    .map((name, i) => {
      const count = labelCounts[i] ?? 0;
      const properties = propertiesOf(labelSamples, i, Math.min(count, SCHEMA_SAMPLE_SIZE));
      const captionKey = captionKeyAmong(
        properties.map((p) => p.key),
        captionKeys,
      );
      return { name, count, properties, captionKey: captionKey ?? null };
    })
    .filter((l) => l.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const typeInfos = types
    .map((name, i) => {
      const count = typeCounts[i] ?? 0;
      return {
        name,
        count,
        properties: propertiesOf(typeSamples, i, Math.min(count, SCHEMA_SAMPLE_SIZE)),
      };
    })
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  return {
    labels: labelInfos,
    relationshipTypes: typeInfos,
    metaGraph: metaGraph(types, typeCounts, pairs),
    propertyKeys: userPropertyKeys(live.propertyKeys, labels.length, labelSamples, typeSamples),
    fulltextIndexes: live.fulltextIndexes.map((ix) => ({
      ...ix,
      labels: [...ix.labels],
      properties: [...ix.properties],
    })),
    nodeCount:
      num(row['nodeCount']) -
      ((row['hiddenCounts'] as JsonValue[] | undefined) ?? []).reduce<number>(
        (sum, c) => sum + num(c),
        0,
      ),
    relationshipCount: num(row['relationshipCount']),
  };
}

/**
 * Label-to-label edges per type. A node with several labels counts under each. When a type has
 * more relationships than the sample, each label pair's count is scaled from its share of the
 * sample (and marked inexact).
 */
export function metaGraph(
  types: readonly string[],
  typeCounts: readonly number[],
  pairs: readonly { i: number; source: string[]; target: string[]; sampled: number }[],
): SchemaOverview['metaGraph'] {
  const out = new Map<string, SchemaOverview['metaGraph'][number]>();
  types.forEach((type, i) => {
    const ofType = pairs.filter((p) => p.i === i);
    const sampled = ofType.reduce((sum, p) => sum + num(p.sampled), 0);
    const total = typeCounts[i] ?? 0;
    if (sampled === 0) return;
    const exact = sampled >= total;
    for (const p of ofType) {
      const count = exact ? num(p.sampled) : Math.round((num(p.sampled) * total) / sampled);
      for (const source of p.source) {
        for (const target of p.target) {
          const key = `${source}\u0000${type}\u0000${target}`;
          const prev = out.get(key);
          out.set(key, { source, type, target, count: (prev?.count ?? 0) + count, exact });
        }
      }
    }
  });
  return [...out.values()].sort(
    (a, b) =>
      b.count - a.count ||
      a.source.localeCompare(b.source) ||
      a.type.localeCompare(b.type) ||
      a.target.localeCompare(b.target),
  );
}
