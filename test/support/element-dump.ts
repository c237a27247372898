import type { JsonValue } from '../../server/db/convert.js';
import type { Database } from '../../server/db/database.js';

/*
 * A full dump of some nodes and every relationship at them, for "identical before and after"
 * tests (retract → restore, merge → unmerge). dossierUid and dossierVersion are left out of the
 * comparison: an element gets a uid on its first change and its version goes up with each, by
 * design.
 */

const CHANGING_KEYS = new Set(['dossierUid', 'dossierVersion']);

export interface Dumped {
  id: string;
  labels: string[];
  props: Record<string, JsonValue>;
  rels: {
    id: string;
    type: string;
    start: string;
    end: string;
    props: Record<string, JsonValue>;
  }[];
}

const DUMP = `
UNWIND $ids AS id
MATCH (n) WHERE elementId(n) = id
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props,
  [(n)-[r]-() | {id: elementId(r), type: type(r), start: elementId(startNode(r)),
    end: elementId(endNode(r)), props: properties(r)}] AS rels
ORDER BY id`;

function stable(props: JsonValue | undefined): Record<string, JsonValue> {
  const p = (props ?? {}) as Record<string, JsonValue>;
  return Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => !CHANGING_KEYS.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Every listed node with its labels, properties and relationships, straight from Neo4j. */
export async function dumpElements(db: Database, ids: string[]): Promise<Dumped[]> {
  const rows = await db.read(DUMP, { ids });
  return rows.map((r) => ({
    id: String(r['id']),
    labels: (r['labels'] as string[]).slice().sort(),
    props: stable(r['props']),
    rels: (r['rels'] as unknown as Dumped['rels'])
      .map((x) => ({ ...x, props: stable(x.props) }))
      .sort((a, b) => a.id.localeCompare(b.id) || a.start.localeCompare(b.start)),
  }));
}
