import type { Millis } from '../core/index.js';

/**
 * Which dispatches an invocation fault applies to. Every given field must match (AND); an empty
 * match applies to every dispatch. A dispatch is one attempt to invoke the function for a batch,
 * numbered from 0 in the order the simulator starts them (throttled ones included).
 */
export interface InvocationMatch {
  readonly dispatch?: number;
  readonly shard?: number;
  readonly lane?: number;
  /** Attempt number of the current record set (1 = first delivery of that set). */
  readonly attempt?: number;
  /** Stream record ordinal the batch must contain. */
  readonly record?: number;
  /** Start-time window [from, to). */
  readonly from?: Millis;
  readonly to?: Millis;
}

/**
 * - `throttle`: NOT_INVOKED (R31, R33); the handler is not called, no retry is counted, no bisect.
 * - `error`: a function error before the handler runs (init or runtime failure).
 * - `timeout`: the handler runs and its effects stay, but the response is lost as a timeout; the
 *   environment is recycled.
 * - `crash`: the runtime dies after the handler ran (or, when dependencies are wrapped, at its
 *   `afterCalls`-th dependency call); partial effects stay, the environment is recycled.
 */
export type InvocationFaultKind = 'throttle' | 'error' | 'timeout' | 'crash';

export interface InvocationFault {
  readonly kind: InvocationFaultKind;
  readonly match: InvocationMatch;
  /** Fire at most this many times (default: every matching dispatch). */
  readonly times?: number;
  /** For `crash`: the dependency call after which the invocation dies. */
  readonly afterCalls?: number;
}

/**
 * Faults that happen at a virtual instant rather than to a dispatch.
 * - `disable` / `enable`: the mapping's Enabled flag (R28); re-enable resumes from the checkpoint.
 * - `restart`: a poller restart; in-flight work completes, then reading resumes from the checkpoint.
 * - `duplicate`: the shard's last committed batch is delivered once more (R48).
 * - `reclaim`: every idle execution environment is reclaimed (module state lost).
 */
export type TimedFault =
  | { readonly kind: 'disable'; readonly at: Millis }
  | { readonly kind: 'enable'; readonly at: Millis }
  | { readonly kind: 'restart'; readonly at: Millis }
  | { readonly kind: 'duplicate'; readonly at: Millis; readonly shard: number }
  | { readonly kind: 'reclaim'; readonly at: Millis };

/**
 * Which calls a dependency fault applies to (all given fields must match). Calls are numbered
 * from 0 across the run in the order the handler makes them; `nth` counts from 1 within a dispatch;
 * `from`/`to` bound the virtual instant of the call, so a fault can land late in a run.
 */
export interface DependencyMatch {
  readonly call?: number;
  readonly dispatch?: number;
  readonly nth?: number;
  /** Member path as the proxy names it, e.g. `store.put` or `ddb.send(PutCommand)`. */
  readonly path?: string;
  /** Calls at or after this virtual instant (ms). */
  readonly from?: Millis;
  /** Calls before this virtual instant (ms). */
  readonly to?: Millis;
  /**
   * Each matching call is picked with this probability (0 < p ≤ 1), decided per call from the
   * scenario's seed: a flaky dependency rather than one bad call.
   */
  readonly probability?: number;
}

/**
 * - `reject`: the call fails before reaching the dependency (nothing applied).
 * - `applyThenReject`: the call is applied, then the caller sees an error: the indeterminate
 *   outcome of a timeout (Jepsen's `:info`).
 * - `defer`: the call is held back and runs when the interleaving releases it, so concurrent calls
 *   can run in any order.
 */
export type DependencyFaultKind = 'reject' | 'applyThenReject' | 'defer';

/** How an injected dependency error looks (SDK clients get AWS-shaped errors). */
export type DependencyErrorKind = 'throttle' | 'timeout' | 'internal';

export interface DependencyFault {
  readonly kind: DependencyFaultKind;
  readonly match: DependencyMatch;
  readonly times?: number;
  /** Default: `throttle` for `reject`, `timeout` for `applyThenReject`. */
  readonly error?: DependencyErrorKind;
}

export interface FaultSchedule {
  readonly invocations: readonly InvocationFault[];
  readonly timed: readonly TimedFault[];
  readonly dependencies: readonly DependencyFault[];
}

export const NO_FAULTS: FaultSchedule = { invocations: [], timed: [], dependencies: [] };
