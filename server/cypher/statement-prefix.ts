import { isWord, tokenize, type Token } from './lexer.js';

/** What to do with a statement: run it, plan it only, or run it with per-operator counts. */
export type CypherMode = 'RUN' | 'EXPLAIN' | 'PROFILE';

/** A statement with its leading query options read. */
export interface PreparedStatement {
  /** The statement as typed. */
  readonly text: string;
  /** The tokens of text. */
  readonly tokens: readonly Token[];
  /** EXPLAIN or PROFILE typed in front of the statement, if any. */
  readonly typedMode: CypherMode | undefined;
  /**
   * The statement with a typed EXPLAIN or PROFILE blanked out (same length, so every position in
   * it is a position in text). CYPHER options (version, runtime …) stay in place.
   */
  readonly body: string;
  /** Index in tokens of the first clause, after CYPHER options, EXPLAIN and PROFILE. */
  readonly firstClause: number;
  /** The `name=value` query options after CYPHER, with the token of each name. */
  readonly options: readonly Token[];
}

const isSymbol = (t: Token | undefined, s: string): boolean => t?.kind === 'symbol' && t.text === s;

/**
 * Reads the query options Neo4j accepts in front of a statement — `CYPHER 5 runtime=slotted`,
 * `EXPLAIN`, `PROFILE`, in any order — so the console can plan the statement itself and honour
 * the mode the analyst typed.
 */
export function prepareStatement(text: string): PreparedStatement {
  const tokens = tokenize(text);
  let i = 0;
  let typedMode: CypherMode | undefined;
  let body = text;
  const options: Token[] = [];
  for (;;) {
    const t = tokens[i];
    if (isWord(t, 'EXPLAIN') || isWord(t, 'PROFILE')) {
      const mode = t?.text.toUpperCase() as CypherMode;
      // EXPLAIN wins over PROFILE when both are typed: it never runs anything.
      if (typedMode !== 'EXPLAIN') typedMode = mode;
      const offset = t?.offset ?? 0;
      body = body.slice(0, offset) + ' '.repeat(mode.length) + body.slice(offset + mode.length);
      i++;
    } else if (isWord(t, 'CYPHER')) {
      i++;
      // A version number and option=value pairs.
      for (;;) {
        if (tokens[i]?.kind === 'number') i++;
        else if (tokens[i]?.kind === 'word' && isSymbol(tokens[i + 1], '=') && tokens[i + 2]) {
          options.push(tokens[i] as Token);
          i += 3;
        } else break;
      }
    } else {
      break;
    }
  }
  return { text, tokens, typedMode, body, firstClause: i, options };
}

/** The mode that runs least: EXPLAIN if either asks for it, then PROFILE, then RUN. */
export function effectiveMode(requested: CypherMode, typed: CypherMode | undefined): CypherMode {
  if (requested === 'EXPLAIN' || typed === 'EXPLAIN') return 'EXPLAIN';
  if (requested === 'PROFILE' || typed === 'PROFILE') return 'PROFILE';
  return 'RUN';
}

/**
 * The query options an analyst may set: they choose how Neo4j plans and runs a statement. Others
 * (debug=…, which prints the planner's internals instead of running the statement) are refused.
 */
export const ALLOWED_QUERY_OPTIONS: readonly string[] = Object.freeze([
  'runtime',
  'planner',
  'replan',
  'expressionEngine',
  'operatorEngine',
  'interpretedPipesFallback',
  'connectComponentsPlanner',
  'inferSchemaParts',
  'eagerAnalyzer',
  'statefulShortestPlanningMode',
]);

const allowedOptions = new Set(ALLOWED_QUERY_OPTIONS.map((o) => o.toLowerCase()));

/** The first query option of the statement the console does not accept, if any. */
export function forbiddenOption(statement: PreparedStatement): Token | undefined {
  return statement.options.find((o) => !allowedOptions.has(o.text.toLowerCase()));
}
