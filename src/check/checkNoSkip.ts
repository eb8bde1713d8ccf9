import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { CHECKPOINT } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * R32, R38, R42, R57: when the checkpoint of a shard moves, every record it passes was settled
 * before: acknowledged (by a success, or before the lowest failure of a partial response),
 * discarded, trimmed or skipped by a LATEST start. Witnesses: the checkpoint event and the first
 * record it passed unsettled.
 */
export function checkNoSkip(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, shard, aux } = facts.cols;
  const verified = new Int32Array(trace.shards.length).fill(-1);
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== CHECKPOINT) continue;
    const s = shard[i]!;
    const ordinal = aux[i]!;
    if (facts.shardOf[ordinal] !== s) continue;
    const records = facts.shardRecords[s]!;
    const upTo = facts.indexOf[ordinal]!;
    let first = -1;
    let count = 0;
    for (let j = verified[s]! + 1; j <= upTo; j++) {
      const settled = facts.settledAt[records[j]!]!;
      if (settled !== -1 && settled < i) continue;
      if (first === -1) first = records[j]!;
      count++;
    }
    if (upTo > verified[s]!) verified[s] = upTo;
    if (first === -1) continue;
    out.push(
      anomalyOf('no-skip', {
        rule: 'R32',
        summary: `the checkpoint of shard ${s} moved to record #${ordinal} past record #${first} (seq ${trace.records[first]!.seq})${count > 1 ? ` and ${count - 1} more` : ''}, which was neither acknowledged, discarded, trimmed nor skipped`,
        shard: s,
        records: [first],
        events: [i],
      }),
    );
  }
  return out;
}
