import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that need POLE, last and in this order: import-pole leaves the clean import behind,
 * the pole-* files read it (usePole), backup-roundtrip adds the story and edits to it. Loading
 * POLE takes a while on a small machine, so one load serves them all.
 */
const POLE_LAST = [
  /\/import-pole\.test\.ts$/,
  /\/pole-[^/]*\.test\.ts$/,
  /\/backup-roundtrip\.test\.ts$/,
];

const rank = (file: string): number => POLE_LAST.findIndex((p) => p.test(file)) + 1;

/**
 * Runs test files in path order, the POLE files last. Integration files share one Neo4j and run
 * one at a time, so a stable order lets the POLE files follow each other and load POLE once.
 */
export class AlphabeticalSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve(
      [...files].sort(
        (a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId),
      ),
    );
  }
}
