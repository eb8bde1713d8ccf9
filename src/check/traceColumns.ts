import { compareSeq } from '../core/index.js';
import type { Trace } from '../trace/trace.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import * as C from './eventCodes.js';
import { StaleTracker } from './StaleTracker.js';

/**
 * The trace's events as typed-array columns, one entry per event index (codes in
 * `eventCodes.ts`), so every checker scans compact arrays; the event objects are read again only
 * to describe an anomaly. Built in one pass by `traceColumns`.
 */
export interface TraceColumns {
  readonly length: number;
  readonly type: Uint8Array;
  /** result: outcome; discard: condition; mapping: state; end: reason; dependency: INJECTED_FAILURE or 0. */
  readonly code: Uint8Array;
  /** invoke: DUPLICATE | THROTTLED | STALE; result: FAULTED. */
  readonly flags: Uint8Array;
  readonly t: Float64Array;
  /** Shard and lane of the event (a result: of its invoke); -1 when it has none. */
  readonly shard: Int32Array;
  readonly lane: Int32Array;
  /** invoke, result, finding, dependency, env-start: the dispatch id; -1 otherwise. */
  readonly id: Int32Array;
  /** result, finding, dependency: index of the dispatch's invoke event, or -1. */
  readonly ref: Int32Array;
  /** checkpoint: the record; shard-ready: startIndex; result: how many leading records it acknowledges (R32, R38). */
  readonly aux: Int32Array;
  /** Records of invoke, discard and trim events: `recs[recStart[i] .. recStart[i + 1])`. */
  readonly recStart: Int32Array;
  readonly recs: Int32Array;
  /** Index of the `end` event, or -1. */
  readonly endAt: number;
}

/** Converts the events; throws when one references a record the header does not list. */
export function traceColumns(trace: Trace): TraceColumns {
  const events = trace.events;
  const n = events.length;
  const cols: Builder = {
    length: n,
    type: new Uint8Array(n),
    code: new Uint8Array(n),
    flags: new Uint8Array(n),
    t: new Float64Array(n),
    shard: new Int32Array(n).fill(-1),
    lane: new Int32Array(n).fill(-1),
    id: new Int32Array(n).fill(-1),
    ref: new Int32Array(n).fill(-1),
    aux: new Int32Array(n),
    recStart: new Int32Array(n + 1),
    recs: new Int32Array(Math.max(16, n)),
    endAt: -1,
  };
  const invokeAt: number[] = [];
  const stale = new StaleTracker(cols, trace.shards.length);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    let count = 0;
    switch (e.type) {
      case 'poll':
        cols.type[i] = C.POLL;
        break;
      case 'batch':
        cols.type[i] = C.BATCH;
        break;
      case 'invoke':
        cols.type[i] = C.INVOKE;
        count = invoke(cols, trace, i, e);
        invokeAt[e.id] = i;
        stale.invoke(i, e.shard, e.lane);
        break;
      case 'result':
        cols.type[i] = C.RESULT;
        result(cols, trace, i, e, invokeAt[e.id]);
        stale.settle(cols.ref[i]!);
        break;
      case 'checkpoint':
        cols.type[i] = C.CHECKPOINT;
        cols.shard[i] = e.shard;
        cols.aux[i] = known(trace, i, e.record);
        if (e.seq !== trace.records[e.record]!.seq) cols.flags[i] = C.MISNAMED;
        break;
      case 'discard':
        cols.type[i] = C.DISCARD;
        count = discard(cols, trace, i, e);
        break;
      case 'trim':
        cols.type[i] = C.TRIM;
        cols.t[i] = e.t;
        cols.shard[i] = e.shard;
        count = append(cols, trace, i, e.records);
        break;
      default:
        other(cols, i, e, invokeAt, stale);
        break;
    }
    cols.recStart[i + 1] = cols.recStart[i]! + count;
  }
  return cols;
}

type Builder = { -readonly [K in keyof TraceColumns]: TraceColumns[K] };

function place(cols: Builder, i: number, shard: number, lane: number, id: number): void {
  cols.shard[i] = shard;
  cols.lane[i] = lane;
  cols.id[i] = id;
}

