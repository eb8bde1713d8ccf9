import { describe, expect, it } from 'vitest';
import {
  checkpoints,
  discards,
  endReason,
  eventsOf,
  invocations,
  onlyPayload,
  puts,
  recorder,
  run,
  SQS_DLQ,
  summary,
  TABLE,
} from './helpers.js';

const fail = (): never => {
  throw new Error('poison');
};
const failWhen = (v: number) =>
  recorder((call) => {
    if (call.vs.includes(v)) fail();
  });

describe('retries, record age and retention (R6, R24, R25, R32–R34)', () => {
  it('R24: MaximumRetryAttempts = m allows m + 1 invocations of the batch, then discards it', async () => {
    const rec = failWhen(0);
    const trace = await run(
      {
        table: TABLE,
        operations: [...puts(2), { type: 'put', at: 100, item: { pk: 'a', v: 2 } }],
        mapping: { maximumRetryAttempts: 2, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
      },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1], 1, 'FUNCTION_ERROR'],
      [[0, 1], 2, 'FUNCTION_ERROR'],
      [[0, 1], 3, 'FUNCTION_ERROR'],
      [[2], 1, 'OK_SUCCESS'],
    ]);
    expect(discards(trace).map((d) => [d.records, d.condition])).toEqual([[[0, 1], 'RetryAttemptsExhausted']]);
    expect(onlyPayload(trace).requestContext.approximateInvokeCount).toBe(3);
    expect(checkpoints(trace)).toEqual([1, 2]);
    expect(rec.calls.map((c) => c.vs)).toEqual([[0, 1], [0, 1], [0, 1], [2]]);
  });

  it('R24: MaximumRetryAttempts = 0 means a single invocation', async () => {
    const trace = await run({ table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 0 } }, failWhen(0).handler);
    expect(summary(trace)).toEqual([[[0], 1, 'FUNCTION_ERROR']]);
    expect(discards(trace).map((d) => [d.records, d.condition, d.payload])).toEqual([[[0], 'RetryAttemptsExhausted', null]]);
    expect(endReason(trace)).toBe('drained');
  });

  it('R24: retries back off (ambiguity 28: 500 ms doubling, a timing knob)', async () => {
    const trace = await run({ table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 4 } }, failWhen(0).handler);
    expect(invocations(trace).map((i) => i.t)).toEqual([0, 500, 1500, 3500, 7500]);
  });

  it('R25: records older than MaximumRecordAgeInSeconds are discarded before the next invocation', async () => {
    const rec = failWhen(0);
    const trace = await run(
      { table: TABLE, operations: puts(1), mapping: { maximumRecordAgeInSeconds: 60, destinationConfig: { onFailure: { destination: SQS_DLQ } } } },
      rec.handler,
    );
    const inv = invocations(trace);
    // Backoff 500, 1000, 2000, … ⇒ attempts at 0 … 31 500; the next slot (61 500) is past 60 s.
    expect(inv.map((i) => [i.t, i.attempt])).toEqual([
      [0, 1],
      [500, 2],
      [1500, 3],
      [3500, 4],
      [7500, 5],
      [15500, 6],
      [31500, 7],
    ]);
    for (const i of inv) expect(i.t - trace.records[0]!.createdAt).toBeLessThanOrEqual(60_000); // I6
    const [discard] = discards(trace);
    expect([discard!.t, discard!.records, discard!.condition]).toEqual([61_500, [0], 'RecordAgeExceeded']);
    const payload = onlyPayload(trace);
    expect(payload.requestContext.condition).toBe('RecordAgeExceeded');
    expect(payload.requestContext.approximateInvokeCount).toBe(7);
    expect('responseContext' in payload).toBe(false);
  });

  it('R25: in a batch of expired and fresh records only the expired ones are discarded; the rest are invoked', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: puts(2, { at: (i) => [0, 30_000][i]! }),
        mapping: { enabled: false, maximumRecordAgeInSeconds: 60, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
        faults: { timed: [{ kind: 'enable', at: 70_000 }] },
      },
      rec.handler,
    );
    expect(eventsOf(trace, 'batch').map((b) => [b.t, b.records])).toEqual([[70_000, [0, 1]]]);
    expect(discards(trace).map((d) => [d.t, d.records, d.condition])).toEqual([[70_000, [0], 'RecordAgeExceeded']]);
    const payload = onlyPayload(trace);
    // Observed on AWS: 1 even when the record expired before any invocation (ambiguity 8).
    expect(payload.requestContext.approximateInvokeCount).toBe(1);
    expect(payload.DDBStreamBatchInfo.batchSize).toBe(1);
    expect(payload.responseContext).toBeUndefined();
    expect(summary(trace)).toEqual([[[1], 1, 'OK_SUCCESS']]);
    expect(rec.calls.map((c) => c.vs)).toEqual([[1]]);
    expect(checkpoints(trace)).toEqual([0, 1]);
  });

  it('R25: record age counts from ApproximateCreationDateTime, rounded down to the second', async () => {
    // Written at +0.900 s, so its ApproximateCreationDateTime is second 0: at +60.500 s it is 60.5 s
    // old by that timestamp (though only 59.6 s after the write) and is discarded, not invoked.
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: puts(1, { at: () => 900 }),
        mapping: { enabled: false, maximumRecordAgeInSeconds: 60 },
        faults: { timed: [{ kind: 'enable', at: 60_500 }] },
      },
      rec.handler,
    );
    expect(discards(trace).map((d) => [d.t, d.records, d.condition, d.payload])).toEqual([[60_500, [0], 'RecordAgeExceeded', null]]);
    expect(rec.calls).toEqual([]);
  });

  it('R32: without RBIF or bisect a failure retries the entire batch and the shard waits', async () => {
    const rec = recorder((call) => {
      if (call.seen(0) <= 2) fail();
    });
    const trace = await run({ table: TABLE, operations: [...puts(3), { type: 'put', at: 100, item: { pk: 'a', v: 3 } }] }, rec.handler);
    expect(invocations(trace).map((i) => [i.t, i.records, i.attempt, i.outcome])).toEqual([
      [0, [0, 1, 2], 1, 'FUNCTION_ERROR'],
      [500, [0, 1, 2], 2, 'FUNCTION_ERROR'],
      // the retry is the same record set: record 3 (visible since t=250) is not added (ambiguity 6)
      [1500, [0, 1, 2], 3, 'OK_SUCCESS'],
      [1500, [3], 1, 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record])).toEqual([
      [1500, 2],
      [1500, 3],
    ]);
  });

  it('R33: throttles (NOT_INVOKED) neither call the handler nor count toward MaximumRetryAttempts', async () => {
    const rec = failWhen(0);
    const trace = await run(
      {
        table: TABLE,
        operations: puts(1),
        mapping: { maximumRetryAttempts: 1, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
        faults: { invocations: [{ kind: 'throttle', match: {}, times: 3 }] },
      },
      rec.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.attempt, i.env === null, i.outcome])).toEqual([
      [0, 1, true, 'NOT_INVOKED'],
      [1000, 1, true, 'NOT_INVOKED'],
      [2000, 1, true, 'NOT_INVOKED'],
      [3000, 1, false, 'FUNCTION_ERROR'],
      [3500, 2, false, 'FUNCTION_ERROR'],
    ]);
    expect(rec.calls).toHaveLength(2);
    expect(onlyPayload(trace).requestContext.approximateInvokeCount).toBe(2);
  });

  it('R33: a throttle does not bisect', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(4), mapping: { bisectBatchOnFunctionError: true }, faults: { invocations: [{ kind: 'throttle', match: {}, times: 2 }] } },
      async () => undefined,
    );
    expect(eventsOf(trace, 'bisect')).toEqual([]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'NOT_INVOKED'],
      [[0, 1, 2, 3], 1, 'NOT_INVOKED'],
      [[0, 1, 2, 3], 1, 'OK_SUCCESS'],
    ]);
  });

  it('R33: records keep ageing while throttled and expire with RecordAgeExceeded', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: TABLE,
        operations: puts(1),
        mapping: { maximumRecordAgeInSeconds: 60, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
        faults: { invocations: [{ kind: 'throttle', match: {} }] },
      },
      rec.handler,
    );
    expect(rec.calls).toHaveLength(0);
    const inv = invocations(trace);
    expect(inv.every((i) => i.outcome === 'NOT_INVOKED')).toBe(true);
    expect(inv.at(-1)!.t).toBe(60_000);
    expect(discards(trace).map((d) => [d.t, d.records, d.condition])).toEqual([[61_000, [0], 'RecordAgeExceeded']]);
    expect(onlyPayload(trace).requestContext.approximateInvokeCount).toBe(1);
    expect(checkpoints(trace)).toEqual([0]);
  });

  it('R6: with the -1/-1 defaults a poison batch blocks until its records are trimmed 24 h after creation', async () => {
    const rec = failWhen(0);
    const HOUR = 3_600_000;
    const trace = await run(
      {
        table: TABLE,
        operations: [...puts(2), { type: 'put', at: HOUR, item: { pk: 'a', v: 2 } }],
        // a 1 h backoff cap keeps the number of retries small
        timing: { retryMaxMs: HOUR },
      },
      rec.handler,
    );
    const trims = eventsOf(trace, 'trim');
    expect(trims.map((t) => t.records)).toEqual([[0, 1]]);
    const trimAt = trims[0]!.t;
    expect(trimAt).toBeGreaterThanOrEqual(24 * HOUR);
    expect(trimAt).toBeLessThan(25 * HOUR);
    const inv = invocations(trace);
    // every attempt before the trim was the poison batch, and failed
    const before = inv.filter((i) => i.t < trimAt);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((i) => i.records.join() === '0,1' && i.outcome === 'FUNCTION_ERROR')).toBe(true);
    // record 2 had to wait behind it, then went through once
    expect(inv.filter((i) => i.t >= trimAt).map((i) => [i.t, i.records, i.outcome])).toEqual([[trimAt, [2], 'OK_SUCCESS']]);
    // ambiguity 18: trimmed records are lost silently, without an OnFailure message
    expect(discards(trace)).toEqual([]);
    expect(checkpoints(trace)).toEqual([1, 2]);
    expect(trace.records[0]!.trimAt).toBe(24 * HOUR);
  });

  it('R6: the trim instant can be injected later than 24 h (trimLagMs)', async () => {
    const HOUR = 3_600_000;
    const trace = await run(
      { table: TABLE, operations: puts(1), stream: { trimLagMs: 2 * HOUR }, timing: { retryMaxMs: HOUR } },
      failWhen(0).handler,
    );
    expect(trace.records[0]!.trimAt).toBe(26 * HOUR);
    const [trim] = eventsOf(trace, 'trim');
    expect(trim!.records).toEqual([0]);
    expect(trim!.t).toBeGreaterThanOrEqual(26 * HOUR);
    expect(invocations(trace).every((i) => i.t < 26 * HOUR)).toBe(true);
    expect(invocations(trace).at(-1)!.t).toBeGreaterThanOrEqual(24 * HOUR);
  });
});
