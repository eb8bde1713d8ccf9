import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import * as C from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

/** The record set a lane is working on: `recs[start .. end)`, and its invocations so far. */
interface RecordSet {
  start: number;
  readonly end: number;
  /** Invocations of this set that reached the function (R24, R33). */
  count: number;
  /** Their invoke events (the first few), as witnesses. */
  invokes: number[];
}

/**
 * R24, R33, R39, R43, I5. A record set is what a lane retries: a batch, a bisected half, or the
 * suffix a partial response leaves (whose count restarts when `resetRetriesOnPartialProgress`);
 * the record-age gate and trims may shorten it from the front. With MaximumRetryAttempts m ≥ 0 it
 * reaches the function at most m + 1 times, and a RetryAttemptsExhausted discard comes after
 * exactly m + 1; throttles never count. With m = -1 nothing is discarded for retries. Duplicates
 * and invocations in flight across a disable or restart are not the lane's retries.
 */
export function checkRetryBound(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const m = model.scenario.mapping.maximumRetryAttempts;
  const reset = model.scenario.semantics.resetRetriesOnPartialProgress;
  const { type, code, flags, shard, lane, ref, aux, recStart } = facts.cols;
  const lanes = new Map<number, RecordSet>();
  const pending = new Map<number, RecordSet>();
  for (let i = 0; i < type.length; i++) {
    switch (type[i]) {
      case C.MAPPING:
        if (code[i] !== C.ENABLED) lanes.clear();
        break;
      case C.INVOKE: {
        if ((flags[i]! & (C.DUPLICATE | C.STALE)) !== 0) break;
        const key = shard[i]! * 1024 + lane[i]!;
        let set = lanes.get(key);
        if (set !== undefined && isSuffix(facts, recStart[i]!, recStart[i + 1]!, set)) set.start = set.end - (recStart[i + 1]! - recStart[i]!);
        else lanes.set(key, (set = { start: recStart[i]!, end: recStart[i + 1]!, count: 0, invokes: [] }));
        pending.set(i, set);
        break;
      }
      case C.RESULT: {
        const set = pending.get(ref[i]!);
        if (set === undefined) break;
        pending.delete(ref[i]!);
        if (code[i] === C.NOT_INVOKED) break;
        set.count++;
        if (set.invokes.length < 7) set.invokes.push(ref[i]!);
        if (m >= 0 && set.count === m + 2) out.push(tooMany(facts, set, m, ref[i]!));
        const acknowledged = aux[i]!;
        const key = shard[i]! * 1024 + lane[i]!;
        if (set.start + acknowledged >= set.end) {
          if (lanes.get(key) === set) lanes.delete(key);
        } else if (acknowledged > 0) {
          set.start += acknowledged;
          if (reset) {
            set.count = 0;
            set.invokes = [];
          }
        }
        break;
      }
      case C.BISECT:
        lanes.delete(shard[i]! * 1024 + lane[i]!);
        break;
      case C.DISCARD:
        discard(facts, i, lanes, m, out);
        break;
      default:
        break;
    }
  }
  return out;
}

function discard(facts: TraceFacts, i: number, lanes: Map<number, RecordSet>, m: number, out: Anomaly[]): void {
  const { code, shard, lane, recStart } = facts.cols;
  const key = shard[i]! * 1024 + lane[i]!;
  const set = lanes.get(key);
  const from = recStart[i]!;
  const to = recStart[i + 1]!;
  if (code[i] === C.RECORD_AGE_EXCEEDED) {
    if (set === undefined || !isPrefix(facts, from, to, set)) return;
    set.start += to - from;
    if (set.start >= set.end) lanes.delete(key);
    return;
  }
  lanes.delete(key);
  let problem: string | undefined;
  if (m === -1) problem = 'although MaximumRetryAttempts is -1 (retry until the records expire)';
  else if (set === undefined || set.end - set.start !== to - from || !isSuffix(facts, from, to, set)) problem = `although they were not the record set being retried`;
  else if (set.count < m + 1) problem = `after ${set.count} invocation(s) of the set, where MaximumRetryAttempts ${m} requires exactly ${m + 1}`;
  if (problem === undefined) return;
  const records = Array.from(facts.cols.recs.subarray(from, to));
  out.push(
    anomalyOf('retry-bound', {
      rule: 'R24',
      summary: `records ${describe(records)} of shard ${shard[i]} were discarded as RetryAttemptsExhausted ${problem}`,
      shard: shard[i]!,
      records,
      events: [...(set?.invokes ?? []).slice(0, 7), i],
    }),
  );
}

/** `recs[from .. to)` are the set's remaining records, or a suffix of them. */
function isSuffix(facts: TraceFacts, from: number, to: number, set: RecordSet): boolean {
  const recs = facts.cols.recs;
  const offset = set.end - (to - from);
  if (to === from || offset < set.start) return false;
  for (let k = to - from - 1; k >= 0; k--) if (recs[from + k] !== recs[offset + k]) return false;
  return true;
}

function isPrefix(facts: TraceFacts, from: number, to: number, set: RecordSet): boolean {
  const recs = facts.cols.recs;
  if (to - from > set.end - set.start) return false;
  for (let k = 0; k < to - from; k++) if (recs[from + k] !== recs[set.start + k]) return false;
  return true;
}

function tooMany(facts: TraceFacts, set: RecordSet, m: number, at: number): Anomaly {
  const records = Array.from(facts.cols.recs.subarray(set.start, set.end));
  return anomalyOf('retry-bound', {
    rule: 'R24',
    summary: `the record set ${describe(records)} of shard ${facts.shardOf[records[0]!]} reached the function ${m + 2} times, but MaximumRetryAttempts ${m} allows ${m + 1}`,
    shard: facts.shardOf[records[0]!]!,
    records,
    events: [...set.invokes.slice(0, 7), at],
  });
}

function describe(records: readonly number[]): string {
  return records.length === 1 ? `#${records[0]}` : `#${records[0]}..#${records[records.length - 1]} (${records.length} records)`;
}
