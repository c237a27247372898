import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { AlphabeticalSequencer } from './test/support/alphabetical-sequencer.js';

// One copy of graphql: Vite would load its ESM build for our code while graphql-yoga require()s the
// CommonJS one, and yoga's `instanceof GraphQLError` would then mask every expected error. Node
// itself (npm start) resolves both to the CommonJS build.
const oneGraphql = {
  alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
};

// Three projects: unit (no database), integration (one real Neo4j for the run, files run one at a
// time because they share it) and e2e (a real Chromium against the real server).
export default defineConfig({
  test: {
    // Stopping the test Neo4j cleanly takes a few seconds.
    teardownTimeout: 60_000,
    sequence: { sequencer: AlphabeticalSequencer },
    projects: [
      {
        resolve: oneGraphql,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: oneGraphql,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          pool: 'forks',
          // One worker for all files, which run one at a time anyway: each file no longer loads the
          // server's modules afresh (their caches are per Database, and each file connects its own).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve: oneGraphql,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The run's local Neo4j, shared with integration (see global-setup.ts); each file fills it.
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          pool: 'forks',
          // A group of its own, so e2e never runs beside integration files (Chromium and Neo4j at
          // once crowd a small machine). vitest 4 runs it before them: integration's one-at-a-time
          // files form the last group.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
