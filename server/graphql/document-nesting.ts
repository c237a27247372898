import type { Plugin } from 'graphql-yoga';
import { userError } from '../db/errors.js';

/**
 * Deepest nesting of brackets a document may have: selection sets (12 at most, graphql-armor),
 * arguments, and list and object literals (32 at most, the JSON input bounds) fit well inside.
 */
export const MAX_DOCUMENT_NESTING = 100;

/**
 * The deepest nesting of `{`, `[` and `(` in a GraphQL document, ignoring strings, block strings
 * and comments; stops counting once past `limit`. One pass, no recursion.
 */
export function documentNesting(source: string, limit = MAX_DOCUMENT_NESTING): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (c === '"') {
      if (source.startsWith('"""', i)) {
        i += 3;
        while (i < source.length && !source.startsWith('"""', i)) i += source[i] === '\\' ? 2 : 1;
        i += 2;
      } else {
        i++;
        while (i < source.length && source[i] !== '"' && source[i] !== '\n') {
          i += source[i] === '\\' ? 2 : 1;
        }
      }
    } else if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
    }
  }
  return deepest;
}

/**
 * Refuses a document nested deeper than MAX_DOCUMENT_NESTING before graphql-js parses it: its
 * parser is recursive, and a list literal about 2,000 levels deep (still under armor's token
 * limit) overflowed the stack and answered "Unexpected error.".
 */
export function useDocumentNesting(limit = MAX_DOCUMENT_NESTING): Plugin {
  return {
    onParse({ params }) {
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (documentNesting(source, limit) > limit) {
        throw userError(
          'BAD_USER_INPUT',
          `The document nests selections, arguments, lists and objects more than ${limit} levels deep; Dossier accepts at most ${limit}. Pass deep values as variables (they are checked against the JSON input bounds) or flatten the document.`,
          { limit: { maxNesting: limit } },
        );
      }
    },
  };
}
