import type { Database } from '../db/database.js';
import { liveSchema } from './live-schema.js';
import { hopVisible, visibilityOf, where, type Visibility } from './visibility.js';

export interface TypeDegree {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  count: number;
}

/**
 * Relationship counts per type and direction for many nodes at once; only the relationships the
 * default results show (not retracted, other end not retracted) count, like the expansions the
 * counts announce.
 */
export function degreeByTypeStatement(vis: Visibility): string {
  const shown = where(hopVisible(vis, 'r', 'm'));
  return `UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
CALL (n) {
  MATCH (n)-[r]->(m)${shown}
  RETURN type(r) AS type, 'OUTGOING' AS direction, count(*) AS count
  UNION ALL
  MATCH (n)<-[r]-(m)${shown}
  RETURN type(r) AS type, 'INCOMING' AS direction, count(*) AS count
}
WITH id, type, direction, count ORDER BY count DESC, type, direction
RETURN id, collect({type: type, direction: direction, count: count}) AS degrees`;
}

/** One statement for a batch of nodes (a DataLoader's batch function); unknown ids get []. */
export async function readDegreesByType(
  db: Database,
  ids: readonly string[],
): Promise<TypeDegree[][]> {
  const vis = visibilityOf(await liveSchema(db));
  const rows = await db.read(degreeByTypeStatement(vis), { ids: [...new Set(ids)] });
  const byId = new Map<string, TypeDegree[]>();
  for (const row of rows) {
    byId.set(String(row['id']), row['degrees'] as unknown as TypeDegree[]);
  }
  return ids.map((id) => byId.get(id) ?? []);
}
