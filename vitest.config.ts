import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts', 'examples/**/*.test.ts'],
    // The harness is CPU-bound and single-threaded per file; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    // The AWS SDK warns on Node 20 (it will need Node 22 from 2027); the tests pin the SDK in the lockfile.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    reporters: ['default', './test/support/closingLineReporter.ts'],
  },
});
