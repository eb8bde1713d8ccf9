import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, planBatch, type BatchLimits } from '../../src/mapping/planBatch.js';
import { COMMITTED, PENDING, ShardState, TRIMMED, type LaneState } from '../../src/mapping/ShardState.js';
import type { ShardHistory, StreamRecord } from '../../src/stream/streamHistory.js';

const OVERHEAD = '{"Records":['.length + ']}'.length;
const MB = 1024 * 1024;

interface Spec {
  readonly at?: number;
  readonly bytes?: number;
  readonly trimAt?: number;
  /** Lane routing key: records with key k go to lane k % PF. */
  readonly lane?: number;
}

/** A shard whose records are exactly as specified (the event itself is irrelevant to planning). */
function shardOf(specs: readonly Spec[], parallelizationFactor = 1): ShardState {
  const records = specs.map(
    (spec, index): StreamRecord => ({
      shard: 0,
      index,
      ordinal: index,
      seq: String(1000 + index).padStart(21, '0'),
      createdAt: spec.at ?? 0,
      trimAt: spec.trimAt ?? 86_400_000,
      itemKey: `k${index}`,
      partitionKey: `k${index}`,
      eventName: 'INSERT',
      opIndex: index,
      payloadBytes: spec.bytes ?? 100,
      event: {},
    }),
  );
  const history: ShardHistory = { ordinal: 0, id: 'shardId-test', parents: [], createdAt: 0, closedAt: undefined, records };
  const lanes = new Map(records.map((r, i) => [r, specs[i]!.lane ?? 0]));
  return new ShardState(history, parallelizationFactor, (r) => lanes.get(r)!);
}

const limits = (batchSize: number, windowMs = 0): BatchLimits => ({ batchSize, windowMs });
const indexes = (plan: ReturnType<typeof planBatch>) => (plan.kind === 'take' ? plan.records.map((r) => r.index) : plan);

function plan(lane: LaneState, now: number, l: BatchLimits) {
  const trimmed: StreamRecord[] = [];
  const result = planBatch(lane, now, l, trimmed);
  return { result, trimmed: trimmed.map((r) => r.index) };
}

