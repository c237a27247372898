import type { Database } from '../db/database.js';
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

const perDatabase = new WeakMap<Database, ConsoleSlots>();

/** The slots of the console on `db` (one set per connected database, created on first use). */
export function consoleSlots(db: Database, max: number): ConsoleSlots {
  let slots = perDatabase.get(db);
  if (!slots) perDatabase.set(db, (slots = new ConsoleSlots(max)));
  return slots;
}
