import type { Millis } from '../core/index.js';
import type { Timing } from '../scenario/timing.js';

/** Delay before retrying after the n-th failed attempt (n ≥ 1): doubling from the base, capped. */
export function retryDelay(timing: Pick<Timing, 'retryBaseMs' | 'retryMaxMs'>, failedAttempts: number): Millis {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(timing.retryBaseMs * 2 ** exponent, timing.retryMaxMs);
}
