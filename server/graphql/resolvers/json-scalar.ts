import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { assertBoundedJson, DEFAULT_JSON_BOUNDS, jsonBoundsError } from '../input-bounds.js';

const WHAT = 'A JSON value';

function literalToJson(
  node: ValueNode,
  variables: Record<string, unknown> | null | undefined,
  depth: number,
): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
    case Kind.OBJECT:
      // Checked on the way down, so a deep literal is refused before it is walked any further.
      if (depth + 1 > DEFAULT_JSON_BOUNDS.maxDepth) throw jsonBoundsError(WHAT, 'depth');
      return node.kind === Kind.LIST
        ? node.values.map((v) => literalToJson(v, variables, depth + 1))
        : Object.fromEntries(
            node.fields.map((f) => [f.name.value, literalToJson(f.value, variables, depth + 1)]),
          );
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return undefined;
  }
}

/**
 * The JSON scalar: values pass through as they are (output is already converted by
 * db/convert.ts). Input, from variables or literals, is refused when nested deeper or larger than
 * the input bounds, before any resolver walks it.
 */
export const jsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (v) => v,
  parseValue: (v) => {
    assertBoundedJson(v, WHAT);
    return v;
  },
  // `variables` as a rest parameter, so parseLiteral.length is 1: graphql-jit prints "Scalar with
  // variable inputs … not supported" to stderr for every document it compiles with a JSON literal
  // when it is 2. It never passes variables; documents that need them run on graphql-js, which
  // does (compiled-execution.ts).
  parseLiteral: (node, ...[variables]) => {
    const value = literalToJson(node, variables, 0);
    assertBoundedJson(value, WHAT);
    return value;
  },
});
