/**
 * The header of a neo4j-admin-style CSV file: which column is the node id, the labels, the
 * relationship endpoints and type, and which are properties of which type.
 * See https://neo4j.com/docs/operations-manual/5/tools/neo4j-admin/neo4j-admin-import/#import-tool-header-format
 */

/** Property value types understood in a header (`name:type`, `name:type[]`). */
export const VALUE_TYPES = [
  'string',
  'char',
  'int',
  'long',
  'short',
  'byte',
  'float',
  'double',
  'boolean',
  'date',
  'localtime',
  'time',
  'localdatetime',
  'datetime',
  'duration',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export type Column =
  | { readonly kind: 'id'; readonly group: string | undefined; readonly key: string | undefined }
  | { readonly kind: 'label' }
  | { readonly kind: 'start'; readonly group: string | undefined }
  | { readonly kind: 'end'; readonly group: string | undefined }
  | { readonly kind: 'type' }
  | { readonly kind: 'ignore' }
  | {
      readonly kind: 'property';
      readonly key: string;
      readonly type: ValueType;
      readonly array: boolean;
    };

export interface NodeHeader {
  readonly kind: 'nodes';
  readonly columns: readonly Column[];
  readonly idIndex: number;
  readonly idGroup: string | undefined;
  readonly labelIndex: number | undefined;
}

export interface RelationshipHeader {
  readonly kind: 'relationships';
  readonly columns: readonly Column[];
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startGroup: string | undefined;
  readonly endGroup: string | undefined;
  readonly typeIndex: number;
}

export type Header = NodeHeader | RelationshipHeader;

/** Thrown for a header that cannot be used; the caller adds the file name. */
export class HeaderError extends Error {}

const FIELD = /^(.*?):([A-Za-z_]+)(?:\(([^()]*)\))?(\[\])?$/;
const isValueType = (t: string): t is ValueType => (VALUE_TYPES as readonly string[]).includes(t);

function parseColumn(raw: string): Column {
  const field = raw.trim();
  if (/\{.*\}$/.test(field)) {
    throw new HeaderError(`column "${field}": per-column options in {…} are not supported`);
  }
  const m = FIELD.exec(field);
  if (!m) {
    if (field === '') throw new HeaderError('a column has no name');
    return { kind: 'property', key: field, type: 'string', array: false };
  }
  const name = m[1] ?? '';
  const type = (m[2] ?? '').toLowerCase();
  const group = m[3] === undefined || m[3] === '' ? undefined : m[3];
  const array = m[4] !== undefined;
  const special = ['id', 'start_id', 'end_id', 'label', 'type', 'ignore'].includes(type);
  if (special && array) throw new HeaderError(`column "${field}": ${type} cannot be an array`);
  if (group !== undefined && !['id', 'start_id', 'end_id'].includes(type)) {
    throw new HeaderError(`column "${field}": only ID, START_ID and END_ID take a (group)`);
  }
  switch (type) {
    case 'id':
      return { kind: 'id', group, key: name === '' ? undefined : name };
    case 'start_id':
      return { kind: 'start', group };
    case 'end_id':
      return { kind: 'end', group };
    case 'label':
      return { kind: 'label' };
    case 'type':
      return { kind: 'type' };
    case 'ignore':
      return { kind: 'ignore' };
  }
  if (!isValueType(type)) {
    throw new HeaderError(
      `column "${field}": unknown type "${m[2] ?? ''}" (known: ${VALUE_TYPES.join(', ')})`,
    );
  }
  if (name === '') throw new HeaderError(`column "${field}": a property column needs a name`);
  return { kind: 'property', key: name, type, array };
}

function only(columns: readonly Column[], kind: Column['kind']): number | undefined {
  const found = columns.flatMap((c, i) => (c.kind === kind ? [i] : []));
  if (found.length > 1) throw new HeaderError(`more than one :${kind.toUpperCase()} column`);
  return found[0];
}

/** Parses the fields of a header line; throws HeaderError when the file is neither kind. */
export function parseHeader(fields: readonly string[]): Header {
  const columns = fields.map(parseColumn);
  const keys = new Set<string>();
  for (const c of columns) {
    const key = c.kind === 'property' ? c.key : c.kind === 'id' ? c.key : undefined;
    if (key === undefined) continue;
    if (keys.has(key)) throw new HeaderError(`property "${key}" appears in two columns`);
    keys.add(key);
  }
  const idIndex = only(columns, 'id');
  const startIndex = only(columns, 'start');
  const endIndex = only(columns, 'end');
  const typeIndex = only(columns, 'type');
  const labelIndex = only(columns, 'label');

  if (startIndex !== undefined || endIndex !== undefined) {
    if (startIndex === undefined || endIndex === undefined) {
      throw new HeaderError('a relationship file needs both :START_ID and :END_ID');
    }
    if (typeIndex === undefined) throw new HeaderError('a relationship file needs a :TYPE column');
    if (idIndex !== undefined || labelIndex !== undefined) {
      throw new HeaderError('a file cannot have both node (:ID, :LABEL) and relationship columns');
    }
    const start = columns[startIndex];
    const end = columns[endIndex];
    return {
      kind: 'relationships',
      columns,
      startIndex,
      endIndex,
      typeIndex,
      startGroup: start?.kind === 'start' ? start.group : undefined,
      endGroup: end?.kind === 'end' ? end.group : undefined,
    };
  }
  if (idIndex === undefined) {
    throw new HeaderError(
      'no :ID column (node files need :ID; relationship files need :START_ID, :END_ID and :TYPE)',
    );
  }
  if (typeIndex !== undefined) throw new HeaderError('a node file cannot have a :TYPE column');
  const id = columns[idIndex];
  return {
    kind: 'nodes',
    columns,
    idIndex,
    idGroup: id?.kind === 'id' ? id.group : undefined,
    labelIndex,
  };
}
