import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { useConsoleSwitch } from './console-switch.js';
import { useDocumentNesting } from './document-nesting.js';
import { useRootFieldRateLimit } from './rate-limit.js';

/** Root fields of the Cypher console (issue 5), whatever their exact names. */
export const CYPHER_FIELDS = /^(cypher|explain|profile)/i;

/** Limits every document must meet before any resolver runs (graphql-armor's validation rules). */
export const documentLimits = {
  // Deep enough for neighbourhood → nodes → properties and GraphiQL's own queries.
  maxDepth: { n: 12, ignoreIntrospection: true, flattenFragments: true },
  maxAliases: { n: 20 },
  maxTokens: { n: 4000 },
  maxDirectives: { n: 20 },
  // armor multiplies a field's cost by a literal `first` but not by a variable, so this is a guard
  // against wide and deep documents, not against large pages: list sizes are bounded by the
  // resolvers themselves (server/graph/bounds.ts) and every statement has a timeout.
  costLimit: { maxCost: 20_000, ignoreIntrospection: true },
} as const;

/**
 * The GraphQL-level protections, in one place: document limits, CSRF prevention (a "simple"
 * cross-site request — GET or a text/plain/form POST — must carry the x-graphql-yoga-csrf
 * header), introspection switchable off, the Cypher console switch and its rate limit.
 */
export function protections(config: Config): Plugin[] {
  const armor = new EnvelopArmor({
    ...documentLimits,
    // Field suggestions ("did you mean …") reveal the schema; hide them when introspection is off.
    blockFieldSuggestion: { enabled: !config.access.introspection },
  });
  const plugins: Plugin[] = [
    useDocumentNesting(),
    ...(armor.protect().plugins as Plugin[]),
    useCSRFPrevention(),
  ];
  if (!config.access.introspection) plugins.push(useDisableIntrospection());
  plugins.push(
    config.access.cypherConsole
      ? useRootFieldRateLimit(CYPHER_FIELDS, config.access.cypherRatePerMinute)
      : useConsoleSwitch(CYPHER_FIELDS),
  );
  return plugins;
}
