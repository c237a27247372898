import type { JsonNode, JsonRelationship, JsonValue } from '../db/convert.js';
import type { Database } from '../db/database.js';
import { checkRange } from './bounds.js';
import { quoteName } from './cypher-names.js';
import { int } from './model.js';
import {
  STORY_LABEL_EXPRESSION,
  toEntity,
  toRelation,
  type EntityModel,
  type RelationModel,
  type StoryKind,
} from './story-model.js';
import { allOf, notRetracted, where } from './visibility.js';

/*
 * The typed story API hides retracted facts (dossierRetracted) unless asked; the story graph is
 * small, so the test is always in the statement rather than decided from the live schema.
 */
const shown = (v: string, includeRetracted?: boolean | null): string =>
  includeRetracted === true ? '' : notRetracted(v);

const entities = (rows: Record<string, JsonValue>[], key = 'n'): EntityModel[] =>
  rows.flatMap((row) => {
    const e = toEntity(row[key] as unknown as JsonNode);
    return e ? [e] : [];
  });

/** Entities of one kind, by name (events by date, undated last). */
export async function listKind(
  db: Database,
  kind: StoryKind,
  filter: { claimKind?: string | null } = {},
): Promise<EntityModel[]> {
  const order =
    kind === 'Event'
      ? 'n.start IS NULL, n.start, n.name'
      : kind === 'Article' || kind === 'Claim' || kind === 'Disagreement'
        ? 'n.id'
        : 'n.name, n.id';
  const filtered = where(allOf(filter.claimKind ? 'n.kind = $claimKind' : '', shown('n')));
  const rows = await db.read(
    `MATCH (n:${quoteName(kind)})${filtered} RETURN n ORDER BY ${order}`,
    filter.claimKind ? { claimKind: filter.claimKind } : {},
  );
  return entities(rows);
}

/** Entities of some kinds (all when none), by kind then name. */
export async function listEntities(
  db: Database,
  kinds: readonly StoryKind[] | null | undefined,
  first: number,
  includeRetracted: boolean | null = false,
): Promise<EntityModel[]> {
  checkRange('first', first, 1, 1000);
  const labels =
    kinds && kinds.length > 0 ? `:${kinds.map(quoteName).join('|')}` : STORY_LABEL_EXPRESSION;
  const rows = await db.read(
    `MATCH (n${labels})${where(shown('n', includeRetracted))} RETURN n ORDER BY labels(n)[0], n.name, n.id LIMIT $first`,
    { first: int(first) },
  );
  return entities(rows);
}

/** Entities by story id, in the order asked (null where none): a DataLoader batch. */
export async function entitiesById(
  db: Database,
  ids: readonly string[],
): Promise<(EntityModel | null)[]> {
  const rows = await db.read(
    `MATCH (n${STORY_LABEL_EXPRESSION}) WHERE n.id IN $ids AND ${notRetracted('n')} RETURN n`,
    {
      ids: [...new Set(ids)],
    },
  );
  const byId = new Map(entities(rows).map((e) => [String(e.properties['id']), e]));
  return ids.map((id) => byId.get(id) ?? null);
}

/**
 * Every relationship of each node (by element id), with the entity at the other end: a DataLoader
 * batch. Retracted relationships, and those whose other end is retracted, are left out unless
 * `includeRetracted`.
 */
export async function relationsOf(
  db: Database,
  nodeIds: readonly string[],
  includeRetracted: boolean | null = false,
): Promise<RelationModel[][]> {
  const rows = await db.read(
    `UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
CALL (n) {
  MATCH (n)-[r]-(m)${where(allOf(shown('r', includeRetracted), shown('m', includeRetracted)))}
  RETURN collect({rel: r, other: m}) AS rels
}
RETURN id, rels`,
    { ids: [...new Set(nodeIds)] },
  );
  const byId = new Map<string, RelationModel[]>();
  for (const row of rows) {
    const id = String(row['id']);
    const rels = (row['rels'] as unknown as { rel: JsonRelationship; other: JsonNode }[]).flatMap(
      ({ rel, other }) => {
        const relation = toRelation(id, rel, other);
        return relation ? [relation] : [];
      },
    );
    rels.sort((a, b) => a.type.localeCompare(b.type) || a.edgeId.localeCompare(b.edgeId));
    byId.set(id, rels);
  }
  return nodeIds.map((id) => byId.get(id) ?? []);
}

/** The entities each disagreement (by story id) marks as disputed: a DataLoader batch. */
export async function disputedBy(
  db: Database,
  disagreementIds: readonly string[],
): Promise<EntityModel[][]> {
  const rows = await db.read(
    `MATCH (n${STORY_LABEL_EXPRESSION}) WHERE n.disagreement IN $ids AND ${notRetracted('n')} RETURN n.disagreement AS d, n ORDER BY n.id`,
    { ids: [...new Set(disagreementIds)] },
  );
  const byId = new Map<string, EntityModel[]>();
  for (const row of rows) {
    const e = toEntity(row['n'] as unknown as JsonNode);
    if (!e) continue;
    const d = String(row['d']);
    byId.set(d, [...(byId.get(d) ?? []), e]);
  }
  return disagreementIds.map((id) => byId.get(id) ?? []);
}

/** One entity by story id, optionally of one kind. */
export async function findEntity(
  db: Database,
  id: string,
  kind?: StoryKind,
  includeRetracted: boolean | null = false,
): Promise<EntityModel | null> {
  const labels = kind ? `:${quoteName(kind)}` : STORY_LABEL_EXPRESSION;
  const rows = await db.read(
    `MATCH (n${labels}) WHERE n.id = $id${includeRetracted === true ? '' : ` AND ${notRetracted('n')}`} RETURN n LIMIT 1`,
    { id },
  );
  return entities(rows)[0] ?? null;
}
