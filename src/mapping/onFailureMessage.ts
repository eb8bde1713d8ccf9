import { isoAt, isoSecondsAt, type Millis } from '../core/index.js';
import type { StreamRecord } from '../stream/streamHistory.js';
import type { DiscardCondition, OnFailureMessage } from '../trace/traceEvent.js';

export interface OnFailureInput {
  readonly condition: DiscardCondition;
  readonly requestId: string;
  readonly functionArn: string;
  readonly approximateInvokeCount: number;
  /** RetryAttemptsExhausted only: whether the last invocation was a function error. */
  readonly lastWasFunctionError: boolean;
  readonly records: readonly StreamRecord[];
  readonly shardId: string;
  readonly streamArn: string;
  readonly destination: string;
  readonly s3PayloadForm: 'object' | 'string';
  readonly eventJson: () => string;
  readonly now: Millis;
  readonly startEpochMs: number;
}

/**
 * The invocation record sent to an OnFailure destination (R41). RecordAgeExceeded carries no
 * responseContext (observed); S3 destinations also get the invocation event.
 */
export function onFailureMessage(input: OnFailureInput): OnFailureMessage {
  const first = input.records[0]!;
  const last = input.records[input.records.length - 1]!;
  const message: OnFailureMessage = {
    requestContext: {
      requestId: input.requestId,
      functionArn: input.functionArn,
      condition: input.condition,
      approximateInvokeCount: input.approximateInvokeCount,
    },
    ...(input.condition === 'RetryAttemptsExhausted'
      ? {
          responseContext: {
            statusCode: 200,
            executedVersion: '$LATEST',
            ...(input.lastWasFunctionError ? { functionError: 'Unhandled' } : {}),
          },
        }
      : {}),
    version: '1.0',
    timestamp: isoAt(input.startEpochMs, input.now),
    DDBStreamBatchInfo: {
      shardId: input.shardId,
      startSequenceNumber: first.seq,
      endSequenceNumber: last.seq,
      approximateArrivalOfFirstRecord: isoSecondsAt(input.startEpochMs, first.createdAt),
      approximateArrivalOfLastRecord: isoSecondsAt(input.startEpochMs, last.createdAt),
      batchSize: input.records.length,
      streamArn: input.streamArn,
    },
  };
  if (!input.destination.startsWith('arn:aws:s3:')) return message;
  const json = input.eventJson();
  return { ...message, payload: input.s3PayloadForm === 'string' ? json : JSON.parse(json) };
}
