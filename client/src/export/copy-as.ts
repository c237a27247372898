/**
 * "Copy as GraphQL" and "copy as Cypher": the query that reproduces what is on screen, for
 * scripts and notebooks (GraphQL) or Neo4j Browser and cypher-shell (Cypher).
 */

/** A GraphQL document that fetches exactly these nodes and the relationships among them. */
export function asGraphQL(nodeIds: readonly string[]): string {
  return [
    '# The nodes on screen and every relationship among them (Dossier GraphQL API).',
    'query DossierView($ids: [ID!]!) {',
    '  subgraph(ids: $ids) {',
    '    nodes { id labels caption properties degree }',
    '    edges { id type source target properties }',
    '    missing',
    '  }',
    '}',
    '',
    `# variables: ${JSON.stringify({ ids: nodeIds })}`,
    '',
  ].join('\n');
}

/** A GraphQL request body (query + variables) as JSON, ready for curl or fetch. */
export function asGraphQLRequest(nodeIds: readonly string[]): string {
  return JSON.stringify({
    query: asGraphQL(nodeIds).split('\n# variables')[0],
    variables: { ids: nodeIds },
  });
}

/**
 * A Cypher statement returning these nodes and the relationships among them, the ids inlined as
 * a literal list so it runs as is (element ids are quoted with Cypher string escaping).
 */
export function asCypher(
  nodeIds: readonly string[],
  hiddenEdgeTypes: readonly string[] = [],
): string {
  const ids = nodeIds.map(cypherString).join(', ');
  const typeFilter = hiddenEdgeTypes.length
    ? ` AND NOT type(r) IN [${hiddenEdgeTypes.map(cypherString).join(', ')}]`
    : '';
  return [
    '// The nodes on screen and every relationship among them.',
    `WITH [${ids}] AS ids`,
    'MATCH (n) WHERE elementId(n) IN ids',
    'OPTIONAL MATCH (n)-[r]->(m) WHERE elementId(m) IN ids' + typeFilter,
    'RETURN n, r, m',
    '',
  ].join('\n');
}

/** A Cypher string literal: single quotes, with backslashes and quotes escaped. */
export function cypherString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
