import type { Database } from '../../server/db/database.js';
import { importCsvDirectory, type ImportSummary } from '../../server/import/import-csv.js';
import { fromRoot } from '../../server/paths.js';

/** The POLE crime-investigation data set (../shared/datasets/pole beside the checkout). */
export const poleDir = fromRoot('..', 'shared', 'datasets', 'pole');

/**
 * Loads POLE (61,521 nodes, 105,840 relationships) into db with Dossier's importer. Each node keeps
 * its CSV `:ID` as the property `importId`. Call resetDatabase(db) first for a clean graph;
 * loading twice gives the same graph.
 */
export function loadPole(db: Database): Promise<ImportSummary> {
  return importCsvDirectory(db, poleDir, { batchSize: 10_000 });
}
