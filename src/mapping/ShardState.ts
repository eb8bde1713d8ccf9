import type { Millis } from '../core/index.js';
import type { ShardHistory, StreamRecord } from '../stream/streamHistory.js';

/** Per-record state within a shard. Anything but PENDING is settled (the checkpoint may pass it). */
export const PENDING = 0;
export const COMMITTED = 1;
export const DISCARDED = 2;
export const TRIMMED = 3;
export const SKIPPED = 4;

/** A record set being worked on by a lane: a batch, a bisected half, or a partial suffix. */
export interface Segment {
  records: readonly StreamRecord[];
  /** Invocations of this record set that reached the function (R24, R39). */
  attempts: number;
  /** Request id and outcome of the last invocation, for the OnFailure message. */
  lastRequestId: string | undefined;
  lastWasFunctionError: boolean;
  readonly duplicate: boolean;
}

export class LaneState {
  /** Next shard index this lane has not taken (records of other lanes are ignored). */
  cursor = 0;
  /** Work stack; the last entry is processed next (bisect pushes right, then left). */
  readonly segments: Segment[] = [];
  /** Spontaneous redeliveries waiting for the lane to be idle (R48). */
  readonly duplicates: Segment[] = [];
  inFlight = false;
  /** No dispatch before this instant (retry backoff, throttle). */
  waitUntil: Millis = 0;
  /** Start of the current batching window (R20), when one is open. */
  windowStart: Millis | undefined;
  /** Bumped on disable/restart: completions of an older generation are stale. */
  generation = 0;
  /** The lane's last dispatch failed and its record set is being retried. */
  failing = false;
  /** Earliest wake already queued, to avoid flooding the agenda. */
  wakeAt: Millis | undefined;

  constructor(
    readonly shard: ShardState,
    readonly lane: number,
  ) {}

  reset(from: number): void {
    this.cursor = from;
    this.segments.length = 0;
    this.duplicates.length = 0;
    this.waitUntil = 0;
    this.windowStart = undefined;
    this.generation++;
    this.failing = false;
  }
}

export class ShardState {
  readonly state: Uint8Array;
  /** Lane of each record (R26). */
  readonly laneOf: Uint8Array;
  readonly lanes: LaneState[];
  /** Index of the first unsettled record: everything before it is checkpointed. */
  checkpoint = 0;
  ready = false;
  finished = false;
  lastCommitted: { lane: number; records: readonly StreamRecord[] } | undefined;

  constructor(
    readonly history: ShardHistory,
    parallelizationFactor: number,
    laneKey: (record: StreamRecord) => number,
  ) {
    const count = history.records.length;
    this.state = new Uint8Array(count);
    this.laneOf = new Uint8Array(count);
    for (let i = 0; i < count; i++) this.laneOf[i] = laneKey(history.records[i]!) % parallelizationFactor;
    this.lanes = Array.from({ length: parallelizationFactor }, (_, lane) => new LaneState(this, lane));
  }

  get ordinal(): number {
    return this.history.ordinal;
  }

  get records(): readonly StreamRecord[] {
    return this.history.records;
  }

  /** Moves the checkpoint over settled records; returns whether it moved. */
  advanceCheckpoint(): boolean {
    const before = this.checkpoint;
    while (this.checkpoint < this.state.length && this.state[this.checkpoint] !== PENDING) this.checkpoint++;
    return this.checkpoint !== before;
  }

  /** Closed and fully checkpointed: its children may be read (R7). */
  isDrained(now: Millis): boolean {
    const closedAt = this.history.closedAt;
    return closedAt !== undefined && closedAt <= now && this.checkpoint === this.state.length;
  }

  /**
   * Resume from the checkpoint (R28): everything after it is read again, except what the
   * stream itself lost.
   */
  resetToCheckpoint(): void {
    for (let i = this.checkpoint; i < this.state.length; i++) {
      if (this.state[i] !== TRIMMED) this.state[i] = PENDING;
    }
    this.lastCommitted = undefined;
    for (const lane of this.lanes) lane.reset(this.checkpoint);
  }
}