describe('planBatch', () => {
  describe('R19: batch size', () => {
    it('cuts at batchSize and reports everything visible as seen', () => {
      const lane = shardOf(Array.from({ length: 5 }, () => ({}))).lanes[0]!;
      const { result } = plan(lane, 0, limits(3));
      expect(result).toMatchObject({ kind: 'take', cut: 'size', seen: 5 });
      expect(indexes(result)).toEqual([0, 1, 2]);
    });

    it('R8: a poll reads at most one GetRecords page (1000 records) beyond a smaller batch, or the batch size when larger, however long the backlog', () => {
      const lane = () => shardOf(Array.from({ length: 5000 }, () => ({}))).lanes[0]!;
      expect(plan(lane(), 0, limits(100)).result).toMatchObject({ kind: 'take', cut: 'size', seen: 1000 });
      expect(plan(lane(), 0, limits(2000)).result).toMatchObject({ kind: 'take', cut: 'size', seen: 2000 });
    });

    it('takes what is available when fewer than batchSize and no window', () => {
      const lane = shardOf([{}, {}]).lanes[0]!;
      const { result } = plan(lane, 0, limits(10));
      expect(result).toMatchObject({ kind: 'take', cut: 'available', seen: 2 });
      expect(indexes(result)).toEqual([0, 1]);
    });

    it('exactly batchSize records is a size cut', () => {
      const lane = shardOf([{}, {}, {}]).lanes[0]!;
      expect(plan(lane, 0, limits(3)).result).toMatchObject({ kind: 'take', cut: 'size', seen: 3 });
    });

    it('starts at the lane cursor and takes only pending records of this lane, in shard order', () => {
      const shard = shardOf([{ lane: 0 }, { lane: 1 }, { lane: 0 }, { lane: 0 }, { lane: 1 }, { lane: 0 }, { lane: 0 }], 2);
      shard.state[3] = COMMITTED;
      const lane0 = shard.lanes[0]!;
      lane0.cursor = 2;
      expect(indexes(plan(lane0, 0, limits(2)).result)).toEqual([2, 5]);
      expect(indexes(plan(shard.lanes[1]!, 0, limits(10)).result)).toEqual([1, 4]);
    });

    it('records not yet written are invisible', () => {
      const lane = shardOf([{ at: 0 }, { at: 100 }, { at: 200 }]).lanes[0]!;
      const { result } = plan(lane, 100, limits(10));
      expect(result).toMatchObject({ kind: 'take', cut: 'available', seen: 2 });
      expect(indexes(result)).toEqual([0, 1]);
    });
  });

  describe('R21: the 6 MB payload cap', () => {
    it('cuts before the record that would exceed 6 MB', () => {
      const lane = shardOf([{ bytes: 2 * MB }, { bytes: 2 * MB }, { bytes: 2 * MB }, { bytes: 10 }]).lanes[0]!;
      const { result } = plan(lane, 0, limits(100));
      expect(result).toMatchObject({ kind: 'take', cut: 'payload', seen: 4 });
      expect(indexes(result)).toEqual([0, 1]);
    });

    it('a payload of exactly 6 MB fits', () => {
      const half = (MAX_PAYLOAD_BYTES - OVERHEAD) / 2;
      expect(Number.isInteger(half)).toBe(true);
      const lane = shardOf([{ bytes: half }, { bytes: half }, { bytes: 1 }]).lanes[0]!;
      const { result } = plan(lane, 0, limits(100));
      expect(result).toMatchObject({ kind: 'take', cut: 'payload' });
      expect(indexes(result)).toEqual([0, 1]);
      const fits = shardOf([{ bytes: half }, { bytes: half }]).lanes[0]!;
      expect(plan(fits, 0, limits(100)).result).toMatchObject({ kind: 'take', cut: 'available' });
    });

    it('one byte over is cut', () => {
      const half = (MAX_PAYLOAD_BYTES - OVERHEAD) / 2;
      const lane = shardOf([{ bytes: half }, { bytes: half + 1 }]).lanes[0]!;
      const { result } = plan(lane, 0, limits(100));
      expect(result).toMatchObject({ kind: 'take', cut: 'payload' });
      expect(indexes(result)).toEqual([0]);
    });

    it('always takes at least one record, even one larger than 6 MB', () => {
      const lane = shardOf([{ bytes: 7 * MB }, { bytes: 10 }]).lanes[0]!;
      const { result } = plan(lane, 0, limits(100));
      expect(result).toMatchObject({ kind: 'take', cut: 'payload', seen: 2 });
      expect(indexes(result)).toEqual([0]);
      const alone = shardOf([{ bytes: 7 * MB }]).lanes[0]!;
      expect(indexes(plan(alone, 0, limits(100)).result)).toEqual([0]);
    });

    it('the payload cut takes a prefix: a later small record does not jump the queue', () => {
      const lane = shardOf([{ bytes: 4 * MB }, { bytes: 4 * MB }, { bytes: 10 }]).lanes[0]!;
      expect(indexes(plan(lane, 0, limits(100)).result)).toEqual([0]);
    });
  });

  describe('R20: batching window', () => {
    it('waits for the window to close, then cuts on the window', () => {
      const lane = shardOf([{ at: 0 }, { at: 0 }]).lanes[0]!;
      expect(plan(lane, 0, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 1000 });
      expect(lane.windowStart).toBe(0);
      expect(plan(lane, 500, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 1000 });
      const { result } = plan(lane, 1000, limits(10, 1000));
      expect(result).toMatchObject({ kind: 'take', cut: 'window', seen: 2 });
      expect(indexes(result)).toEqual([0, 1]);
    });

    it('wakes early for the next record, which may fill the batch', () => {
      const lane = shardOf([{ at: 0 }, { at: 300 }, { at: 5000 }]).lanes[0]!;
      expect(plan(lane, 0, limits(2, 1000)).result).toEqual({ kind: 'wait', until: 300 });
      const { result } = plan(lane, 300, limits(2, 1000));
      expect(result).toMatchObject({ kind: 'take', cut: 'size' });
      expect(indexes(result)).toEqual([0, 1]);
    });

    it('the window is measured from when records were first seen, not from each poll', () => {
      const lane = shardOf([{ at: 100 }, { at: 400 }, { at: 5000 }]).lanes[0]!;
      expect(plan(lane, 250, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 400 });
      expect(plan(lane, 400, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 1250 });
      expect(plan(lane, 1250, limits(10, 1000)).result).toMatchObject({ kind: 'take', cut: 'window' });
    });

    it('the payload cap cuts before the window closes', () => {
      const lane = shardOf([{ bytes: 4 * MB }, { bytes: 4 * MB }]).lanes[0]!;
      expect(plan(lane, 0, limits(10, 1000)).result).toMatchObject({ kind: 'take', cut: 'payload' });
    });

    it('with nothing to take, the lane waits for the next record and keeps the window that opened when the last invocation completed', () => {
      const lane = shardOf([{ at: 700 }]).lanes[0]!;
      lane.windowStart = 0;
      expect(plan(lane, 0, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 700 });
      expect(lane.windowStart).toBe(0);
      // The record arrives inside the window [0, 1000): the lane waits until the window closes.
      expect(plan(lane, 700, limits(10, 1000)).result).toEqual({ kind: 'wait', until: 1000 });
      expect(plan(lane, 1000, limits(10, 1000)).result).toMatchObject({ kind: 'take', cut: 'window' });
    });
  });

  it('waits forever (until undefined) when the lane has nothing left', () => {
    const shard = shardOf([{}]);
    shard.state[0] = COMMITTED;
    expect(plan(shard.lanes[0]!, 0, limits(10)).result).toEqual({ kind: 'wait', until: undefined });
    expect(plan(shardOf([]).lanes[0]!, 0, limits(10)).result).toEqual({ kind: 'wait', until: undefined });
  });

  describe('R6: trimmed records at the read position', () => {
    it('are marked TRIMMED, returned, and not delivered', () => {
      const shard = shardOf([{ trimAt: 50 }, { trimAt: 100 }, { trimAt: 101 }, {}]);
      const { result, trimmed } = plan(shard.lanes[0]!, 100, limits(10));
      expect(trimmed).toEqual([0, 1]);
      expect([...shard.state]).toEqual([TRIMMED, TRIMMED, PENDING, PENDING]);
      expect(result).toMatchObject({ kind: 'take', seen: 2 });
      expect(indexes(result)).toEqual([2, 3]);
    });

    it('are marked even when nothing is left to take', () => {
      const shard = shardOf([{ trimAt: 10 }]);
      const { result, trimmed } = plan(shard.lanes[0]!, 10, limits(10));
      expect(trimmed).toEqual([0]);
      expect(shard.state[0]).toBe(TRIMMED);
      expect(result).toEqual({ kind: 'wait', until: undefined });
    });

    it('records behind the cut are marked too, and other lanes are left alone', () => {
      const shard = shardOf([{ lane: 0 }, { lane: 0 }, { lane: 1, trimAt: 0 }, { lane: 0, trimAt: 0 }], 2);
      const { result, trimmed } = plan(shard.lanes[0]!, 0, limits(1));
      expect(indexes(result)).toEqual([0]);
      expect(trimmed).toEqual([3]);
      expect(shard.state[2]).toBe(PENDING);
    });
  });
});
