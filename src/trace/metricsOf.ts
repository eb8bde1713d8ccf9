import type { Millis } from '../core/index.js';
import type { Trace } from './trace.js';

/** One IteratorAge data point: at virtual time `t`, the batch's last record was `ageMs` old (R62). */
export interface IteratorAgePoint {
  readonly t: Millis;
  readonly ageMs: Millis;
}

/** Why records counted in `DroppedEventCount` were dropped. */
export interface DroppedBreakdown {
  readonly RetryAttemptsExhausted: number;
  readonly RecordAgeExceeded: number;
  /** Trimmed by the stream's retention before the mapping processed them (R6). */
  readonly trimmed: number;
}

/**
 * CloudWatch-named metrics of one run, computed from its trace alone (R62–R64), in virtual time:
 * - `IteratorAge`: per shard id, one point each time the function finished a batch (every result
 *   except NOT_INVOKED): finish time minus the creation time of the batch's last record.
 *   `IteratorAgeMaximum` is the largest point over all shards (0 without any).
 * - `Invocations`: invocations that reached the function (throttles excluded, R63); includes
 *   spontaneous duplicate deliveries.
 * - `Errors`: invocations with a function error (handler threw, timeout, crash, runtime error).
 * - `Throttles`: dispatches that never reached the function (NOT_INVOKED).
 * - `DroppedEventCount`: records the mapping gave up on: discarded after retries were exhausted
 *   or the record age was exceeded (whether or not an OnFailure destination received them), plus
 *   records trimmed by retention before processing (docs/rules.md, R64); `dropped` breaks it down.
 * - `OnFailureDestinationDeliveredEventCount`: records of discarded batches whose OnFailure
 *   message was sent to a destination.
 */
export interface StreamMetrics {
  readonly IteratorAge: Readonly<Record<string, readonly IteratorAgePoint[]>>;
  readonly IteratorAgeMaximum: Millis;
  readonly Invocations: number;
  readonly Errors: number;
  readonly Throttles: number;
  readonly DroppedEventCount: number;
  readonly OnFailureDestinationDeliveredEventCount: number;
  readonly dropped: DroppedBreakdown;
}

/** Computes {@link StreamMetrics} from a trace. */
export function metricsOf(trace: Trace): StreamMetrics {
  const invokes = new Map<number, { shard: number; last: number | undefined }>();
  const ages: Record<string, IteratorAgePoint[]> = {};
  for (const shard of trace.shards) ages[shard.id] = [];
  const dropped = { RetryAttemptsExhausted: 0, RecordAgeExceeded: 0, trimmed: 0 };
  let invocations = 0;
  let errors = 0;
  let throttles = 0;
  let delivered = 0;
  let maximum = 0;
  for (const e of trace.events) {
    switch (e.type) {
      case 'invoke':
        invokes.set(e.id, { shard: e.shard, last: e.records.at(-1) });
        if (e.env !== null) invocations++;
        break;
      case 'result': {
        if (e.outcome === 'NOT_INVOKED') {
          throttles++;
          break;
        }
        if (e.outcome === 'FUNCTION_ERROR') errors++;
        const invoke = invokes.get(e.id);
        const last = invoke?.last === undefined ? undefined : trace.records[invoke.last];
        if (invoke === undefined || last === undefined) break;
        const ageMs = Math.max(0, e.t - last.createdAt);
        maximum = Math.max(maximum, ageMs);
        (ages[trace.shards[invoke.shard]?.id ?? String(invoke.shard)] ??= []).push({ t: e.t, ageMs });
        break;
      }
      case 'discard':
        dropped[e.condition] += e.records.length;
        if (e.payload !== null) delivered += e.records.length;
        break;
      case 'trim':
        dropped.trimmed += e.records.length;
        break;
    }
  }
  return {
    IteratorAge: ages,
    IteratorAgeMaximum: maximum,
    Invocations: invocations,
    Errors: errors,
    Throttles: throttles,
    DroppedEventCount: dropped.RetryAttemptsExhausted + dropped.RecordAgeExceeded + dropped.trimmed,
    OnFailureDestinationDeliveredEventCount: delivered,
    dropped,
  };
}
