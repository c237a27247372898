import {
  BREAK,
  getNullableType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

interface Compiled {
  readonly query: CompiledQuery;
  /** The document's one operation's name, if it has one. */
  readonly name: string | undefined;
}

/**
 * One compiled query per parsed document, or null when graphql-jit cannot take it (yoga caches
 * parsed documents, so a repeated query is the same object). Only single-operation documents: one
 * compiled query per document.
 */
const compiled = new WeakMap<DocumentNode, Compiled | null>();

function compiledFor(schema: GraphQLSchema, document: DocumentNode): Compiled | null {
  let entry = compiled.get(document);
  if (entry === undefined) {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    const result =
      operations.length === 1 && !scalarLiteralWithVariable(schema, document)
        ? compileQuery(schema, document)
        : undefined;
    entry =
      result !== undefined && isCompiledQuery(result)
        ? { query: result, name: operation?.name?.value }
        : null;
    compiled.set(document, entry);
  }
  return entry;
}

function containsVariable(node: ASTNode): boolean {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * True when a scalar's value is written as an object or list literal holding a variable, such as
 * `value: {name: $name}` for a JSON argument. graphql-jit parses a scalar literal once, when it
 * compiles, with no variables ("not supported", it says), so `$name` would be dropped from every
 * request; graphql-js parses it per request with the request's variables.
 */
function scalarLiteralWithVariable(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        if (node.kind !== Kind.OBJECT && node.kind !== Kind.LIST) return undefined;
        const type = typeInfo.getInputType();
        if (type === null || type === undefined || !isScalarType(getNullableType(type))) {
          return undefined;
        }
        if (!containsVariable(node)) return false; // a literal scalar: nothing inside to check
        found = true;
        return BREAK;
      },
    }),
  );
  return found;
}

type Result = ExecutionResult | Promise<ExecutionResult>;

/**
 * Executes queries and mutations with graphql-jit: each document is compiled once into a function
 * that calls the resolvers directly, instead of graphql-js walking the document for every object
 * of every response. A document it cannot compile, or whose scalar literals hold variables (see
 * scalarLiteralWithVariable), runs on graphql-js as before.
 *
 * Variables are coerced once, by the compiled query. When it refuses them (it answers `errors`
 * without `data` only then) the request runs on graphql-js instead, which refuses them in its own
 * words: graphql-jit says "Expected type JSON." and drops the scalar's message and extensions, such
 * as the input bounds'. Checking every request's variables with graphql-js first, as before, cost
 * a second coercion of every request that was valid.
 */
export function useCompiledExecution(): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const entry = compiledFor(args.schema, args.document);
      // An operationName the document lacks is graphql-js's to refuse, in its words.
      if (entry === null || (args.operationName != null && args.operationName !== entry.name)) {
        return;
      }
      setExecuteFn((execArgs) => {
        const result = entry.query.query(
          execArgs.rootValue,
          execArgs.contextValue,
          execArgs.variableValues,
        ) as Result;
        const settle = (r: ExecutionResult): Result =>
          'data' in r ? r : (executeFn(execArgs) as Result);
        return result instanceof Promise ? result.then(settle) : settle(result);
      });
    },
  };
}
