import type { DecidedOutcome } from '../../src/mapping/decideOutcome.js';
import type { HandlerTarget } from '../../src/mapping/handlerTypes.js';
import type { OnFailureInput } from '../../src/mapping/onFailureMessage.js';
import { PENDING, SKIPPED, type Segment, type ShardState } from '../../src/mapping/ShardState.js';
import { Simulator, type SimulateOptions } from '../../src/mapping/Simulator.js';
import { resolveScenario, type Scenario, type ScenarioParameters } from '../../src/scenario/index.js';
import { buildStreamHistory, type StreamHistory, type StreamRecord } from '../../src/stream/index.js';
import type { Trace } from '../../src/trace/index.js';
import type { OnFailureMessage } from '../../src/trace/index.js';

/*
 * Deliberately broken simulators, each violating exactly one ESM rule through one of the
 * simulator's protected seams (issue 4, "Mutants"). They exist only to prove the checker catches
 * each violation: `properties/mutantsAreKilled.test.ts` runs them on generated scenarios and
 * requires an invalid verdict for each. Nothing outside the properties uses them.
 */

export type SimulatorClass = new (scenario: Scenario, history: StreamHistory, target: HandlerTarget, options?: SimulateOptions) => Simulator;

/** Runs one scenario under `Mutant` (or the correct `Simulator`), as `simulate` does. */
export async function simulateWith(Mutant: SimulatorClass, parameters: ScenarioParameters | Scenario, target: HandlerTarget, options: SimulateOptions = {}): Promise<Trace> {
  const scenario = Object.isFrozen(parameters) && 'semantics' in parameters && 'timing' in parameters ? (parameters as Scenario) : resolveScenario(parameters as ScenarioParameters);
  const history = buildStreamHistory(scenario);
  // A broken simulator may loop (a bisect that never shrinks): the dispatch cap ends it.
  return new Mutant(scenario, history, target, { maxDispatches: 20_000, ...options }).run();
}

/** The `itemIdentifier`s of a partial response that name records of the batch. */
function reportedIndexes(records: readonly StreamRecord[], outcome: DecidedOutcome): number[] {
  const failures = (outcome.response as { batchItemFailures?: unknown } | undefined)?.batchItemFailures;
  if (!Array.isArray(failures)) return [];
  const out: number[] = [];
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index = records.findIndex((r) => r.seq === id);
    if (index >= 0) out.push(index);
  }
  return out;
}

/** R38: checkpoints at the highest reported failure instead of the lowest (commits failed records before it). */
export class CheckpointAtHighestFailure extends Simulator {
  protected override partialCommitIndex(records: readonly StreamRecord[], outcome: DecidedOutcome): number {
    const indexes = reportedIndexes(records, outcome);
    return indexes.length === 0 ? super.partialCommitIndex(records, outcome) : Math.max(...indexes);
  }
}

/** R38: a partial response commits the whole batch, as if it were a complete success. */
export class PartialCommitsWholeBatch extends Simulator {
  protected override partialCommitIndex(records: readonly StreamRecord[]): number {
    return records.length;
  }
}

/** R43: bisect loses the last record of the left half (it is never delivered again nor settled). */
export class BisectDropsBoundary extends Simulator {
  protected override split(records: readonly StreamRecord[]): [readonly StreamRecord[], readonly StreamRecord[]] {
    const mid = Math.ceil(records.length / 2);
    return [records.slice(0, mid - 1), records.slice(mid)];
  }
}

/**
 * R43: bisect puts the boundary record in both halves, so it is delivered again after its half
 * committed it. (Batches of two split correctly: a right half as large as the batch would never
 * shrink.)
 */
export class BisectDuplicatesBoundary extends Simulator {
  protected override split(records: readonly StreamRecord[]): [readonly StreamRecord[], readonly StreamRecord[]] {
    const mid = Math.ceil(records.length / 2);
    if (records.length < 3) return super.split(records);
    return [records.slice(0, mid), records.slice(mid - 1)];
  }
}

/** R39: the retry counter is never reset when a partial response advances the checkpoint. */
export class RetryCounterNeverReset extends Simulator {
  protected override resetsRetriesOnPartialProgress(): boolean {
    return false;
  }
}

/** R33: throttles (NOT_INVOKED) count as attempts against `maximumRetryAttempts`. */
export class ThrottleCountsAsAttempt extends Simulator {
  protected override throttleCountsAsAttempt(): boolean {
    return true;
  }
}

/** R24: one retry too many: `maximumRetryAttempts` m allows m + 2 invocations. */
export class RetryLimitOffByOne extends Simulator {
  protected override retriesExhausted(attempts: number): boolean {
    const m = this.scenario.mapping.maximumRetryAttempts;
    return m !== -1 && attempts > m + 1;
  }
}

