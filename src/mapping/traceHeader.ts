import type { Scenario } from '../scenario/scenario.js';
import type { StreamHistory } from '../stream/streamHistory.js';
import type { TraceRecord, TraceShard } from '../trace/trace.js';

/** The self-describing part of a trace: which shards and records the run was about. */
export function traceHeader(history: StreamHistory, scenario: Scenario) {
  const shards: TraceShard[] = history.shards.map((s) => ({ ordinal: s.ordinal, id: s.id, parents: s.parents, createdAt: s.createdAt, closedAt: s.closedAt ?? null }));
  const records: TraceRecord[] = history.records.map((r) => ({
    ordinal: r.ordinal,
    shard: r.shard,
    seq: r.seq,
    itemKey: r.itemKey,
    partitionKey: r.partitionKey,
    eventName: r.eventName,
    createdAt: r.createdAt,
    trimAt: r.trimAt,
  }));
  return { streamArn: history.arn, functionArn: scenario.function.functionArn, startEpochMs: scenario.startEpochMs, shards, records };
}
