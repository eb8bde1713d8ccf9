import fc from 'fast-check';
import { scenario } from '../../src/arbitraries/index.js';
import type { StreamHandler } from '../../src/mapping/handlerTypes.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { acknowledgeAll, failSelected, reportDependencyFailures, reportsItemFailures } from './handlers.js';
import {
  AgeCheckedOnlyBeforeFirstAttempt,
  BatchOneTooLarge,
  BisectDropsBoundary,
  BisectDuplicatesBoundary,
  CheckpointAtHighestFailure,
  ChildBeforeParent,
  DiscardWithoutPayload,
  LanesByOrdinal,
  PartialCommitsWholeBatch,
  ResumeAtLatest,
  ResumeAtTrimHorizon,
  RetryCounterNeverReset,
  RetryLimitOffByOne,
  ThrottleCountsAsAttempt,
  type SimulatorClass,
} from './mutants.js';

/**
 * How to reach each mutant's rule: generated scenarios whose options make the mutated rule come
 * into play, and a correct handler that provokes it. The same scenarios under the correct
 * simulator are the differential control.
 */
export interface KillPlan {
  readonly name: string;
  readonly Mutant: SimulatorClass;
  readonly rule: string;
  readonly scenarios: fc.Arbitrary<ScenarioParameters>;
  readonly handler: (s: ScenarioParameters) => StreamHandler;
}

const RBIF = ['ReportBatchItemFailures'] as const;
const SQS = { onFailure: { destination: 'arn:aws:sqs:us-east-1:123456789012:shardcheck-dlq' } };

/** At least six writes, so batches often hold several records. */
const busy = { operations: { minLength: 6, maxLength: 40 } } as const;

/** Handler failures from the scenario's dependency faults, reported as the mapping expects. */
const dependencyFailures = (s: ScenarioParameters): StreamHandler => reportDependencyFailures(reportsItemFailures(s));
/**
 * Retry limits under which a record survives its survivable injected failures (at most 3 per
 * record set) plus one failure of the handler's own: a discard after the handler failed on its own
 * is a liveness finding (progress-after-faults), which would spoil the control.
 */
const forgiving = fc.constantFrom(-1, 4, 10);

/** The scenario's single shard splits at the instant of its middle write (R7: the children must wait for it). */
function splitMidway(s: ScenarioParameters): ScenarioParameters {
  const at = s.operations[Math.floor(s.operations.length / 2)]?.at ?? 0;
  return { ...s, stream: { ...s.stream, shardCount: 1, topology: [{ kind: 'split', at, shard: 0 }] } };
}

/** One record in three fails on its first delivery. */
const failOnce = (s: ScenarioParameters): StreamHandler => failSelected({ rbif: reportsItemFailures(s) });
const ack = (): StreamHandler => acknowledgeAll();

