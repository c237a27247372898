import { basename } from 'node:path';

/**
 * A problem with the input files, located to a file and line so the person importing can fix it.
 * Rows of the batch that contains the problem are never written (the batch is validated in full
 * before it is sent); batches before it are, and re-running the import after fixing the file
 * carries on idempotently.
 */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line where the offending record starts; undefined for whole-file problems. */
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(`${basename(file)}${line === undefined ? '' : `, line ${line}`}: ${problem}`);
    this.name = 'ImportError';
  }
}
