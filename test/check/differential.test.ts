import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/arbitraries/index.js';
import { check } from '../../src/check/index.js';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel } from '../../src/model/index.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { reportingHandler } from './support.js';

/*
 * Quick differential sanity check (issue 4, "Trustworthiness" 1): correct handlers under generated
 * scenarios — survivable or not — give traces the checker judges valid. Every failure of these
 * handlers is injected, so even the runs that discard or trim records owe no liveness anomaly.
 * The full differential property, with large run counts, lives in `properties/`.
 */

const HANDLERS = [
  ['always succeeds', () => async () => undefined],
  ['reports dependency failures as batchItemFailures', reportingHandler],
] as const;

describe('differential: simulator × checker on generated scenarios', () => {
  it.each([
    ['survivable', true, 20261126],
    ['not survivable', false, 20261127],
  ] as const)('%s scenarios with correct handlers are judged valid', async (_name, survivable, seed) => {
    const samples = fc.sample(scenario({ survivable }), { seed, numRuns: 30 });
    const failures: string[] = [];
    for (const [n, generated] of samples.entries()) {
      const resolved = resolveScenario(generated);
      const model = buildModel(resolved);
      for (const [handlerName, handler] of HANDLERS) {
        const trace = await simulate(resolved, handler(), { maxDispatches: 20_000 });
        const verdict = check(trace, model);
        for (const a of verdict.anomalies) failures.push(`sample ${n} (${handlerName}): ${a.invariant} ${a.rule}: ${a.summary}`);
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