/** R25: the record age is checked before the first invocation of a record set only, not before retries. */
export class AgeCheckedOnlyBeforeFirstAttempt extends Simulator {
  protected override checksAgeBefore(segment: Segment): boolean {
    return segment.records.length > 0 && segment.attempts === 0;
  }
}

/** R7: child shards start on their own, without waiting for their parents to drain. */
export class ChildBeforeParent extends Simulator {
  protected override startsOnItsOwn(): boolean {
    return true;
  }
}

/** R28: disable/enable and poller restarts resume at TRIM_HORIZON (everything is pending again) instead of the checkpoint. */
export class ResumeAtTrimHorizon extends Simulator {
  protected override resume(shard: ShardState): void {
    shard.checkpoint = 0;
    shard.resetToCheckpoint(); // every record not lost to the stream is pending again; lanes at 0
  }
}

/** R28: disable/enable and poller restarts resume at LATEST: records written so far are silently skipped. */
export class ResumeAtLatest extends Simulator {
  protected override resume(shard: ShardState): void {
    shard.resetToCheckpoint();
    let from = shard.checkpoint;
    for (let i = shard.checkpoint; i < shard.records.length && shard.records[i]!.createdAt <= this.now; i++) {
      if (shard.state[i] === PENDING) shard.state[i] = SKIPPED;
      from = i + 1;
    }
    for (const lane of shard.lanes) lane.reset(from);
  }
}

/** R41: records are discarded without the OnFailure destination message, even with a destination configured. */
export class DiscardWithoutPayload extends Simulator {
  protected override failureMessage(_input: OnFailureInput | undefined): OnFailureMessage | null {
    return null;
  }
}

/** R26: PF lanes keyed by record ordinal instead of partition key, so one key's records spread over lanes. */
export class LanesByOrdinal extends Simulator {
  protected override laneHash(record: StreamRecord): number {
    return record.ordinal;
  }
}

/** R19: a batch may hold one record more than `batchSize`. */
export class BatchOneTooLarge extends Simulator {
  protected override batchSizeLimit(): number {
    return this.scenario.mapping.batchSize + 1;
  }
}

export interface MutantInfo {
  readonly name: string;
  readonly Mutant: SimulatorClass;
  /** Spec rule the mutant violates. */
  readonly rule: string;
  readonly description: string;
}

export const MUTANTS: readonly MutantInfo[] = [
  { name: 'CheckpointAtHighestFailure', Mutant: CheckpointAtHighestFailure, rule: 'R38', description: 'checkpoint at the highest instead of the lowest reported failure' },
  { name: 'PartialCommitsWholeBatch', Mutant: PartialCommitsWholeBatch, rule: 'R38', description: 'a partial response commits the whole batch' },
  { name: 'BisectDropsBoundary', Mutant: BisectDropsBoundary, rule: 'R43', description: 'bisect drops the boundary record' },
  { name: 'BisectDuplicatesBoundary', Mutant: BisectDuplicatesBoundary, rule: 'R43', description: 'bisect puts the boundary record in both halves' },
  { name: 'RetryCounterNeverReset', Mutant: RetryCounterNeverReset, rule: 'R39', description: 'retry counter not reset after partial progress' },
  { name: 'ThrottleCountsAsAttempt', Mutant: ThrottleCountsAsAttempt, rule: 'R33', description: 'throttles counted as retries' },
  { name: 'RetryLimitOffByOne', Mutant: RetryLimitOffByOne, rule: 'R24', description: 'm + 2 invocations allowed' },
  { name: 'AgeCheckedOnlyBeforeFirstAttempt', Mutant: AgeCheckedOnlyBeforeFirstAttempt, rule: 'R25', description: 'record age not checked before retries' },
  { name: 'ChildBeforeParent', Mutant: ChildBeforeParent, rule: 'R7', description: 'child shard read before its parent drained' },
  { name: 'ResumeAtTrimHorizon', Mutant: ResumeAtTrimHorizon, rule: 'R28', description: 're-enable/restart resumes at TRIM_HORIZON' },
  { name: 'ResumeAtLatest', Mutant: ResumeAtLatest, rule: 'R28', description: 're-enable/restart resumes at LATEST' },
  { name: 'DiscardWithoutPayload', Mutant: DiscardWithoutPayload, rule: 'R41', description: 'discard without destination payload' },
  { name: 'LanesByOrdinal', Mutant: LanesByOrdinal, rule: 'R26', description: 'PF lanes not keyed by partition key' },
  { name: 'BatchOneTooLarge', Mutant: BatchOneTooLarge, rule: 'R19', description: 'batch one record larger than batchSize' },
];
