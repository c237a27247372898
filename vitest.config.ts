import { defineConfig } from 'vitest/config';

// Three projects: unit (no database), integration (one real Neo4j for the run, files run one at a
// time because they share it) and e2e (a real Chromium against the real server).
export default defineConfig({
  test: {
    // Stopping the test Neo4j cleanly takes a few seconds.
    teardownTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
