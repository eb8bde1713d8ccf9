import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario, type ScenarioOptions } from '../src/arbitraries/index.js';
import { simulate } from '../src/mapping/index.js';
import { resolveScenario } from '../src/scenario/index.js';
import { buildStreamHistory } from '../src/stream/index.js';
import { TIMEOUT_MS, runs } from './support/campaign.js';

/*
 * Generated scenarios are valid for the simulator: no option or scenario error, the stream accepts
 * every operation and topology event, and an always-succeeding handler runs to completion. Every
 * generated schedule heals (a disable always has its enable), so the run always drains.
 */

const VARIANTS: readonly [string, ScenarioOptions][] = [
  ['default (survivable, swarm)', {}],
  ['no swarm', { swarm: false }],
  ['not survivable', { survivable: false }],
  ['large items, N/B keys, TTL', { operations: { largeItems: true, maxLength: 40 }, tableSpec: { ttlAttribute: 'expiresAt', partitionKey: { name: 'id', type: 'N' }, sortKey: { name: 'sk', type: 'B' } } }],
];

describe('generated scenarios are valid', () => {
  it.each(VARIANTS)('%s: resolveScenario and the stream accept them, and simulate drains', async (_name, options) => {
    await fc.assert(
      fc.asyncProperty(scenario(options), async (generated) => {
        const resolved = resolveScenario(generated);
        buildStreamHistory(resolved);
        const trace = await simulate(resolved, async () => {});
        expect(trace.events.at(-1)).toMatchObject({ type: 'end', reason: 'drained' });
      }),
      { numRuns: runs(100, 2500) },
    );
  }, TIMEOUT_MS);
});
