import { defineConfig } from 'vitest/config';
import { shardcheck } from 'shardcheck/vitest';
export default defineConfig({ plugins: [shardcheck({ numRuns: 20 })], test: { include: ['*.spec.js', 'examples/*.test.ts'] } });
