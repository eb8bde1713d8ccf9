import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { CHECKPOINT, MISNAMED } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * R38, R42, I4: per shard the checkpoint never moves backwards, and it names a record of that
 * shard by its own sequence number. Witnesses: the two checkpoint events and their records.
 */
export function checkCheckpointMonotonic(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, shard, aux, flags } = facts.cols;
  const lastEvent = new Int32Array(trace.shards.length).fill(-1);
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== CHECKPOINT) continue;
    const s = shard[i]!;
    const ordinal = aux[i]!;
    if (flags[i] === MISNAMED || facts.shardOf[ordinal] !== s) {
      const seq = (trace.events[i] as { seq: string }).seq;
      const record = trace.records[ordinal]!;
      out.push(
        anomalyOf('checkpoint-monotonic', {
          rule: 'R38',
          summary: `the checkpoint of shard ${s} names seq ${seq} with record #${ordinal}, which is seq ${record.seq} of shard ${record.shard}`,
          shard: s,
          records: [ordinal],
          events: [i],
        }),
      );
      continue;
    }
    const before = lastEvent[s]!;
    if (before !== -1 && facts.indexOf[ordinal]! < facts.indexOf[aux[before]!]!) {
      out.push(
        anomalyOf('checkpoint-monotonic', {
          rule: 'R38',
          summary: `the checkpoint of shard ${s} moved back from record #${aux[before]} (seq ${trace.records[aux[before]!]!.seq}) to #${ordinal} (seq ${trace.records[ordinal]!.seq})`,
          shard: s,
          records: [aux[before]!, ordinal],
          events: [before, i],
        }),
      );
      continue;
    }
    lastEvent[s] = i;
  }
  return out;
}