function invoke(cols: Builder, trace: Trace, i: number, e: Extract<TraceEvent, { type: 'invoke' }>): number {
  cols.t[i] = e.t;
  place(cols, i, e.shard, e.lane, e.id);
  cols.flags[i] = (e.duplicate ? C.DUPLICATE : 0) | (e.env === null ? C.THROTTLED : 0);
  return append(cols, trace, i, e.records);
}

function discard(cols: Builder, trace: Trace, i: number, e: Extract<TraceEvent, { type: 'discard' }>): number {
  cols.t[i] = e.t;
  place(cols, i, e.shard, e.lane, -1);
  cols.code[i] = e.condition === 'RetryAttemptsExhausted' ? C.RETRY_ATTEMPTS_EXHAUSTED : C.RECORD_AGE_EXCEEDED;
  return append(cols, trace, i, e.records);
}

function known(trace: Trace, at: number, ordinal: number): number {
  if (!(ordinal >= 0 && ordinal < trace.records.length && Number.isInteger(ordinal))) {
    throw new Error(`check: trace event ${at} references record ${ordinal}, which the header does not list`);
  }
  return ordinal;
}

function append(cols: Builder, trace: Trace, at: number, records: readonly number[]): number {
  const from = cols.recStart[at]!;
  if (from + records.length > cols.recs.length) {
    const grown = new Int32Array(Math.max(cols.recs.length * 2, from + records.length));
    grown.set(cols.recs);
    cols.recs = grown;
  }
  const n = trace.records.length;
  for (let k = 0; k < records.length; k++) {
    const ordinal = records[k]!;
    if (ordinal >>> 0 !== ordinal || ordinal >= n) known(trace, at, ordinal);
    cols.recs[from + k] = ordinal;
  }
  return records.length;
}

function result(cols: Builder, trace: Trace, i: number, e: Extract<TraceEvent, { type: 'result' }>, invoke: number | undefined): void {
  cols.id[i] = e.id;
  cols.code[i] = C.OUTCOME_CODES[e.outcome] ?? 0;
  if (e.fault !== undefined) cols.flags[i] = C.FAULTED;
  if (invoke === undefined) return;
  cols.ref[i] = invoke;
  cols.shard[i] = cols.shard[invoke]!;
  cols.lane[i] = cols.lane[invoke]!;
  const from = cols.recStart[invoke]!;
  const to = cols.recStart[invoke + 1]!;
  if (e.outcome === 'OK_SUCCESS') cols.aux[i] = to - from;
  else if (e.outcome === 'OK_PARTIAL' && e.lowest !== undefined) {
    let k = from;
    while (k < to && compareSeq(trace.records[cols.recs[k]!]!.seq, e.lowest) < 0) k++;
    cols.aux[i] = k - from;
  }
}

const INJECTED_ACTIONS = new Set(['rejected', 'applied-then-rejected', 'crashed', 'dead']);
const MAPPING_CODES: Readonly<Record<string, number>> = { disabled: C.DISABLED, enabled: C.ENABLED, restarted: C.RESTARTED };
const END_CODES: Readonly<Record<string, number>> = { drained: C.DRAINED, stalled: C.STALLED, limit: C.LIMIT };

function other(cols: Builder, i: number, e: TraceEvent, invokeAt: readonly number[], stale: StaleTracker): void {
  cols.type[i] = C.TYPE_CODES[e.type] ?? 0;
  switch (e.type) {
    case 'shard-ready':
      cols.shard[i] = e.shard;
      cols.aux[i] = e.startIndex;
      break;
    case 'bisect':
      place(cols, i, e.shard, e.lane, -1);
      break;
    case 'mapping':
      cols.t[i] = e.t;
      cols.code[i] = MAPPING_CODES[e.state] ?? 0;
      if (e.state !== 'enabled') stale.reset();
      break;
    case 'dependency':
      cols.id[i] = e.dispatch;
      cols.ref[i] = invokeAt[e.dispatch] ?? -1;
      cols.code[i] = INJECTED_ACTIONS.has(e.action) ? C.INJECTED_FAILURE : 0;
      break;
    case 'finding':
      cols.id[i] = e.dispatch ?? -1;
      cols.ref[i] = e.dispatch === null ? -1 : (invokeAt[e.dispatch] ?? -1);
      break;
    case 'end':
      cols.code[i] = END_CODES[e.reason] ?? 0;
      cols.endAt = i;
      break;
    default:
      break;
  }
}