export const KILL_PLANS: readonly KillPlan[] = [
  {
    name: 'CheckpointAtHighestFailure',
    Mutant: CheckpointAtHighestFailure,
    rule: 'R38',
    scenarios: forgiving.chain((m) => scenario({ ...busy, mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: m }, faults: false })),
    handler: (s) => failSelected({ rbif: reportsItemFailures(s), every: 2 }),
  },
  {
    name: 'PartialCommitsWholeBatch',
    Mutant: PartialCommitsWholeBatch,
    rule: 'R38',
    scenarios: forgiving.chain((m) => scenario({ ...busy, mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: m }, faults: false })),
    handler: failOnce,
  },
  {
    name: 'BisectDropsBoundary',
    Mutant: BisectDropsBoundary,
    rule: 'R43',
    scenarios: forgiving.chain((m) => scenario({ ...busy, mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: [], maximumRetryAttempts: m }, faults: false })),
    handler: failOnce,
  },
  {
    name: 'BisectDuplicatesBoundary',
    Mutant: BisectDuplicatesBoundary,
    rule: 'R43',
    scenarios: forgiving.chain((m) => scenario({ ...busy, mapping: { bisectBatchOnFunctionError: true, functionResponseTypes: [], maximumRetryAttempts: m }, faults: false })),
    handler: failOnce,
  },
  {
    name: 'RetryCounterNeverReset',
    Mutant: RetryCounterNeverReset,
    rule: 'R39',
    scenarios: fc.integer({ min: 1, max: 3 }).chain((m) => scenario({ ...busy, mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: m }, faults: false })),
    // m + 1 failed deliveries of a record that was not first in its batch: survived with the R39 reset.
    handler: (s) => failSelected({ rbif: true, times: (s.mapping?.maximumRetryAttempts ?? 0) + 1, notFirst: true }),
  },
  {
    name: 'ThrottleCountsAsAttempt',
    Mutant: ThrottleCountsAsAttempt,
    rule: 'R33',
    scenarios: fc.integer({ min: 0, max: 2 }).chain((m) => scenario({ mapping: { maximumRetryAttempts: m }, faults: { kinds: ['throttle', 'error'] } })),
    handler: ack,
  },
  {
    name: 'RetryLimitOffByOne',
    Mutant: RetryLimitOffByOne,
    rule: 'R24',
    scenarios: fc
      .integer({ min: 0, max: 3 })
      .chain((m) => scenario({ survivable: false, mapping: { maximumRetryAttempts: m, bisectBatchOnFunctionError: false }, faults: { kinds: ['error', 'crash', 'reject'] } })),
    handler: dependencyFailures,
  },
  {
    name: 'AgeCheckedOnlyBeforeFirstAttempt',
    Mutant: AgeCheckedOnlyBeforeFirstAttempt,
    rule: 'R25',
    // Every invocation fails until a generated instant past the 60 s limit: retries outlive it.
    scenarios: fc
      .tuple(scenario({ ...busy, survivable: false, mapping: { maximumRecordAgeInSeconds: 60, maximumRetryAttempts: -1 }, faults: false }), fc.integer({ min: 61_000, max: 240_000 }))
      .map(([s, to]) => ({ ...s, faults: { invocations: [{ kind: 'error' as const, match: { to } }] } })),
    handler: ack,
  },
  {
    name: 'ChildBeforeParent',
    Mutant: ChildBeforeParent,
    rule: 'R7',
    // One shard that splits in the middle of the workload, while its batches are still being retried.
    scenarios: forgiving.chain((m) => scenario({ ...busy, shardCount: 1, mapping: { maximumRetryAttempts: m }, topology: false, faults: { kinds: ['throttle', 'error', 'disable'] } })).map(splitMidway),
    handler: (s) => failSelected({ rbif: reportsItemFailures(s), every: 2 }),
  },
  {
    name: 'ResumeAtTrimHorizon',
    Mutant: ResumeAtTrimHorizon,
    rule: 'R28',
    scenarios: scenario({ ...busy, faults: { kinds: ['restart', 'disable'], maxTimedFaults: 3 } }),
    handler: ack,
  },
  {
    name: 'ResumeAtLatest',
    Mutant: ResumeAtLatest,
    rule: 'R28',
    scenarios: forgiving.chain((m) => scenario({ ...busy, mapping: { maximumRetryAttempts: m }, faults: { kinds: ['restart', 'disable', 'throttle', 'error'], maxTimedFaults: 3 } })),
    handler: failOnce,
  },
  {
    name: 'DiscardWithoutPayload',
    Mutant: DiscardWithoutPayload,
    rule: 'R41',
    scenarios: fc.integer({ min: 0, max: 3 }).chain((m) => scenario({ survivable: false, mapping: { maximumRetryAttempts: m, destinationConfig: SQS }, faults: { kinds: ['error', 'crash', 'reject'] } })),
    handler: dependencyFailures,
  },
  {
    name: 'LanesByOrdinal',
    Mutant: LanesByOrdinal,
    rule: 'R26',
    scenarios: fc.tuple(fc.integer({ min: 2, max: 10 }), forgiving).chain(([pf, m]) => scenario({ ...busy, mapping: { parallelizationFactor: pf, maximumRetryAttempts: m } })),
    handler: failOnce,
  },
  {
    name: 'BatchOneTooLarge',
    Mutant: BatchOneTooLarge,
    rule: 'R19',
    scenarios: fc.integer({ min: 1, max: 5 }).chain((b) => scenario({ ...busy, mapping: { batchSize: b } })),
    handler: ack,
  },
];
