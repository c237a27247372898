import type { Config } from '../config.js';
import { userError } from '../db/errors.js';

/**
 * A fixed number of console statements that may be running in Neo4j at once, across all clients.
 * A slot is given back only when Neo4j has really finished with the statement, not when the
 * client stopped waiting: Neo4j checks its time limit between rows, so a statement that spends a
 * long time inside one expression (reduce over a huge range) outlives its timeout, and without
 * this bound a few such statements repeated would take every CPU of the database.
 */
export class ConsoleSlots {
  private busy = 0;
  constructor(private readonly max: number) {}

  /** Takes a slot, or throws RATE_LIMITED when all are taken. Call the returned function once. */
  take(): () => void {
    if (this.busy >= this.max) {
      throw userError(
        'RATE_LIMITED',
        `The console is already running ${this.max} statements (CYPHER_MAX_CONCURRENT). Try again when one of them has finished.`,
      );
    }
    this.busy++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy--;
    };
  }

  /** Slots in use. */
  get inUse(): number {
    return this.busy;
  }
}

const perConsole = new WeakMap<Config['cypher'], ConsoleSlots>();

/**
 * The slots of the console configured by `limits` (CYPHER_MAX_CONCURRENT): one set per app, as
 * each app reads its configuration once.
 */
export function consoleSlots(limits: Config['cypher']): ConsoleSlots {
  let slots = perConsole.get(limits);
  if (!slots) perConsole.set(limits, (slots = new ConsoleSlots(limits.maxConcurrent)));
  return slots;
}
