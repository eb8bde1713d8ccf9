import { isoSecondsAt } from '../core/index.js';
import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { OnFailureMessage, TraceEvent } from '../trace/traceEvent.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { DISCARD } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

type DiscardEvent = Extract<TraceEvent, { type: 'discard' }>;

/**
 * R41, R42: with an OnFailure destination every discard sends one message that describes exactly
 * the discarded records (DDBStreamBatchInfo: shard, first and last sequence numbers and arrival
 * times, count, stream) with the discard's condition, a responseContext for RetryAttemptsExhausted
 * only, approximateInvokeCount ≥ 1, and for S3 the invocation event itself. Without a destination
 * no message is sent. Witness: the discard event and its records.
 */
export function checkDestinationPayload(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const destination = model.scenario.mapping.destinationConfig.onFailure?.destination;
  const type = facts.cols.type;
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== DISCARD) continue;
    const e = trace.events[i] as DiscardEvent;
    const problem = destination === undefined ? (e.payload === null ? undefined : 'a destination message was sent, but no OnFailure destination is configured') : payloadProblem(facts, e, destination);
    if (problem === undefined) continue;
    out.push(
      anomalyOf('destination-payload', {
        rule: 'R41',
        summary: `the ${e.condition} discard of ${e.records.length} record(s) of shard ${e.shard}: ${problem}`,
        shard: e.shard,
        records: e.records.slice(0, 1),
        events: [i],
      }),
    );
  }
  return out;
}

function payloadProblem(facts: TraceFacts, e: DiscardEvent, destination: string): string | undefined {
  const { trace } = facts;
  const message = e.payload;
  if (message === null) return 'no destination message was sent';
  const first = trace.records[e.records[0]!];
  const last = trace.records[e.records[e.records.length - 1]!];
  if (first === undefined || last === undefined) return 'a destination message was sent for no records';
  if (e.records.some((ordinal) => facts.shardOf[ordinal] !== e.shard)) return 'the discarded records are not all of the shard';
  const context = message.requestContext;
  if (context?.condition !== e.condition) return `requestContext.condition is ${JSON.stringify(context?.condition)}`;
  if (!Number.isInteger(context.approximateInvokeCount) || context.approximateInvokeCount < 1) return `approximateInvokeCount is ${context.approximateInvokeCount}`;
  if (context.functionArn !== trace.functionArn) return `requestContext.functionArn is ${JSON.stringify(context.functionArn)}`;
  if (e.condition === 'RetryAttemptsExhausted' && message.responseContext === undefined) return 'RetryAttemptsExhausted without responseContext';
  if (e.condition === 'RecordAgeExceeded' && message.responseContext !== undefined) return 'RecordAgeExceeded with a responseContext';
  const info = message.DDBStreamBatchInfo;
  const expected: Record<string, unknown> = {
    shardId: trace.shards[e.shard]?.id,
    startSequenceNumber: first.seq,
    endSequenceNumber: last.seq,
    approximateArrivalOfFirstRecord: isoSecondsAt(trace.startEpochMs, first.createdAt),
    approximateArrivalOfLastRecord: isoSecondsAt(trace.startEpochMs, last.createdAt),
    batchSize: e.records.length,
    streamArn: trace.streamArn,
  };
  if (info === undefined || info === null) return 'no DDBStreamBatchInfo';
  for (const [field, value] of Object.entries(expected)) {
    const got = (info as Record<string, unknown>)[field];
    if (got !== value) return `DDBStreamBatchInfo.${field} is ${JSON.stringify(got)}, not ${JSON.stringify(value)}`;
  }
  return s3Problem(facts, e, message, destination);
}

/** R41: an S3 destination also gets the invocation event, `{"Records": [...]}` (object or JSON text: knob `semantics.s3PayloadForm`). */
function s3Problem(facts: TraceFacts, e: DiscardEvent, message: OnFailureMessage, destination: string): string | undefined {
  const s3 = destination.startsWith('arn:aws:s3:');
  if (!s3) return message.payload === undefined ? undefined : 'a payload was sent to a destination that only gets metadata';
  let event = message.payload;
  if (typeof event === 'string') {
    try {
      event = JSON.parse(event);
    } catch {
      return 'the S3 payload is not JSON';
    }
  }
  const records = (event as { Records?: unknown } | undefined)?.Records;
  if (!Array.isArray(records)) return 'the S3 payload has no Records';
  if (records.length !== e.records.length) return `the S3 payload holds ${records.length} records`;
  for (let k = 0; k < records.length; k++) {
    const seq = (records[k] as { dynamodb?: { SequenceNumber?: unknown } } | null)?.dynamodb?.SequenceNumber;
    if (seq !== facts.trace.records[e.records[k]!]!.seq) return `the S3 payload's record ${k} is seq ${JSON.stringify(seq)}`;
  }
  return undefined;
}
