import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts'],
    // The harness is CPU-bound and single-threaded per file; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ['default', './test/support/closingLineReporter.ts'],
  },
});
