import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // examples/ import 'shardcheck' and 'shardcheck/vitest' as users do; here they are the sources.
  resolve: {
    alias: [
      { find: /^shardcheck$/, replacement: source('./src/index.ts') },
      { find: /^shardcheck\/vitest$/, replacement: source('./src/vitest/index.ts') },
    ],
  },
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
