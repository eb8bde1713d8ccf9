import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvariantName, Verdict } from '../src/check/anomaly.js';
import { check } from '../src/check/index.js';
import { Simulator } from '../src/mapping/Simulator.js';
import { buildModel } from '../src/model/index.js';
import type { ScenarioParameters } from '../src/scenario/index.js';
import { LONG, runs, TIMEOUT_MS } from './support/campaign.js';
import { KILL_PLANS, type KillPlan } from './support/killPlans.js';
import { simulateWith } from './support/mutants.js';
import { stableJson } from './support/stableJson.js';

/*
 * The checker catches every deliberately broken simulator (issue 4, "Mutants"). Each mutant
 * (`support/mutants.ts`) violates one ESM rule through one simulator seam; each runs on generated
 * scenarios that make its rule reachable, with a correct handler (`support/killPlans.ts`), and
 * must be killed: some run within the default run count gets an invalid verdict. The same samples
 * under the correct simulator are the differential control: every one of them must be valid, so a
 * kill is the mutation's doing, not noise.
 *
 * | mutant                           | rule violated                                         | invariant that kills it                                         |
 * |----------------------------------|-------------------------------------------------------|-----------------------------------------------------------------|
 * | CheckpointAtHighestFailure       | R38 checkpoint at the lowest reported failure         | no-skip (checkpoint passes a reported failure); at-least-once   |
 * | PartialCommitsWholeBatch         | R38 a partial response commits only the prefix        | no-skip; at-least-once                                          |
 * | BisectDropsBoundary              | R43 the halves partition the batch (boundary dropped) | first-delivery-order (later records overtake it); progress-after-faults (stall) |
 * | BisectDuplicatesBoundary         | R43 the halves partition the batch (boundary twice)   | resume-from-checkpoint (a committed record delivered again)     |
 * | RetryCounterNeverReset           | R39 fresh retry count after partial progress          | retry-bound (discarded after fewer than m + 1 attempts)         |
 * | ThrottleCountsAsAttempt          | R33 throttles are not retries                         | retry-bound (throttles counted towards the discard)             |
 * | RetryLimitOffByOne               | R24 at most m + 1 invocations                         | retry-bound                                                     |
 * | AgeCheckedOnlyBeforeFirstAttempt | R25 age checked before every invocation               | age-bound (a record older than the limit invoked)               |
 * | ChildBeforeParent                | R7 parent before child                                | parent-before-child                                             |
 * | ResumeAtTrimHorizon              | R28 resume from the checkpoint, not TRIM_HORIZON      | resume-from-checkpoint; checkpoint-monotonic                    |
 * | ResumeAtLatest                   | R28 resume from the checkpoint, not LATEST            | at-least-once (skipped records never delivered); no-skip        |
 * | DiscardWithoutPayload            | R41 every discard sends its OnFailure message         | destination-payload                                             |
 * | LanesByOrdinal                   | R26 PF lanes keyed by partition key                   | first-delivery-order (per partition key)                        |
 * | BatchOneTooLarge                 | R19 at most batchSize records per batch               | batch-limits                                                    |
 *
 * The first invariant listed is the one `KILLED_BY` pins (the first kill with the CI seed names
 * it); the others also fire on some kills. All 14 mutants are killed.
 *
 * In CI (fixed seed) each mutant runs until its first kill, and the control covers those samples
 * and at least the first 50; with SHARDCHECK_LONG=1 all 2000 samples of a fresh seed run under
 * both simulators, and the kill rate is printed.
 */

/** The invariant the table says kills each mutant; the first invalid verdict must name it. */
const KILLED_BY: Readonly<Record<string, InvariantName>> = {
  CheckpointAtHighestFailure: 'no-skip',
  PartialCommitsWholeBatch: 'no-skip',
  BisectDropsBoundary: 'first-delivery-order',
  BisectDuplicatesBoundary: 'resume-from-checkpoint',
  RetryCounterNeverReset: 'retry-bound',
  ThrottleCountsAsAttempt: 'retry-bound',
  RetryLimitOffByOne: 'retry-bound',
  AgeCheckedOnlyBeforeFirstAttempt: 'age-bound',
  ChildBeforeParent: 'parent-before-child',
  ResumeAtTrimHorizon: 'resume-from-checkpoint',
  ResumeAtLatest: 'at-least-once',
  DiscardWithoutPayload: 'destination-payload',
  LanesByOrdinal: 'first-delivery-order',
  BatchOneTooLarge: 'batch-limits',
};

const SEED = 20261126;

function invariantsOf(verdict: Verdict): InvariantName[] {
  return [...new Set(verdict.anomalies.map((a) => a.invariant))].sort();
}

interface KillReport {
  /** Index of the first sample the mutant was caught on, -1 when it survived. */
  readonly firstKill: number;
  readonly kills: number;
  readonly samples: number;
  /** Invariants of the first invalid verdict. */
  readonly killers: readonly InvariantName[];
}

/** Samples the control always covers, even when the mutant dies on the first one. */
const CONTROL_MIN = 50;

async function hunt(plan: KillPlan): Promise<KillReport> {
  const samples = fc.sample(plan.scenarios, { numRuns: runs(300, 2000), ...(LONG ? {} : { seed: SEED }) });
  let firstKill = -1;
  let kills = 0;
  let killers: InvariantName[] = [];
  let ran = 0;
  for (const [i, s] of samples.entries()) {
    const hunting = LONG || firstKill < 0;
    if (!hunting && i >= CONTROL_MIN) break;
    const model = buildModel(s);
    const control = check(await simulateWith(Simulator, s, plan.handler(s)), model);
    if (!control.valid) throw new Error(`the correct simulator is judged invalid (${invariantsOf(control).join(', ')}) on ${show(s)}`);
    if (!hunting) continue;
    ran++;
    const verdict = check(await simulateWith(plan.Mutant, s, plan.handler(s)), model);
    if (verdict.valid) continue;
    kills++;
    if (firstKill < 0) {
      firstKill = i;
      killers = invariantsOf(verdict);
    }
  }
  return { firstKill, kills, samples: ran, killers };
}

function show(s: ScenarioParameters): string {
  return stableJson(s);
}

describe('every mutant simulator is killed by the checker', () => {
  it('the table lists every mutant', () => {
    expect(Object.keys(KILLED_BY).sort()).toEqual(KILL_PLANS.map((p) => p.name).sort());
    expect(KILL_PLANS.length).toBeGreaterThanOrEqual(12);
  });

  for (const plan of KILL_PLANS) {
    it(
      `${plan.name} (${plan.rule}) is caught by ${KILLED_BY[plan.name]}`,
      async () => {
        const report = await hunt(plan);
        if (LONG) console.log(`${plan.name}: killed in ${report.kills}/${report.samples} runs, first by ${report.killers.join(', ')}`);
        expect(report.firstKill, `${plan.name} survived ${report.samples} runs`).toBeGreaterThanOrEqual(0);
        expect(report.killers).toContain(KILLED_BY[plan.name]);
      },
      TIMEOUT_MS,
    );
  }
});
