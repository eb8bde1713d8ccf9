import { describe, expect, it } from 'vitest';
import { checkStreamHandler } from '../src/run/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { FIXTURE_SEED, FIXTURES, fixtureCheckOptions } from './support/fixtureCatalog.js';

/*
 * The fixed twins of the buggy example handlers (support/fixtureCatalog.ts) pass under every
 * survivable fault with default settings: 100 runs on a fixed seed in CI, 3000 on a fresh seed
 * with SHARDCHECK_LONG=1. The buggy ones: fixtureBugsCaught.test.ts.
 */

const FIXED_RUNS = runs(100, 3000);

describe('fixture handlers: every fixed twin passes', () => {
  for (const f of FIXTURES) {
    it(`${f.name}Fixed: passes under every survivable fault`, async () => {
      const summary = await checkStreamHandler({ ...fixtureCheckOptions(f, f.fixed), ...(LONG ? {} : { seed: FIXTURE_SEED }), numRuns: FIXED_RUNS });
      expect(summary.runs).toBe(FIXED_RUNS);
    }, TIMEOUT_MS);
  }
});
