import type { Millis } from '../core/index.js';
import type { Trace } from './trace.js';
import type { TraceEvent } from './traceEvent.js';

/** Counts for one shard of a trace. */
export interface ShardSummary {
  readonly shard: number;
  readonly records: number;
  /** Invocations that reached the function (throttled dispatches are counted apart). */
  readonly invocations: number;
  /** Whole-batch failures: FUNCTION_ERROR and OK_MALFORMED results. */
  readonly errors: number;
  /** OK_PARTIAL results (batch item failures reported). */
  readonly partial: number;
  /** NOT_INVOKED dispatches. */
  readonly throttles: number;
  /** Invocations with attempt > 1. */
  readonly retries: number;
  readonly bisects: number;
  /** Records discarded (retries exhausted or too old). */
  readonly discarded: number;
  /** Records trimmed from the stream before they were processed. */
  readonly trimmed: number;
  /** Ordinal of the record the final checkpoint is at; null when it never moved. */
  readonly checkpoint: number | null;
  /** How many of the shard's records the final checkpoint covers. */
  readonly checkpointed: number;
}

/** The numbers behind `summarizeTrace`: data first, so reports can render them their own way. */
export interface TraceSummary {
  readonly shards: readonly ShardSummary[];
  readonly environments: { readonly started: number; readonly recycled: number; readonly recycleReasons: Readonly<Record<string, number>> };
  readonly faults: Readonly<Record<string, number>>;
  readonly findings: Readonly<Record<string, number>>;
  readonly end: { readonly reason: 'drained' | 'stalled' | 'limit'; readonly t: Millis } | null;
}

type Counts = { -readonly [K in keyof ShardSummary]: ShardSummary[K] };

export function traceSummary(trace: Trace): TraceSummary {
  const shards: Counts[] = trace.shards.map((s) => ({
    shard: s.ordinal,
    records: trace.records.filter((r) => r.shard === s.ordinal).length,
    invocations: 0, errors: 0, partial: 0, throttles: 0, retries: 0, bisects: 0, discarded: 0, trimmed: 0, checkpoint: null, checkpointed: 0,
  }));
  const shardOfDispatch = new Map<number, number>();
  const recycleReasons: Record<string, number> = {};
  const faults: Record<string, number> = {};
  const findings: Record<string, number> = {};
  let started = 0;
  let end: TraceSummary['end'] = null;
  const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const e of trace.events) {
    const shard = 'shard' in e && e.shard !== undefined ? shards[e.shard] : undefined;
    if (e.type === 'invoke') shardOfDispatch.set(e.id, e.shard);
    if (e.type === 'result') countResult(shards[shardOfDispatch.get(e.id) ?? -1], e);
    if (shard !== undefined) countShardEvent(shard, e, trace);
    if (e.type === 'env-start') started++;
    if (e.type === 'env-recycle') bump(recycleReasons, e.reason);
    if (e.type === 'fault') bump(faults, e.kind);
    if (e.type === 'finding') bump(findings, e.kind);
    if (e.type === 'end') end = { reason: e.reason, t: e.t };
  }
  const recycled = Object.values(recycleReasons).reduce((a, b) => a + b, 0);
  return { shards, environments: { started, recycled, recycleReasons }, faults, findings, end };
}

function countResult(shard: Counts | undefined, e: Extract<TraceEvent, { type: 'result' }>): void {
  if (shard === undefined) return;
  if (e.outcome === 'NOT_INVOKED') shard.throttles++;
  else shard.invocations++;
  if (e.outcome === 'FUNCTION_ERROR' || e.outcome === 'OK_MALFORMED') shard.errors++;
  if (e.outcome === 'OK_PARTIAL') shard.partial++;
}

function countShardEvent(shard: Counts, e: TraceEvent, trace: Trace): void {
  switch (e.type) {
    case 'invoke':
      if (e.attempt > 1 && e.env !== null) shard.retries++;
      return;
    case 'bisect':
      shard.bisects++;
      return;
    case 'discard':
      shard.discarded += e.records.length;
      return;
    case 'trim':
      shard.trimmed += e.records.length;
      return;
    case 'checkpoint':
      shard.checkpoint = e.record;
      shard.checkpointed = trace.records.filter((r) => r.shard === e.shard && r.ordinal <= e.record).length;
      return;
    default:
      return;
  }
}
