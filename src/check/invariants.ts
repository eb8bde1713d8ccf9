import type { AnomalyKind, InvariantName } from './anomaly.js';

/** One built-in invariant, as data (the README's "What shardcheck checks" is written from these). */
export interface InvariantInfo {
  readonly name: InvariantName;
  readonly kind: AnomalyKind;
  /** Rule ids the invariant comes from, explained in docs/rules.md. */
  readonly rules: readonly string[];
  /** One sentence. */
  readonly description: string;
}

/** Every built-in invariant, in the order `check` runs them. */
export const INVARIANTS: readonly InvariantInfo[] = [
  {
    name: 'batch-limits',
    kind: 'correctness',
    rules: ['R19', 'R21'],
    description: 'Every invocation holds at most BatchSize records, all from one shard, in shard order, within the 6 MB payload limit.',
  },
  {
    name: 'first-delivery-order',
    kind: 'correctness',
    rules: ['R26', 'R46', 'I2'],
    description:
      'Records are delivered for the first time in sequence order per shard (per partition-key lane when ParallelizationFactor > 1), and never before every earlier record of the shard (lane) was acknowledged, discarded, trimmed or skipped.',
  },
  {
    name: 'checkpoint-monotonic',
    kind: 'correctness',
    rules: ['R38', 'R42', 'I4'],
    description: "A shard's checkpoint never moves backwards and always names a record of that shard.",
  },
  {
    name: 'no-skip',
    kind: 'correctness',
    rules: ['R32', 'R38', 'R42', 'R57'],
    description: 'The checkpoint never passes a record that was neither acknowledged by the function, discarded, trimmed nor skipped by a LATEST start.',
  },
  {
    name: 'resume-from-checkpoint',
    kind: 'correctness',
    rules: ['R28'],
    description:
      'A disabled mapping invokes nothing new; after re-enabling or a poller restart each lane resumes at the first unsettled record after the checkpoint, and no record at or before the checkpoint is delivered again except as a flagged duplicate.',
  },
  {
    name: 'parent-before-child',
    kind: 'correctness',
    rules: ['R7', 'R16', 'I3'],
    description: 'No record of a child shard is delivered before every record of each of its parents is checkpointed.',
  },
  {
    name: 'retry-bound',
    kind: 'correctness',
    rules: ['R24', 'R33', 'R39', 'R43', 'I5'],
    description:
      'With MaximumRetryAttempts m ≥ 0 a record set reaches the function at most m + 1 times before it is committed, split, advanced by a partial response or discarded, and is discarded as RetryAttemptsExhausted only after exactly m + 1 (throttles never count); with m = -1 never.',
  },
  {
    name: 'age-bound',
    kind: 'correctness',
    rules: ['R25', 'R33', 'I6'],
    description:
      'With MaximumRecordAgeInSeconds a, no record older than a is invoked (spontaneous duplicates aside) and only records older than a are discarded as RecordAgeExceeded; with a = -1 none is.',
  },
  {
    name: 'destination-payload',
    kind: 'correctness',
    rules: ['R41', 'R42'],
    description:
      'With an OnFailure destination every discard sends one message whose batch info and condition describe exactly the discarded records; without one, none is sent.',
  },
  {
    name: 'at-least-once',
    kind: 'correctness',
    rules: ['R42', 'R57', 'I1'],
    description: 'When a run drains (or stalls with the mapping enabled), every record was acknowledged by the function, discarded, trimmed or skipped by a LATEST start.',
  },
  {
    name: 'progress-after-faults',
    kind: 'liveness',
    rules: ['R32', 'R34'],
    description:
      'No record is discarded or trimmed after the handler failed on it on its own (not because of an injected fault) — such a poison record is reported with the shard it blocked and for how long — and a run that does not drain while the mapping is enabled is reported.',
  },
  {
    name: 'handler-behaviour',
    kind: 'harness',
    rules: [],
    description:
      'The handler does not hang, mutate its event, throw non-Error values, leave floating rejections or uncaught exceptions, fail to initialise or return a response that cannot be serialised.',
  },
];

const BY_NAME = new Map(INVARIANTS.map((info) => [info.name, info]));

/** The invariant's entry in `INVARIANTS`. */
export function invariantInfo(name: InvariantName): InvariantInfo {
  const info = BY_NAME.get(name);
  if (info === undefined) throw new Error(`invariantInfo: unknown invariant (got ${JSON.stringify(name)})`);
  return info;
}
