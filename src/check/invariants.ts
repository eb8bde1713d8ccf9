import type { AnomalyKind, InvariantName } from './anomaly.js';

/** What a check reports: anomalies of one kind, or advisories that never fail a run. */
export type CheckKind = AnomalyKind | 'advisory';

/** One built-in invariant, as data (the README's "What shardcheck checks" is written from these). */
export interface InvariantInfo {
  readonly name: InvariantName;
  readonly kind: CheckKind;
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
    name: 'handler-hang',
    kind: 'harness',
    rules: [],
    description: 'Every invocation settles: neither the handler nor its cold start runs until the real-time guard cuts it off.',
  },
  {
    name: 'handler-init',
    kind: 'harness',
    rules: [],
    description: "The handler's cold start (createHandler, module initialisation) does not fail.",
  },
  {
    name: 'non-error-throw',
    kind: 'harness',
    rules: [],
    description: 'The handler throws, rejects with and passes to its callback only Error objects, never strings or other values.',
  },
  {
    name: 'floating-rejection',
    kind: 'harness',
    rules: [],
    description: 'No promise the handler leaves floating rejects unhandled and no exception escapes from its timers or event emitters, during or after its invocation.',
  },
  {
    name: 'unserializable-response',
    kind: 'harness',
    rules: [],
    description: "The handler's response can be serialised to JSON.",
  },
  {
    name: 'item-identifier',
    kind: 'harness',
    rules: ['R35', 'R37'],
    description:
      'With ReportBatchItemFailures, every itemIdentifier in batchItemFailures is the SequenceNumber of a record of the batch; anything else makes AWS retry the whole batch.',
  },
  {
    name: 'event-mutation',
    kind: 'advisory',
    rules: [],
    description:
      'Advisory, never a failure: the handler does not modify its event object in place (harmless on AWS, where each invocation gets a fresh event, but code that reuses what it changed breaks).',
  },
];

const BY_NAME = new Map(INVARIANTS.map((info) => [info.name, info]));

/** The invariant's entry in `INVARIANTS`. */
export function invariantInfo(name: InvariantName): InvariantInfo {
  const info = BY_NAME.get(name);
  if (info === undefined) throw new Error(`invariantInfo: unknown invariant (got ${JSON.stringify(name)})`);
  return info;
}

/**
 * Names that stored options may still hold but no longer exist, with the checks that replaced
 * them: `disable` must name the new checks, since switching all of them off at once is rarely meant.
 */
export const RETIRED_INVARIANTS: Readonly<Record<string, readonly InvariantName[]>> = {
  'handler-behaviour': ['handler-hang', 'handler-init', 'non-error-throw', 'floating-rejection', 'unserializable-response', 'item-identifier', 'event-mutation'],
};

/** The message for a retired check name in `disable` (at option path `path`), or undefined when `name` is not retired. */
export function retiredInvariantMessage(path: string, name: string): string | undefined {
  const replaced = Object.hasOwn(RETIRED_INVARIANTS, name) ? RETIRED_INVARIANTS[name] : undefined;
  if (replaced === undefined) return undefined;
  const list = `${replaced.slice(0, -1).join(', ')} and ${replaced.at(-1)}`;
  return `${path} no longer accepts ${JSON.stringify(name)}: it was split into ${list}; disable only the ones you mean (got ${JSON.stringify(name)})`;
}
