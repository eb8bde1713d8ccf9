import { describe, expect, it } from 'vitest';
import {
  checkpoints,
  discards,
  eventsOf,
  FUNCTION_ARN,
  invocations,
  isoSeconds,
  onlyPayload,
  puts,
  RBIF,
  recorder,
  reportFailures,
  run,
  S3_DLQ,
  seqOf,
  SNS_DLQ,
  SQS_DLQ,
  summary,
  TABLE,
} from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const throwing = () =>
  recorder(() => {
    throw new Error('boom');
  });
/** Records at t=1500 and t=2100 (different whole seconds), read together when the mapping is enabled at t=2500. */
const twoRecords = puts(2, { at: (i) => [1500, 2100][i]! });
const enableAt2500 = { timed: [{ kind: 'enable' as const, at: 2500 }] };

describe('OnFailure destinations and discards (R41, R42)', () => {
  it('R41: RetryAttemptsExhausted after function errors — the exact SQS message, with responseContext', async () => {
    const rec = throwing();
    const trace = await run(
      {
        table: TABLE,
        operations: twoRecords,
        mapping: { enabled: false, maximumRetryAttempts: 1, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
        faults: enableAt2500,
      },
      rec.handler,
    );
    const inv = invocations(trace);
    expect(inv.map((i) => [i.t, i.records, i.attempt])).toEqual([
      [2500, [0, 1], 1],
      [3000, [0, 1], 2],
    ]);
    const [discard] = discards(trace);
    expect(discard!.t).toBe(3000);
    const payload = onlyPayload(trace);
    expect(payload).toStrictEqual({
      requestContext: {
        requestId: inv[1]!.requestId,
        functionArn: FUNCTION_ARN,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 2,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date(trace.startEpochMs + 3000).toISOString(),
      DDBStreamBatchInfo: {
        shardId: trace.shards[0]!.id,
        startSequenceNumber: seqOf(trace, 0),
        endSequenceNumber: seqOf(trace, 1),
        approximateArrivalOfFirstRecord: isoSeconds(trace, 1500),
        approximateArrivalOfLastRecord: isoSeconds(trace, 2100),
        batchSize: 2,
        streamArn: trace.streamArn,
      },
    });
    expect(Object.keys(payload)).toEqual(['requestContext', 'responseContext', 'version', 'timestamp', 'DDBStreamBatchInfo']);
    expect(payload.requestContext.requestId).toMatch(UUID);
    // DDB batch-info times are whole seconds (…01Z), the message timestamp has milliseconds
    expect(payload.DDBStreamBatchInfo.approximateArrivalOfFirstRecord).toBe('2026-01-01T00:00:01Z');
    expect(payload.DDBStreamBatchInfo.approximateArrivalOfLastRecord).toBe('2026-01-01T00:00:02Z');
    expect(payload.timestamp).toBe('2026-01-01T00:00:03.000Z');
    expect(trace.shards[0]!.id).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
  });

  it('R41: RecordAgeExceeded — the exact message has requestContext and no responseContext', async () => {
    const trace = await run(
      {
        table: TABLE,
        operations: twoRecords,
        mapping: { enabled: false, maximumRecordAgeInSeconds: 60, destinationConfig: { onFailure: { destination: SQS_DLQ } } },
        faults: enableAt2500,
      },
      throwing().handler,
    );
    const [discard] = discards(trace);
    expect(discard!.condition).toBe('RecordAgeExceeded');
    const invoked = invocations(trace);
    const payload = onlyPayload(trace);
    expect(payload).toStrictEqual({
      requestContext: {
        requestId: payload.requestContext.requestId,
        functionArn: FUNCTION_ARN,
        condition: 'RecordAgeExceeded',
        approximateInvokeCount: invoked.length,
      },
      version: '1.0',
      timestamp: new Date(trace.startEpochMs + discard!.t).toISOString(),
      DDBStreamBatchInfo: {
        shardId: trace.shards[0]!.id,
        startSequenceNumber: seqOf(trace, 0),
        endSequenceNumber: seqOf(trace, 1),
        approximateArrivalOfFirstRecord: isoSeconds(trace, 1500),
        approximateArrivalOfLastRecord: isoSeconds(trace, 2100),
        batchSize: 2,
        streamArn: trace.streamArn,
      },
    });
    expect('responseContext' in payload).toBe(false);
    expect(payload.requestContext.requestId).toMatch(UUID);
    // record 0 (t=1500) is the older one: it crosses 60 s first, and both were one record set
    expect(discard!.t - 1500).toBeGreaterThan(60_000);
    expect(invoked.every((i) => i.t - 1500 <= 60_000)).toBe(true);
  });

  it('R41: RBIF exhaustion reports from the lowest failed record to the end of the retried set, with responseContext', async () => {
    const rec = recorder((call) => reportFailures(call, [1]));
    const trace = await run(
      { table: TABLE, operations: puts(4), mapping: { functionResponseTypes: RBIF, maximumRetryAttempts: 1, destinationConfig: { onFailure: { destination: SQS_DLQ } } } },
      rec.handler,
    );
    expect(summary(trace)).toEqual([
      [[0, 1, 2, 3], 1, 'OK_PARTIAL'],
      [[1, 2, 3], 1, 'OK_PARTIAL'],
      [[1, 2, 3], 2, 'OK_PARTIAL'],
    ]);
    const payload = onlyPayload(trace);
    expect(payload.requestContext.condition).toBe('RetryAttemptsExhausted');
    expect(payload.requestContext.approximateInvokeCount).toBe(2);
    expect(payload.responseContext).toMatchObject({ statusCode: 200, executedVersion: '$LATEST' });
    expect(payload.DDBStreamBatchInfo).toMatchObject({ startSequenceNumber: seqOf(trace, 1), endSequenceNumber: seqOf(trace, 3), batchSize: 3 });
  });

  it('R41: an SNS destination gets metadata only', async () => {
    const trace = await run({ table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 0, destinationConfig: { onFailure: { destination: SNS_DLQ } } } }, throwing().handler);
    const payload = onlyPayload(trace);
    expect('payload' in payload).toBe(false);
    expect(payload.DDBStreamBatchInfo.batchSize).toBe(1);
  });

  it('R41: an S3 destination also gets the invocation record { Records: [...] } (ambiguity 9 default: an object)', async () => {
    const rec = throwing();
    const trace = await run({ table: TABLE, operations: puts(2), mapping: { maximumRetryAttempts: 0, destinationConfig: { onFailure: { destination: S3_DLQ } } } }, rec.handler);
    const payload = onlyPayload(trace);
    expect(payload.payload).toEqual({ Records: rec.calls[0]!.records });
    expect((payload.payload as { Records: unknown[] }).Records).toHaveLength(2);
  });

  it('R41: the S3 payload as a JSON string is a semantics knob (ambiguity 9)', async () => {
    const rec = throwing();
    const trace = await run(
      { table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 0, destinationConfig: { onFailure: { destination: S3_DLQ } } }, semantics: { s3PayloadForm: 'string' } },
      rec.handler,
    );
    const payload = onlyPayload(trace);
    expect(typeof payload.payload).toBe('string');
    expect(JSON.parse(payload.payload as string)).toEqual({ Records: rec.calls[0]!.records });
  });

  it('R42: a discard without a destination still moves the checkpoint past the records and processing continues', async () => {
    const rec = recorder((call) => {
      if (call.vs.includes(1)) throw new Error('poison');
    });
    const trace = await run({ table: TABLE, operations: [...puts(3), { type: 'put', at: 100, item: { pk: 'a', v: 3 } }], mapping: { maximumRetryAttempts: 0 } }, rec.handler);
    expect(discards(trace).map((d) => [d.t, d.records, d.condition, d.payload])).toEqual([[0, [0, 1, 2], 'RetryAttemptsExhausted', null]]);
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record, c.seq])).toEqual([
      [0, 2, seqOf(trace, 2)],
      [250, 3, seqOf(trace, 3)],
    ]);
    expect(summary(trace)).toEqual([
      [[0, 1, 2], 1, 'FUNCTION_ERROR'],
      [[3], 1, 'OK_SUCCESS'],
    ]);
  });

  it('R42: a discard with a destination moves the checkpoint the same way', async () => {
    const trace = await run(
      { table: TABLE, operations: [...puts(2), { type: 'put', at: 100, item: { pk: 'a', v: 2 } }], mapping: { maximumRetryAttempts: 0, destinationConfig: { onFailure: { destination: SQS_DLQ } } } },
      throwing().handler,
    );
    expect(checkpoints(trace)).toEqual([1, 2]);
    expect(discards(trace).map((d) => d.records)).toEqual([[0, 1], [2]]);
  });
});
