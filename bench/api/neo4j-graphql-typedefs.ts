import type { Database } from '../../server/db/database.js';

/**
 * Type definitions for @neo4j/graphql, read from the live graph the way a developer would write
 * them for it: one `@node` type per label with its properties, and for every (label)-[TYPE]->(label)
 * seen in the data an outgoing field on the start type and an incoming field on the end type, with
 * the relationship's properties. A full-text index on `name` becomes a `@fulltext` query per type.
 */
export interface RelationshipField {
  readonly type: string;
  readonly direction: 'OUT' | 'IN';
  /** The label of the node at the other end. */
  readonly other: string;
  /** The field's name on the type (e.g. outKNOWSPerson). */
  readonly field: string;
}

export interface Neo4jGraphQLModel {
  readonly typeDefs: string;
  /** Relationship fields per label. */
  readonly fields: ReadonlyMap<string, readonly RelationshipField[]>;
  /** Scalar property names per label (what a query selects for "all properties"). */
  readonly properties: ReadonlyMap<string, readonly string[]>;
  /** Relationship property names per type. */
  readonly relationshipProperties: ReadonlyMap<string, readonly string[]>;
  /** label → the query field a `@fulltext` index on name generates, when there is one. */
  readonly fulltextQueries: ReadonlyMap<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function graphqlType(neo4jTypes: readonly string[]): string | undefined {
  const t = neo4jTypes[0];
  switch (t) {
    case 'String':
      return 'String';
    case 'Long':
    case 'Integer':
      return 'BigInt';
    case 'Double':
    case 'Float':
      return 'Float';
    case 'Boolean':
      return 'Boolean';
    case 'Date':
      return 'Date';
    case 'DateTime':
      return 'DateTime';
    case 'LocalDateTime':
      return 'LocalDateTime';
    case 'StringArray':
      return '[String!]';
    case 'DoubleArray':
      return '[Float!]';
    case 'LongArray':
      return '[BigInt!]';
    default:
      return undefined;
  }
}

/** keepLabels: the labels that get a type (all when omitted); others are left out entirely. */
export async function buildNeo4jGraphQLModel(
  db: Database,
  fulltextIndex: string | undefined,
  keepLabels?: ReadonlySet<string>,
): Promise<Neo4jGraphQLModel> {
  const keep = (label: string): boolean => NAME.test(label) && (keepLabels?.has(label) ?? true);
  const nodeProps = await db.read(
    'CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes RETURN nodeLabels, propertyName, propertyTypes',
  );
  const relProps = await db.read(
    'CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes RETURN relType, propertyName, propertyTypes',
  );
  // Every (start label, type, end label) in the data: one pass over the relationships.
  const triples = await db.read(
    'MATCH (x)-[r]->(y) UNWIND labels(x) AS a UNWIND labels(y) AS b RETURN DISTINCT a, type(r) AS t, b ORDER BY a, t, b',
    {},
    { timeoutMs: 300_000 },
  );

  const properties = new Map<string, Map<string, string>>();
  for (const row of nodeProps) {
    const labels = row['nodeLabels'] as string[];
    const name = String(row['propertyName'] ?? '');
    const type = graphqlType((row['propertyTypes'] as string[] | null) ?? []);
    if (!type || !NAME.test(name)) continue;
    for (const label of labels) {
      if (!keep(label)) continue;
      const props = properties.get(label) ?? new Map<string, string>();
      props.set(name, type);
      properties.set(label, props);
    }
  }
  const relationshipProps = new Map<string, Map<string, string>>();
  for (const row of relProps) {
    const t = String(row['relType'] ?? '').replace(/^:`|`$/g, '');
    const name = String(row['propertyName'] ?? '');
    const type = graphqlType((row['propertyTypes'] as string[] | null) ?? []);
    if (!type || !NAME.test(name) || !NAME.test(t)) continue;
    const props = relationshipProps.get(t) ?? new Map<string, string>();
    props.set(name, type);
    relationshipProps.set(t, props);
  }

  const fields = new Map<string, RelationshipField[]>();
  const add = (label: string, f: RelationshipField): void => {
    fields.set(label, [...(fields.get(label) ?? []), f]);
  };
  for (const row of triples) {
    const [a, t, b] = [String(row['a']), String(row['t']), String(row['b'])];
    if (!keep(a) || !keep(b) || !NAME.test(t)) continue;
    add(a, { type: t, direction: 'OUT', other: b, field: `out${t}${b}` });
    add(b, { type: t, direction: 'IN', other: a, field: `in${t}${a}` });
  }

  const labels = [...properties.keys()].sort();
  const fulltextQueries = new Map<string, string>();
  const blocks: string[] = [];
  for (const [t, props] of relationshipProps) {
    blocks.push(
      `type ${t}Props @relationshipProperties {\n${[...props].map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n}`,
    );
  }
  for (const label of labels) {
    const props = properties.get(label) ?? new Map<string, string>();
    const lines = [...props].map(([k, v]) => `  ${k}: ${v}`);
    for (const f of fields.get(label) ?? []) {
      const propsArg = relationshipProps.has(f.type) ? `, properties: "${f.type}Props"` : '';
      lines.push(
        `  ${f.field}: [${f.other}!]! @relationship(type: "${f.type}", direction: ${f.direction}${propsArg})`,
      );
    }
    let directives = `@node(labels: ["${label}"])`;
    if (fulltextIndex !== undefined && props.has('name')) {
      const queryName = `${label.charAt(0).toLowerCase()}${label.slice(1)}NameSearch`;
      directives += ` @fulltext(indexes: [{ indexName: "${fulltextIndex}", fields: ["name"], queryName: "${queryName}" }])`;
      fulltextQueries.set(label, queryName);
    }
    blocks.push(`type ${label} ${directives} {\n${lines.join('\n')}\n}`);
  }
  return {
    typeDefs: blocks.join('\n\n'),
    fields,
    properties: new Map([...properties].map(([l, p]) => [l, [...p.keys()]])),
    relationshipProperties: new Map([...relationshipProps].map(([t, p]) => [t, [...p.keys()]])),
    fulltextQueries,
  };
}
