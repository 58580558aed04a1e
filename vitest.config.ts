import { defineConfig } from 'vitest/config';

// Three suites: unit (beside the code), api (the HTTP pipeline on a real database) and e2e (Chromium).
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    // Both cores: API files each use their own databases, so two run side by side (the browser files stay one at a time).
    maxWorkers: 2,
    projects: [
      // Unit tests share the two cores with the API files: 20 s, so that a starved one does not fail for time.
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'], environment: 'node', testTimeout: 20_000 } },
      {
        test: {
          name: 'api',
          include: ['test/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Polls wait for workers (outbox, statistics) that a busy 2-core machine may run late: 10 s, not 1 s.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A browser waits on a busy 2-core CI machine: polls allow 10 s (the default is 1 s).
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
