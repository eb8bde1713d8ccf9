import type { ShardHistory } from '../stream/streamHistory.js';
import type { Trace } from '../trace/trace.js';
import type { DiscardedRecord } from './Model.js';

/** The records a trace discarded, trimmed or skipped, in the order it gave them up. */
export function discardedIn(trace: Trace, shards: readonly ShardHistory[]): DiscardedRecord[] {
  const byOrdinal = new Map(shards.flatMap((shard) => shard.records.map((record) => [record.ordinal, record] as const)));
  const out: DiscardedRecord[] = [];
  const add = (ordinals: readonly number[], reason: DiscardedRecord['reason']) => {
    for (const ordinal of ordinals) {
      const record = byOrdinal.get(ordinal);
      if (record !== undefined) out.push({ record, reason });
    }
  };
  for (const e of trace.events) {
    if (e.type === 'discard') add(e.records, e.condition);
    else if (e.type === 'trim') add(e.records, 'trimmed');
    else if (e.type === 'shard-ready' && e.startIndex > 0) add(shards[e.shard]!.records.slice(0, e.startIndex).map((r) => r.ordinal), 'skipped-by-LATEST');
  }
  return out;
}
