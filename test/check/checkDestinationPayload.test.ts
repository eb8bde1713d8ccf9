import { describe, expect, it } from 'vitest';
import { checkDestinationPayload } from '../../src/check/index.js';
import type { OnFailureMessage } from '../../src/trace/traceEvent.js';
import { at, byName, corpus, indexOf, mutate, puts, simulated, TABLE, throwsOn, witnesses } from './support.js';

/** The corpus run with a RetryAttemptsExhausted discard to an SQS queue, its payload changed by `edit`. */
async function edited(prefix: string, edit: (payload: OnFailureMessage) => OnFailureMessage | null) {
  const run = await byName(prefix);
  let i = -1;
  const trace = mutate(run.trace, (events) => {
    i = indexOf(events, 'discard');
    const discard = at(events, i, 'discard');
    events[i] = { ...discard, payload: edit(discard.payload!) };
  });
  const anomalies = checkDestinationPayload(trace, run.model);
  return { anomalies, i, records: at(trace.events, i, 'discard').records };
}

describe('checkDestinationPayload (R41, R42)', () => {
  it('R41: is silent on every correct trace of the corpus (SQS, SNS, S3 object payload, no destination)', async () => {
    for (const run of await corpus()) expect(checkDestinationPayload(run.trace, run.model), run.name).toEqual([]);
  });

  it('R41: fires on a discard without its destination message', async () => {
    const { anomalies, i, records } = await edited('R24', () => null);
    expect(witnesses(anomalies)).toEqual([['R41', [records[0]!], [i]]]);
    expect(anomalies[0]!.summary).toContain('no destination message was sent');
  });

  it.each([
    ['batchSize', (p: OnFailureMessage) => ({ ...p, DDBStreamBatchInfo: { ...p.DDBStreamBatchInfo, batchSize: 3 } }), 'DDBStreamBatchInfo.batchSize'],
    ['start sequence number', (p: OnFailureMessage) => ({ ...p, DDBStreamBatchInfo: { ...p.DDBStreamBatchInfo, startSequenceNumber: p.DDBStreamBatchInfo.endSequenceNumber } }), 'startSequenceNumber'],
    ['shard id', (p: OnFailureMessage) => ({ ...p, DDBStreamBatchInfo: { ...p.DDBStreamBatchInfo, shardId: 'shardId-x' } }), 'shardId'],
    ['stream ARN', (p: OnFailureMessage) => ({ ...p, DDBStreamBatchInfo: { ...p.DDBStreamBatchInfo, streamArn: 'arn:other' } }), 'streamArn'],
    ['arrival time', (p: OnFailureMessage) => ({ ...p, DDBStreamBatchInfo: { ...p.DDBStreamBatchInfo, approximateArrivalOfLastRecord: '2020-01-01T00:00:00Z' } }), 'approximateArrivalOfLastRecord'],
    ['condition', (p: OnFailureMessage) => ({ ...p, requestContext: { ...p.requestContext, condition: 'RecordAgeExceeded' as const } }), 'requestContext.condition'],
    ['invoke count', (p: OnFailureMessage) => ({ ...p, requestContext: { ...p.requestContext, approximateInvokeCount: 0 } }), 'approximateInvokeCount'],
    ['responseContext', ({ responseContext: _, ...p }: OnFailureMessage) => p, 'without responseContext'],
  ])('R41: fires on a RetryAttemptsExhausted message with the wrong %s', async (_field, edit, says) => {
    const { anomalies, i } = await edited('R24', edit);
    expect(anomalies.map((a) => [a.invariant, a.events])).toEqual([['destination-payload', [i]]]);
    expect(anomalies[0]!.summary).toContain(says);
  });

  it('R41: fires on a RecordAgeExceeded message with a responseContext, or an S3 message with other records', async () => {
    const withContext = await edited('R25', (p) => ({ ...p, responseContext: { statusCode: 200, executedVersion: '$LATEST' } }));
    expect(withContext.anomalies[0]!.summary).toContain('RecordAgeExceeded with a responseContext');
    const s3 = await edited('R25', (p) => ({ ...p, payload: { Records: [] } }));
    expect(s3.anomalies[0]!.summary).toContain('the S3 payload holds 0 records');
  });

  it('R41: fires on a phantom message — one sent without a destination, or one for no records', async () => {
    const run = await simulated('no destination', { table: TABLE, operations: puts(1), mapping: { maximumRetryAttempts: 0 } }, throwsOn(0));
    expect(checkDestinationPayload(run.trace, run.model)).toEqual([]);
    const withDestination = await byName('R24');
    const payload = at(withDestination.trace.events, indexOf(withDestination.trace.events, 'discard'), 'discard').payload;
    let i = -1;
    const phantom = mutate(run.trace, (events) => {
      i = indexOf(events, 'discard');
      events[i] = { ...at(events, i, 'discard'), payload };
    });
    const anomalies = checkDestinationPayload(phantom, run.model);
    expect(witnesses(anomalies)).toEqual([['R41', [0], [i]]]);
    expect(anomalies[0]!.summary).toContain('no OnFailure destination is configured');
    expect((await edited('R24', (p) => p)).anomalies).toEqual([]);
    const noRecords = mutate(withDestination.trace, (events) => {
      const d = indexOf(events, 'discard');
      events[d] = { ...at(events, d, 'discard'), records: [] };
    });
    expect(checkDestinationPayload(noRecords, withDestination.model)[0]!.summary).toContain('for no records');
  });
});
