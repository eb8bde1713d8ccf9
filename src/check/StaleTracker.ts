import * as C from './eventCodes.js';
import type { TraceColumns } from './traceColumns.js';

/**
 * Marks invocations the mapping can no longer act on (R28): those in flight when it is disabled or
 * restarted. A lane has at most one invocation in flight (R30, R49).
 */
export class StaleTracker {
  /** By lane slot (shard × 16 + lane): the invoke in flight, or -1. */
  private readonly inFlight: Int32Array;

  constructor(
    private readonly cols: TraceColumns,
    shards: number,
  ) {
    this.inFlight = new Int32Array(shards * 16).fill(-1);
  }

  invoke(at: number, shard: number, lane: number): void {
    const slot = shard * 16 + lane;
    if (slot >= 0 && slot < this.inFlight.length) this.inFlight[slot] = at;
  }

  settle(invokeAt: number): void {
    if (invokeAt < 0) return;
    const slot = this.cols.shard[invokeAt]! * 16 + this.cols.lane[invokeAt]!;
    if (this.inFlight[slot] === invokeAt) this.inFlight[slot] = -1;
  }

  reset(): void {
    for (let slot = 0; slot < this.inFlight.length; slot++) {
      const at = this.inFlight[slot]!;
      if (at >= 0) this.cols.flags[at] = this.cols.flags[at]! | C.STALE;
    }
  }
}
