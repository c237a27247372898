/**
 * The procedures an analyst may call from the console: they read the schema, search full-text
 * indexes or describe the server, and nothing else. Everything else is refused, even procedures
 * Neo4j would run in a READ transaction: db.clearQueryCaches, db.stats.collect and friends change
 * server state, and the server's own procedure allow-list does not cover built-in procedures.
 */
export const ALLOWED_PROCEDURES: readonly string[] = Object.freeze([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.index.fulltext.listAvailableAnalyzers',
  'db.info',
  'db.ping',
  'dbms.components',
]);

const allowed = new Set(ALLOWED_PROCEDURES);

/** True when the console may call the procedure (names are case-sensitive, as in Neo4j). */
export function isAllowedProcedure(name: string): boolean {
  return allowed.has(name);
}
