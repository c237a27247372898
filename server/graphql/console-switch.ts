import type { Plugin } from 'graphql-yoga';
import { userError } from '../db/errors.js';
import { selectsRootField } from './rate-limit.js';

/** Refuses root fields matching `pattern` when the Cypher console is switched off. */
export function useConsoleSwitch(pattern: RegExp): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!selectsRootField(args.document, pattern)) return;
      setResultAndStopExecution({
        errors: [
          userError(
            'FORBIDDEN',
            'The Cypher console is switched off on this server (CYPHER_CONSOLE_ENABLED=false). Use the graph API fields instead.',
          ),
        ],
      });
    },
  };
}
