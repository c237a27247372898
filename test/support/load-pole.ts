import type { Database } from '../../server/db/database.js';
import { resetDatabase } from './database.js';
import { importCsvDirectory, type ImportSummary } from '../../server/import/import-csv.js';
import { sharedData } from './shared-data.js';

/**
 * The POLE crime-investigation data set (../shared/datasets/pole beside the checkout). Its
 * licence is not stated, so it is not part of this repository: on a bare clone the POLE tests
 * skip (`describe.skipIf(!pole.present)`), in CI they fail (DOSSIER_REQUIRE_SHARED=1).
 */
export const pole = sharedData(
  'The POLE data set',
  ['datasets', 'pole'],
  'Get it from the public repository neo4j-graph-examples/pole: unzip its data/pole-data-importer.zip into that directory (README, "Importing CSV").',
);
export const poleDir = pole.dir;

/**
 * Loads POLE (61,521 nodes, 105,840 relationships) into db with Dossier's importer. Each node keeps
 * its CSV `:ID` as the property `importId`. Call resetDatabase(db) first for a clean graph;
 * loading twice gives the same graph.
 */
export function loadPole(db: Database): Promise<ImportSummary> {
  return importCsvDirectory(db, poleDir, { batchSize: 10_000 });
}

/** POLE's shape as its README gives it; a database with exactly this holds POLE as imported. */
const POLE_NODES = 61_521;
const POLE_RELATIONSHIPS = 105_840;
const POLE_LABELS =
  'Area,Crime,Email,Location,Object,Officer,Person,Phone,PhoneCall,PostCode,Vehicle';

/**
 * Makes db hold exactly POLE, as imported, for tests that only read it: when the previous test
 * file left POLE in place (the files are ordered so that they follow each other) only the indexes
 * that file added are dropped; otherwise the database is reset and POLE loaded. Loading POLE
 * takes most of a minute, so this saves one load per run.
 */
export async function usePole(db: Database): Promise<'reused' | 'loaded'> {
  const [shape] = await db.read(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { CALL db.labels() YIELD label RETURN label ORDER BY label }
     RETURN nodes, relationships, collect(label) AS labels`,
  );
  const same =
    Number(shape?.['nodes']) === POLE_NODES &&
    Number(shape?.['relationships']) === POLE_RELATIONSHIPS &&
    (shape?.['labels'] as string[] | undefined)?.join(',') === POLE_LABELS;
  if (!same) {
    await resetDatabase(db);
    await loadPole(db);
    return 'loaded';
  }
  const extra = await db.read(
    "SHOW INDEXES YIELD name, type, owningConstraint WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name",
  );
  for (const ix of extra) await db.write(`DROP INDEX \`${String(ix['name'])}\` IF EXISTS`);
  return 'reused';
}
