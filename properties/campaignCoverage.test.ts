import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../src/arbitraries/index.js';
import { CoverageTally } from '../src/coverage/index.js';
import { simulate } from '../src/mapping/simulate.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { createReportsDependencyFailuresHandler } from '../fixtures/handlers/reportsDependencyFailures.js';


describe('campaign coverage', () => {
  it(
    'a default campaign of a few hundred runs reaches every coverage item at least once',
    async () => {
      // Survivable runs cannot discard or trim by design; the other half of the campaign can.
      const campaign = fc.oneof(scenario(), scenario({ survivable: false }));
      // A fixed seed in CI keeps the claim stable; long campaigns explore fresh seeds.
      const samples = fc.sample(campaign, { numRuns: runs(300, 3000), ...(LONG ? {} : { seed: 20261126 }) });
      const tally = new CoverageTally();
      for (const s of samples) tally.add(await simulate(s, createReportsDependencyFailuresHandler(), { maxDispatches: 20_000 }));
      const summary = tally.summary();
      expect(summary.missing).toEqual([]);
      expect(summary.runs).toBe(samples.length);
    },
    TIMEOUT_MS,
  );
});
