import type { Millis } from '../core/index.js';
import type { StreamRecord } from '../stream/streamHistory.js';
import { PENDING, TRIMMED, type LaneState } from './ShardState.js';

/** R21: the synchronous invocation payload limit. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** R8: one DynamoDB Streams GetRecords call returns at most 1000 records. */
export const GET_RECORDS_LIMIT = 1000;
/** `{"Records":[` + `]}` */
const EVENT_OVERHEAD_BYTES = 14;

export interface BatchLimits {
  readonly batchSize: number;
  readonly windowMs: Millis;
}

export type BatchPlan =
  | {
      readonly kind: 'take';
      readonly records: StreamRecord[];
      /**
       * Records of this lane the poll read (the batch is a prefix of them): what was visible, up to
       * one GetRecords page (R8) or the batch size if larger, so a backlog costs a poll no more.
       */
      readonly seen: number;
      readonly cut: 'size' | 'payload' | 'window' | 'available';
    }
  /** Nothing to invoke yet; `until` is when it may change (undefined: never, on its own). */
  | { readonly kind: 'wait'; readonly until: Millis | undefined };

/**
 * Decides the lane's next batch at `now` (R19–R21): up to batchSize records of this lane, in shard
 * order, under 6 MB; with a batching window, wait until it closes unless the batch fills first.
 * Records found trimmed at the read position are marked and returned in `trimmed`.
 */
export function planBatch(lane: LaneState, now: Millis, limits: BatchLimits, trimmed: StreamRecord[]): BatchPlan {
  const { records, laneOf, state } = lane.shard;
  const taken: StreamRecord[] = [];
  let bytes = EVENT_OVERHEAD_BYTES;
  let cut: 'size' | 'payload' | undefined;
  let seen = 0;
  let next: StreamRecord | undefined;
  const readLimit = Math.max(GET_RECORDS_LIMIT, limits.batchSize);
  for (let i = lane.cursor; i < records.length && seen < readLimit; i++) {
    if (laneOf[i] !== lane.lane || state[i] !== PENDING) continue;
    const record = records[i]!;
    if (record.createdAt > now) {
      next = record;
      break;
    }
    if (record.trimAt <= now) {
      state[i] = TRIMMED;
      trimmed.push(record);
      continue;
    }
    seen++;
    if (cut !== undefined) continue;
    if (taken.length > 0 && bytes + record.payloadBytes > MAX_PAYLOAD_BYTES) {
      cut = 'payload';
      continue;
    }
    taken.push(record);
    bytes += record.payloadBytes;
    if (taken.length === limits.batchSize) cut = 'size';
  }
  if (taken.length === 0) return { kind: 'wait', until: next?.createdAt };
  if (cut !== undefined) return { kind: 'take', records: taken, seen, cut };
  if (limits.windowMs === 0) return { kind: 'take', records: taken, seen, cut: 'available' };
  lane.windowStart ??= now;
  const closes = lane.windowStart + limits.windowMs;
  if (now >= closes) return { kind: 'take', records: taken, seen, cut: 'window' };
  // Wake when the window closes or the next record could fill the batch, whichever is first.
  return { kind: 'wait', until: next === undefined ? closes : Math.min(closes, next.createdAt) };
}
