import type { Millis } from '../core/index.js';

/** Virtual-time constants of the simulated service; undocumented by AWS, so they are knobs (docs/rules.md, Knobs). */
export interface Timing {
  /** R29: DynamoDB shards are polled 4 times per second. */
  readonly pollIntervalMs: Millis;
  /** R22: LATEST starts at a random point in [0, this] after the mapping is created. */
  readonly latestStartJitterMs: Millis;
  /** Not published by AWS (docs/rules.md, Knobs): retry delay after the n-th failed attempt is min(base * 2^(n-1), max). */
  readonly retryBaseMs: Millis;
  readonly retryMaxMs: Millis;
  /** Delay before a throttled (NOT_INVOKED) batch is tried again. */
  readonly throttleRetryMs: Millis;
  /** Virtual time an invocation takes when no fault says otherwise. */
  readonly invocationMs: Millis;
}

export const DEFAULT_TIMING: Timing = {
  pollIntervalMs: 250,
  latestStartJitterMs: 90_000,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
  throttleRetryMs: 1_000,
  invocationMs: 0,
};
