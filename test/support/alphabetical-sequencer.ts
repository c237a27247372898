import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs test files in path order. Integration files share one Neo4j and run one at a time, so a
 * stable order lets the POLE files (pole-*.test.ts) follow each other and load POLE once.
 */
export class AlphabeticalSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}
