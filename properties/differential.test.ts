import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenario } from '../src/arbitraries/index.js';
import { check } from '../src/check/index.js';
import { simulate } from '../src/mapping/index.js';
import { buildModel } from '../src/model/index.js';
import type { ScenarioParameters } from '../src/scenario/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { acknowledgeAll, reportDependencyFailures, reportsItemFailures } from './support/handlers.js';

/*
 * Differential (issue 4, "Trustworthiness" 1): the simulator and the checker are written
 * independently from the same spec; with a correct handler, every trace the simulator produces
 * must be judged valid. A counterexample is a bug in one of them: fix the one that is wrong per the
 * spec, never loosen the checker. fast-check shrinks a disagreement to a minimal scenario.
 *
 * Correct handlers: one that acknowledges everything, and one that writes through fault-injecting
 * dependencies and reports exactly the records whose write failed (batchItemFailures under
 * ReportBatchItemFailures, a thrown error otherwise). Scenarios: survivable ones (nothing may be
 * lost) and unrestricted ones (discards, expiry and trims happen, and must be documented).
 */

type HandlerKind = 'acknowledge' | 'report-dependency-failures';

function handlerFor(kind: HandlerKind, s: ScenarioParameters) {
  return kind === 'acknowledge' ? acknowledgeAll() : reportDependencyFailures(reportsItemFailures(s));
}

const SEED = 20261127;
const settings = (ci: number, long: number) => ({ numRuns: runs(ci, long), ...(LONG ? {} : { seed: SEED }) });

async function verdictOf(s: ScenarioParameters, kind: HandlerKind) {
  const trace = await simulate(s, handlerFor(kind, s), { maxDispatches: 20_000 });
  return check(trace, buildModel(s));
}

describe('differential: correct handler ⇒ valid verdict', () => {
  it(
    'survivable and unrestricted scenarios, acknowledging or reporting dependency failures',
    async () => {
      const campaign = fc.tuple(fc.oneof(scenario(), scenario({ survivable: false })), fc.constantFrom<HandlerKind>('acknowledge', 'report-dependency-failures'));
      await fc.assert(
        fc.asyncProperty(campaign, async ([s, kind]) => {
          expect((await verdictOf(s, kind)).anomalies).toEqual([]);
        }),
        settings(300, 4000),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'dependency-heavy schedules, with and without partial responses',
    async () => {
      const campaign = fc.oneof(
        scenario({ faults: { maxDependencyFaults: 4 }, operations: { maxLength: 80 } }),
        scenario({ survivable: false, faults: { maxDependencyFaults: 4 }, operations: { maxLength: 80 } }),
      );
      await fc.assert(
        fc.asyncProperty(campaign, async (s) => {
          expect((await verdictOf(s, 'report-dependency-failures')).anomalies).toEqual([]);
        }),
        settings(100, 1500),
      );
    },
    TIMEOUT_MS,
  );
});
