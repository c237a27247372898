import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Whether graphql-jit can take a document, decided once per parsed document (yoga caches parsed
 * documents, so a repeated query is the same object). Only single-operation documents: the plugin
 * caches one compiled query per document, whatever operationName picks.
 */
const verdicts = new WeakMap<DocumentNode, boolean>();

function compiles(schema: GraphQLSchema, document: DocumentNode): boolean {
  let ok = verdicts.get(document);
  if (ok === undefined) {
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    ok = operations.length === 1 && isCompiledQuery(compileQuery(schema, document));
    verdicts.set(document, ok);
  }
  return ok;
}

/**
 * True when graphql-jit runs this request: its document compiles and its variables are valid.
 * graphql-jit coerces variables itself but words a refused value its own way ("Expected type
 * JSON.", dropping the scalar's own message and extensions such as the input bounds), so variables
 * are checked by graphql-js first and a refused one is answered by graphql-js, word for word as
 * before.
 */
function runsCompiled(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variableValues?: { readonly [name: string]: unknown } | null | undefined;
}): boolean {
  if (!compiles(args.schema, args.document)) return false;
  const definitions = getOperationAST(args.document)?.variableDefinitions ?? [];
  if (definitions.length === 0) return true;
  const coerced = getVariableValues(args.schema, definitions, args.variableValues ?? {});
  return coerced.errors === undefined;
}

/**
 * Executes queries and mutations with graphql-jit: each document is compiled once into a function
 * that calls the resolvers directly, instead of graphql-js walking the document for every object
 * of every response. A document it cannot compile runs on graphql-js as before. Errors go through
 * the same masking, so clients see the same answers.
 */
export function useCompiledExecution(): Plugin {
  return useGraphQlJit({}, { enableIf: runsCompiled }) as Plugin;
}
