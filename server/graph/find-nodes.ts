import type { Database } from '../db/database.js';
import { userError } from '../db/errors.js';
import type { FilterOperator, SortDirection } from '../graphql/generated/resolvers.js';
import { checkRange } from './bounds.js';
import { quoteName } from './cypher-names.js';
import { checkNames, liveSchema } from './live-schema.js';
import { degreeExpression, int, toNodeModel, type NodeModel } from './model.js';
import { nodeSourcesEntry, sourceCounting } from './source-count.js';
import { allOf, andAlso, visibilityOf, where as whereClause } from './visibility.js';

/**
 * One node by element id, with its degree; null when there is none, or when it is retracted or
 * one of Dossier's bookkeeping records and `includeRetracted` is not set.
 */
export async function findNode(
  db: Database,
  id: string,
  withDegree: boolean,
  includeRetracted: boolean | null = false,
  withSources = false,
): Promise<NodeModel | null> {
  const schema = await liveSchema(db);
  const vis = visibilityOf(schema, { includeRetracted });
  const sources = nodeSourcesEntry('n', sourceCounting(withSources, schema));
  const [row] = await db.read(
    `MATCH (n) WHERE elementId(n) = $id${andAlso(vis.node('n'))} RETURN {node: n, degree: ${degreeExpression('n', withDegree, vis)}${sources}} AS n`,
    { id },
  );
  return row ? toNodeModel(row['n']) : null;
}

export interface PropertyFilter {
  readonly key: string;
  readonly op?: FilterOperator | null;
  readonly value?: unknown;
}

export interface PropertyOrder {
  readonly key: string;
  readonly direction?: SortDirection | null;
}

export interface NodesRequest {
  readonly label?: string | null;
  readonly where?: readonly PropertyFilter[] | null;
  readonly orderBy?: readonly PropertyOrder[] | null;
  readonly first: number;
  readonly after?: string | null;
  readonly withDegree: boolean;
  /** Count each node's sources (only when the query asks for sourceCount). */
  readonly withSources?: boolean;
  /** Show retracted nodes too (hidden by default). */
  readonly includeRetracted?: boolean | null;
}

export interface NodePage {
  totalCount: number;
  nodes: NodeModel[];
  /** Offset of the first node of the page. */
  offset: number;
  hasNextPage: boolean;
}

const COMPARISONS: Partial<Record<FilterOperator, string>> = {
  EQ: '=',
  NE: '<>',
  LT: '<',
  LTE: '<=',
  GT: '>',
  GTE: '>=',
};

const TEXT: Partial<Record<FilterOperator, string>> = {
  CONTAINS: 'CONTAINS',
  STARTS_WITH: 'STARTS WITH',
  ENDS_WITH: 'ENDS WITH',
};

/** The opaque cursor of the node at `offset`. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

/** The offset a cursor stands for; BAD_USER_INPUT for anything this API did not hand out. */
export function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw userError(
      'BAD_USER_INPUT',
      '`after` is not a cursor this API handed out. Pass the `endCursor` of the previous page, or omit `after` for the first page.',
    );
  }
  return Number(match[1]) + 1;
}

/** A WHERE condition for one filter; values and keys are parameters `$v<i>` and `$k<i>`. */
function condition(filter: PropertyFilter, i: number, params: Record<string, unknown>): string {
  const op = filter.op ?? 'EQ';
  const prop = `n[$k${i}]`;
  params[`k${i}`] = filter.key;
  if (op === 'EXISTS') return `${prop} IS NOT NULL`;
  if (op === 'MISSING') return `${prop} IS NULL`;
  const value = filter.value;
  if (value === null || value === undefined) {
    throw userError(
      'BAD_USER_INPUT',
      `The filter on "${filter.key}" (${op}) needs a value. To find nodes without the property use op: MISSING; with it, op: EXISTS.`,
    );
  }
  params[`v${i}`] = value;
  if (op === 'IN') {
    if (!Array.isArray(value)) {
      throw userError(
        'BAD_USER_INPUT',
        `The IN filter on "${filter.key}" needs a list value, e.g. ["a", "b"].`,
      );
    }
    return `${prop} IN $v${i}`;
  }
  const text = TEXT[op];
  if (text) {
    if (typeof value !== 'string') {
      throw userError('BAD_USER_INPUT', `The ${op} filter on "${filter.key}" needs a text value.`);
    }
    return `toLower(toStringOrNull(${prop})) ${text} toLower($v${i})`;
  }
  return `${prop} ${COMPARISONS[op] ?? '='} $v${i}`;
}

/**
 * A page of nodes and the total that match, in one statement. The total reads Neo4j's count
 * store when there is no filter. Nodes without a sort property sort last; element id breaks ties
 * so that offsets give stable pages.
 */
export async function findNodes(db: Database, request: NodesRequest): Promise<NodePage> {
  const first = checkRange('first', request.first, 1, 1000);
  const offset = request.after ? decodeCursor(request.after) : 0;
  const [label] = await checkNames(db, 'label', request.label ? [request.label] : []);
  const schema = await liveSchema(db);
  const vis = visibilityOf(schema, {
    includeRetracted: request.includeRetracted,
    requestedLabels: label ? [label] : [],
  });
  const sources = nodeSourcesEntry('n', sourceCounting(request.withSources === true, schema));
  const where = request.where ?? [];
  const orderBy = request.orderBy ?? [];
  await checkNames(db, 'property key', [...where.map((f) => f.key), ...orderBy.map((o) => o.key)]);

  const params: Record<string, unknown> = { offset: int(offset), first: int(first + 1) };
  const conditions = where.map((f, i) => condition(f, i, params));
  const filter = allOf(...conditions, vis.node('n'));
  const order = orderBy.flatMap((o, i) => {
    params[`o${i}`] = o.key;
    return [`n[$o${i}] IS NULL`, `n[$o${i}] ${o.direction ?? 'ASC'}`];
  });
  const match = `MATCH (n${label ? `:${quoteName(label)}` : ''})${whereClause(filter)}`;
  const statement = `CALL () { ${match} RETURN count(n) AS total }
CALL () {
  ${match}
  WITH n ORDER BY ${[...order, 'elementId(n)'].join(', ')} SKIP $offset LIMIT $first
  RETURN collect({node: n, degree: ${degreeExpression('n', request.withDegree, vis)}${sources}}) AS page
}
RETURN total, page`;
  const [row] = await db.read(statement, params);
  const page = ((row?.['page'] as unknown[]) ?? []).map((v) => toNodeModel(v as never));
  return {
    totalCount: Number(row?.['total'] ?? 0),
    nodes: page.slice(0, first),
    offset,
    hasNextPage: page.length > first,
  };
}
