import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricsOf } from '../../src/trace/metricsOf.js';
import { parseTrace, type Trace, type TraceEvent } from '../../src/trace/index.js';

const record = (ordinal: number, shard: number, createdAt: number) => ({ ordinal, shard, seq: String(100 + ordinal), itemKey: `k${ordinal}`, partitionKey: 'p', eventName: 'INSERT', createdAt, trimAt: createdAt + 86_400_000 });
const invoke = (t: number, id: number, shard: number, records: number[], env: number | null): TraceEvent => ({ type: 'invoke', t, id, shard, lane: 0, env, attempt: 1, records, requestId: `r${id}`, duplicate: false });

function smallTrace(): Trace {
  const events: TraceEvent[] = [
    invoke(1_000, 1, 0, [0, 1], null),
    { type: 'result', t: 1_000, id: 1, outcome: 'NOT_INVOKED' },
    invoke(2_000, 2, 0, [0, 1], 1),
    { type: 'result', t: 2_500, id: 2, outcome: 'FUNCTION_ERROR' },
    invoke(3_000, 3, 0, [0, 1], 1),
    { type: 'result', t: 3_200, id: 3, outcome: 'OK_SUCCESS' },
    invoke(3_000, 4, 1, [2], 2),
    { type: 'result', t: 4_000, id: 4, outcome: 'FUNCTION_ERROR' },
    { type: 'discard', t: 4_000, shard: 1, lane: 0, records: [2], condition: 'RetryAttemptsExhausted', payload: {} as never },
    { type: 'discard', t: 5_000, shard: 1, lane: 0, records: [3, 4], condition: 'RecordAgeExceeded', payload: null },
    { type: 'trim', t: 86_400_000, shard: 1, records: [5] },
  ];
  return {
    version: 1,
    streamArn: 'arn',
    functionArn: 'fn',
    startEpochMs: 0,
    shards: [
      { ordinal: 0, id: 'shardId-0', parents: [], createdAt: 0, closedAt: null },
      { ordinal: 1, id: 'shardId-1', parents: [], createdAt: 0, closedAt: null },
    ],
    records: [record(0, 0, 0), record(1, 0, 500), record(2, 1, 1_000), record(3, 1, 1_000), record(4, 1, 1_000), record(5, 1, 1_000)],
    events,
  };
}

describe('metricsOf', () => {
  it('computes the CloudWatch metrics of a small trace', () => {
    const m = metricsOf(smallTrace());
    expect(m.IteratorAge).toEqual({
      'shardId-0': [
        { t: 2_500, ageMs: 2_000 },
        { t: 3_200, ageMs: 2_700 },
      ],
      'shardId-1': [{ t: 4_000, ageMs: 3_000 }],
    });
    expect(m).toMatchObject({
      IteratorAgeMaximum: 3_000,
      Invocations: 3,
      Errors: 2,
      Throttles: 1,
      DroppedEventCount: 4,
      OnFailureDestinationDeliveredEventCount: 1,
      dropped: { RetryAttemptsExhausted: 1, RecordAgeExceeded: 2, trimmed: 1 },
    });
  });

  it('agrees with the raw events of a stored run', () => {
    const trace = parseTrace(readFileSync(new URL('../../fixtures/traces/bisect-rbif-destination.json', import.meta.url), 'utf8'));
    const m = metricsOf(trace);
    const invokes = trace.events.filter((e) => e.type === 'invoke');
    expect(m.Invocations).toBe(invokes.filter((e) => e.env !== null).length);
    expect(m.Throttles).toBe(trace.events.filter((e) => e.type === 'result' && e.outcome === 'NOT_INVOKED').length);
    expect(m.OnFailureDestinationDeliveredEventCount).toBeGreaterThan(0);
    expect(Object.keys(m.IteratorAge)).toEqual(trace.shards.map((s) => s.id));
    expect(Object.values(m.IteratorAge).flat().every((p) => p.ageMs >= 0)).toBe(true);
  });
});
