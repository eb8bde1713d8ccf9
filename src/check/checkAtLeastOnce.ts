import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { DRAINED, ENABLED, MAPPING, RESTARTED, STALLED } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * I1 (R42, R57): when a run ends — `drained`, or `stalled` with nothing left to do while the mapping
 * is enabled, which means the mapping forgot records — every record was acknowledged by the
 * function, discarded, trimmed or skipped by a LATEST start. One anomaly per shard, naming the
 * records lost (the first few) and the end event. A run stopped at its `limit` is a liveness
 * matter (`progress-after-faults`).
 */
export function checkAtLeastOnce(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const { endAt, code } = facts.cols;
  if (endAt === -1) return [];
  if (code[endAt] !== DRAINED && !(code[endAt] === STALLED && enabledAtEnd(facts, model))) return [];
  const out: Anomaly[] = [];
  facts.shardRecords.forEach((records, shard) => {
    const lost = records.filter((ordinal) => facts.settledAt[ordinal] === -1);
    if (lost.length === 0) return;
    out.push(
      anomalyOf('at-least-once', {
        rule: 'I1',
        summary: `the run ${code[endAt] === DRAINED ? 'drained' : 'stalled with the mapping enabled'}, but ${lost.length} record(s) of shard ${shard}, from #${lost[0]} (seq ${trace.records[lost[0]!]!.seq}), were never acknowledged, discarded, trimmed nor skipped`,
        shard,
        records: lost,
        events: [endAt],
      }),
    );
  });
  return out;
}

function enabledAtEnd(facts: TraceFacts, model: Model): boolean {
  const { type, code } = facts.cols;
  let enabled = model.scenario.mapping.enabled;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === MAPPING && code[i] !== RESTARTED) enabled = code[i] === ENABLED;
  }
  return enabled;
}
