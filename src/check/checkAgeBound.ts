import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import * as C from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * R25, R33, I6: with MaximumRecordAgeInSeconds a ≠ -1, no non-duplicate invocation holds a record
 * older than a (age from its whole-second ApproximateCreationDateTime, `model.ageAt`), and a
 * RecordAgeExceeded discard holds only records older than a. With a = -1 there is no such
 * discard. Witnesses: the event and its oldest offending record (or youngest wrongly discarded).
 */
export function checkAgeBound(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const seconds = model.scenario.mapping.maximumRecordAgeInSeconds;
  const limit = seconds * 1000;
  const { type, code, flags, t, shard, id, recStart, recs } = facts.cols;
  const bornAt = facts.bornAt;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === C.INVOKE && seconds !== -1 && (flags[i]! & C.DUPLICATE) === 0) {
      let oldest = -1;
      let age = limit;
      for (let k = recStart[i]!; k < recStart[i + 1]!; k++) {
        if (t[i]! - bornAt[recs[k]!]! > age) [oldest, age] = [recs[k]!, t[i]! - bornAt[recs[k]!]!];
      }
      if (oldest === -1) continue;
      out.push(
        anomalyOf('age-bound', {
          rule: 'R25',
          summary: `invocation ${id[i]} delivers record #${oldest} at age ${age} ms, over MaximumRecordAgeInSeconds ${seconds}`,
          shard: facts.shardOf[oldest]!,
          records: [oldest],
          events: [i],
        }),
      );
    } else if (type[i] === C.DISCARD && code[i] === C.RECORD_AGE_EXCEEDED) {
      let young = -1;
      for (let k = recStart[i]!; k < recStart[i + 1]! && young === -1; k++) if (seconds === -1 || t[i]! - bornAt[recs[k]!]! <= limit) young = recs[k]!;
      if (young === -1) continue;
      out.push(
        anomalyOf('age-bound', {
          rule: 'R25',
          summary:
            seconds === -1
              ? `record #${young} was discarded as RecordAgeExceeded although MaximumRecordAgeInSeconds is -1`
              : `record #${young} was discarded as RecordAgeExceeded at age ${t[i]! - bornAt[young]!} ms, within MaximumRecordAgeInSeconds ${seconds}`,
          shard: shard[i]!,
          records: [young],
          events: [i],
        }),
      );
    }
  }
  return out;
}
