import { describe, expect, it } from 'vitest';
import { onFailureMessage, type OnFailureInput } from '../../src/mapping/onFailureMessage.js';
import type { StreamRecord } from '../../src/stream/streamHistory.js';

const START = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-01-01T00:00:00.000';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:f';

const record = (seq: string, createdAt: number): StreamRecord =>
  ({ seq, createdAt, shard: 0, index: 0, ordinal: 0, trimAt: 0, itemKey: '', partitionKey: '', eventName: 'INSERT', opIndex: 0, payloadBytes: 0, event: {} }) as StreamRecord;

const RECORDS = [record('000000000000000000100', 1_999), record('000000000000000000150', 2_500), record('000000000000000000200', 61_001)];
const EVENT_JSON = '{"Records":[{"eventID":"e1"}]}';

const input = (overrides: Partial<OnFailureInput> = {}): OnFailureInput => ({
  condition: 'RetryAttemptsExhausted',
  requestId: 'req-1',
  functionArn: FUNCTION_ARN,
  approximateInvokeCount: 3,
  lastWasFunctionError: true,
  records: RECORDS,
  shardId: 'shardId-00000001767225600000-abcdef01',
  streamArn: STREAM_ARN,
  destination: 'arn:aws:sqs:us-east-1:123456789012:dlq',
  s3PayloadForm: 'object',
  eventJson: () => EVENT_JSON,
  now: 123_456,
  startEpochMs: START,
  ...overrides,
});

const BATCH_INFO = {
  shardId: 'shardId-00000001767225600000-abcdef01',
  startSequenceNumber: '000000000000000000100',
  endSequenceNumber: '000000000000000000200',
  approximateArrivalOfFirstRecord: '2026-01-01T00:00:01Z',
  approximateArrivalOfLastRecord: '2026-01-01T00:01:01Z',
  batchSize: 3,
  streamArn: STREAM_ARN,
};

describe('onFailureMessage (R41)', () => {
  it('RetryAttemptsExhausted after a function error: the full shape, with functionError', () => {
    const message = onFailureMessage(input());
    expect(message).toEqual({
      requestContext: { requestId: 'req-1', functionArn: FUNCTION_ARN, condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-01-01T00:02:03.456Z',
      DDBStreamBatchInfo: BATCH_INFO,
    });
    expect(Object.keys(message)).toEqual(['requestContext', 'responseContext', 'version', 'timestamp', 'DDBStreamBatchInfo']);
  });

  it('RetryAttemptsExhausted after a partial/malformed response: responseContext without functionError', () => {
    const message = onFailureMessage(input({ lastWasFunctionError: false }));
    expect(message.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
    expect(message.responseContext).not.toHaveProperty('functionError');
  });

  it('RecordAgeExceeded has no responseContext at all, whatever the last attempt did', () => {
    for (const lastWasFunctionError of [true, false]) {
      const message = onFailureMessage(input({ condition: 'RecordAgeExceeded', lastWasFunctionError, approximateInvokeCount: 1 }));
      expect(message).not.toHaveProperty('responseContext');
      expect(message.requestContext).toEqual({ requestId: 'req-1', functionArn: FUNCTION_ARN, condition: 'RecordAgeExceeded', approximateInvokeCount: 1 });
      expect(Object.keys(message)).toEqual(['requestContext', 'version', 'timestamp', 'DDBStreamBatchInfo']);
    }
  });

  it('batch info arrival times are whole-second ISO (truncated), the timestamp keeps milliseconds', () => {
    const message = onFailureMessage(input({ records: [record('000000000000000000100', 999), record('000000000000000000101', 1_000)], now: 1 }));
    expect(message.DDBStreamBatchInfo.approximateArrivalOfFirstRecord).toBe('2026-01-01T00:00:00Z');
    expect(message.DDBStreamBatchInfo.approximateArrivalOfLastRecord).toBe('2026-01-01T00:00:01Z');
    expect(message.timestamp).toBe('2026-01-01T00:00:00.001Z');
    for (const text of [message.DDBStreamBatchInfo.approximateArrivalOfFirstRecord, message.DDBStreamBatchInfo.approximateArrivalOfLastRecord]) {
      expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('a one-record batch starts and ends at that record', () => {
    const message = onFailureMessage(input({ records: [RECORDS[1]!] }));
    expect(message.DDBStreamBatchInfo).toMatchObject({
      startSequenceNumber: '000000000000000000150',
      endSequenceNumber: '000000000000000000150',
      approximateArrivalOfFirstRecord: '2026-01-01T00:00:02Z',
      approximateArrivalOfLastRecord: '2026-01-01T00:00:02Z',
      batchSize: 1,
    });
  });

  it('non-S3 destinations (SQS, SNS) get no payload and never build the event', () => {
    for (const destination of ['arn:aws:sqs:us-east-1:123456789012:dlq', 'arn:aws:sns:us-east-1:123456789012:topic']) {
      let built = 0;
      const message = onFailureMessage(input({ destination, eventJson: () => (built++, EVENT_JSON) }));
      expect(message).not.toHaveProperty('payload');
      expect(built).toBe(0);
    }
  });

  it('S3 destinations add the invocation event as an object (default knob)', () => {
    const message = onFailureMessage(input({ destination: 'arn:aws:s3:::my-bucket' }));
    expect(message.payload).toEqual({ Records: [{ eventID: 'e1' }] });
    expect(Object.keys(message).at(-1)).toBe('payload');
  });

  it('S3 destinations add the invocation event as a JSON string with s3PayloadForm "string"', () => {
    const message = onFailureMessage(input({ destination: 'arn:aws:s3:::my-bucket', s3PayloadForm: 'string' }));
    expect(message.payload).toBe(EVENT_JSON);
  });

  it('S3 payload also applies to RecordAgeExceeded', () => {
    const message = onFailureMessage(input({ destination: 'arn:aws:s3:::b', condition: 'RecordAgeExceeded' }));
    expect(message.payload).toEqual({ Records: [{ eventID: 'e1' }] });
    expect(message).not.toHaveProperty('responseContext');
  });
});
