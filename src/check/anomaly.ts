/** How bad an anomaly is: a broken guarantee, a run that does not make progress, or a handler misbehaving towards the harness. */
export type AnomalyKind = 'correctness' | 'liveness' | 'harness';

/** The built-in invariants, each from the ESM rules (see `INVARIANTS`). */
export type InvariantName =
  | 'batch-limits'
  | 'first-delivery-order'
  | 'checkpoint-monotonic'
  | 'no-skip'
  | 'resume-from-checkpoint'
  | 'parent-before-child'
  | 'retry-bound'
  | 'age-bound'
  | 'destination-payload'
  | 'at-least-once'
  | 'progress-after-faults'
  | 'handler-hang'
  | 'handler-init'
  | 'non-error-throw'
  | 'floating-rejection'
  | 'unserializable-response'
  | 'item-identifier'
  | AdvisoryName;

/** Checks that report advisories: data on the verdict that never fails a run. */
export type AdvisoryName = 'event-mutation';

/**
 * One violation, as data: which invariant, the rule it comes from, and the minimal witnesses — the
 * trace events (by index into `trace.events`) and records (by ordinal) that show it.
 */
export interface Anomaly {
  readonly invariant: InvariantName;
  readonly kind: AnomalyKind;
  /** Rule id(s), e.g. `R38`, explained in docs/rules.md. */
  readonly rule: string;
  /** One sentence stating the fact, with record ordinals and sequence numbers; no formatting. */
  readonly summary: string;
  readonly shard?: number;
  readonly records: readonly number[];
  readonly events: readonly number[];
  /** Liveness: how long the anomaly held its shard up, in virtual milliseconds. */
  readonly blockedMs?: number;
}

/**
 * Something worth knowing about the handler that AWS tolerates, so it never fails a run (e.g. it
 * rewrote its event in place). Same witness fields as an anomaly; switched off with `disable` like one.
 */
export interface Advisory {
  readonly invariant: AdvisoryName;
  /** One sentence stating the fact; no formatting. */
  readonly summary: string;
  readonly shard?: number;
  readonly records: readonly number[];
  readonly events: readonly number[];
}

export interface Verdict {
  readonly valid: boolean;
  /** The most severe kind present (correctness > liveness > harness); null when valid. */
  readonly kind: AnomalyKind | null;
  readonly anomalies: readonly Anomaly[];
  /** Invariants the caller switched off, with the reason given (see `CheckOptions.disable`). */
  readonly disabled?: readonly { readonly invariant: InvariantName; readonly reason: string }[];
  /** Advisories found (only when there are any); they do not affect `valid` or `kind`. */
  readonly advisories?: readonly Advisory[];
}
