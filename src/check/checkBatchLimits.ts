import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { INVOKE } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/** R21: the synchronous invocation payload limit, and the `{"Records":[` + `]}` around the records. */
export const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
export const EVENT_OVERHEAD_BYTES = 14;

/**
 * R19, R21: every invocation holds at most BatchSize records, all from its shard, in shard order,
 * and (beyond a single record) within 6 MB. Witnesses: the invoke event and the fewest records
 * that break the limit.
 */
export function checkBatchLimits(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { batchSize } = model.scenario.mapping;
  const { type, recStart, recs, shard } = facts.cols;
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== INVOKE) continue;
    const from = recStart[i]!;
    const to = recStart[i + 1]!;
    const id = facts.cols.id[i]!;
    const s = shard[i]!;
    if (to - from > batchSize) {
      out.push(limit(`invocation ${id} holds ${to - from} records, more than BatchSize ${batchSize}`, 'R19', s, Array.from(recs.subarray(from, from + batchSize + 1)), i));
    }
    let bytes = EVENT_OVERHEAD_BYTES;
    for (let k = from; k < to; k++) {
      const ordinal = recs[k]!;
      if (facts.shardOf[ordinal] !== s) {
        out.push(limit(`invocation ${id} for shard ${s} holds record #${ordinal} of shard ${facts.shardOf[ordinal]}`, 'R21', s, [ordinal], i));
        break;
      }
      if (k > from && facts.indexOf[ordinal]! <= facts.indexOf[recs[k - 1]!]!) {
        out.push(limit(`invocation ${id} lists record #${ordinal} after #${recs[k - 1]}, out of shard order`, 'R21', s, [recs[k - 1]!, ordinal], i));
        break;
      }
      bytes += facts.payloadBytes[ordinal]!;
      if (k > from && bytes > MAX_PAYLOAD_BYTES) {
        out.push(limit(`invocation ${id} carries more than 6 MB: its first ${k - from + 1} records already make ${bytes} bytes`, 'R21', s, Array.from(recs.subarray(from, k + 1)), i));
        break;
      }
    }
  }
  return out;
}

function limit(summary: string, rule: string, shard: number, records: readonly number[], at: number): Anomaly {
  return anomalyOf('batch-limits', { rule, summary, shard, records, events: [at] });
}
