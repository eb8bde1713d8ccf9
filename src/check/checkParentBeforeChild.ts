import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { CHECKPOINT, INVOKE } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * R7, R16, I3: no record of a child shard is dispatched before every record of each of its parents
 * is checkpointed. Witnesses: the child's first early invocation, its first record, and the
 * parent's first record not yet checkpointed. Reported once per (child, parent) pair.
 */
export function checkParentBeforeChild(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, shard, aux, recStart, recs, id } = facts.cols;
  const shards = trace.shards.length;
  const checkpoint = new Int32Array(shards).fill(-1);
  const reported = new Set<number>();
  for (let i = 0; i < type.length; i++) {
    if (type[i] === CHECKPOINT) {
      const s = shard[i]!;
      if (facts.shardOf[aux[i]!] === s) checkpoint[s] = Math.max(checkpoint[s]!, facts.indexOf[aux[i]!]!);
      continue;
    }
    if (type[i] !== INVOKE || recStart[i] === recStart[i + 1]) continue;
    const child = shard[i]!;
    for (const parent of trace.shards[child]?.parents ?? []) {
      const records = facts.shardRecords[parent] ?? [];
      const next = checkpoint[parent]! + 1;
      if (next >= records.length || reported.has(child * shards + parent)) continue;
      reported.add(child * shards + parent);
      const first = recs[recStart[i]!]!;
      out.push(
        anomalyOf('parent-before-child', {
          rule: 'R7',
          summary: `invocation ${id[i]} delivers record #${first} of child shard ${child} while record #${records[next]} of its parent shard ${parent} is not checkpointed`,
          shard: child,
          records: [first, records[next]!],
          events: [i],
        }),
      );
    }
  }
  return out;
}
