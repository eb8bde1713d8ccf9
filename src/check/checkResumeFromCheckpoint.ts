import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import * as C from './eventCodes.js';
import { laneKey, traceFacts, type TraceFacts } from './traceFacts.js';

/** Where one lane must resume after the mapping was disabled or restarted at event `since`. */
interface Resume {
  readonly since: number;
  readonly change: string;
  /** Shard position of the first record after the checkpoint at that moment. */
  readonly from: number;
  /** Records discarded since (by the record-age gate before the lane's next invocation). */
  readonly discarded: Set<number>;
}

/**
 * R28. A disabled mapping invokes nothing new (an invocation in flight when it was disabled
 * completes). After re-enabling or a poller restart, the first invocation of each lane that does
 * not continue in-flight work starts at the first record after the checkpoint that is not trimmed
 * (or discarded since), and reads on without gaps. At any time, no non-duplicate invocation holds
 * a record at or before its shard's checkpoint.
 */
export function checkResumeFromCheckpoint(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, code, flags, shard, aux, recStart, recs } = facts.cols;
  const shards = trace.shards.length;
  const checkpoint = new Int32Array(shards).fill(-1);
  const checkpointEvent = new Int32Array(shards).fill(-1);
  const ready = new Uint8Array(shards);
  const trimmed = new Uint8Array(trace.records.length);
  const resumes = new Map<number, Resume>();
  let disabledAt = model.scenario.mapping.enabled ? -2 : -1;
  for (let i = 0; i < type.length; i++) {
    switch (type[i]) {
      case C.SHARD_READY:
        ready[shard[i]!] = 1;
        break;
      case C.CHECKPOINT: {
        const s = shard[i]!;
        if (facts.shardOf[aux[i]!] === s && facts.indexOf[aux[i]!]! >= checkpoint[s]!) {
          checkpoint[s] = facts.indexOf[aux[i]!]!;
          checkpointEvent[s] = i;
        }
        break;
      }
      case C.TRIM:
        for (let k = recStart[i]!; k < recStart[i + 1]!; k++) trimmed[recs[k]!] = 1;
        break;
      case C.DISCARD:
        if (resumes.size === 0) break;
        for (let k = recStart[i]!; k < recStart[i + 1]!; k++) resumes.get(laneKey(facts, facts.shardOf[recs[k]!]!, facts.laneOf[recs[k]!]!))?.discarded.add(recs[k]!);
        break;
      case C.MAPPING:
        if (code[i] === C.ENABLED) {
          disabledAt = -2;
          break;
        }
        if (code[i] === C.DISABLED) disabledAt = i;
        for (let s = 0; s < shards; s++) {
          if (ready[s] === 0) continue;
          const change = code[i] === C.DISABLED ? 'disabled' : 'restarted';
          for (let lane = 0; lane < facts.pf; lane++) resumes.set(laneKey(facts, s, lane), { since: i, change, from: checkpoint[s]! + 1, discarded: new Set() });
        }
        break;
      case C.INVOKE:
        if ((flags[i]! & C.DUPLICATE) === 0) invoke(facts, i, { checkpoint, checkpointEvent, trimmed, resumes, disabledAt }, out);
        break;
      default:
        break;
    }
  }
  return out;
}

interface State {
  readonly checkpoint: Int32Array;
  readonly checkpointEvent: Int32Array;
  readonly trimmed: Uint8Array;
  readonly resumes: Map<number, Resume>;
  readonly disabledAt: number;
}

function invoke(facts: TraceFacts, i: number, state: State, out: Anomaly[]): void {
  const { flags, shard, lane } = facts.cols;
  const s = shard[i]!;
  const passed = checkpointedRecord(facts, i, state.checkpoint[s] ?? -1);
  if (passed !== -1) out.push(redelivered(facts, i, passed, state.checkpointEvent[s]!));
  if ((flags[i]! & C.STALE) !== 0) return;
  if (state.disabledAt !== -2) {
    out.push(whileDisabled(facts, i, state.disabledAt));
    return;
  }
  const key = laneKey(facts, s, lane[i]!);
  const resume = lane[i]! < facts.pf ? state.resumes.get(key) : undefined;
  if (resume === undefined) return;
  state.resumes.delete(key);
  const gap = resumeGap(facts, key, resume, state.trimmed, i);
  if (gap !== undefined && passed === -1) out.push(misplaced(facts, i, resume, gap));
}

/** The first record of invocation `i` at or before its shard's checkpoint position `upTo`, or -1. */
function checkpointedRecord(facts: TraceFacts, i: number, upTo: number): number {
  if (upTo < 0) return -1;
  const { recStart, recs, shard } = facts.cols;
  for (let k = recStart[i]!; k < recStart[i + 1]!; k++) {
    if (facts.shardOf[recs[k]!] === shard[i] && facts.indexOf[recs[k]!]! <= upTo) return recs[k]!;
  }
  return -1;
}

/**
 * Walks the lane from the resume point alongside invocation `i`: returns the first mismatch as
 * [expected record or -1, delivered record], or undefined when it reads on without gaps.
 */
function resumeGap(facts: TraceFacts, key: number, resume: Resume, trimmed: Uint8Array, i: number): [number, number] | undefined {
  const { recStart, recs } = facts.cols;
  const lane = facts.laneRecords[key]!;
  let p = lowerBound(facts, lane, resume.from);
  for (let k = recStart[i]!; k < recStart[i + 1]!; k++) {
    while (p < lane.length && (trimmed[lane[p]!] === 1 || resume.discarded.has(lane[p]!))) p++;
    const expected = p < lane.length ? lane[p]! : -1;
    if (expected !== recs[k]) return [expected, recs[k]!];
    p++;
  }
  return undefined;
}

/** First position in a lane whose record sits at shard position ≥ `from`. */
function lowerBound(facts: TraceFacts, lane: readonly number[], from: number): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (facts.indexOf[lane[mid]!]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function redelivered(facts: TraceFacts, i: number, ordinal: number, checkpointAt: number): Anomaly {
  const { id, shard, aux } = facts.cols;
  return anomalyOf('resume-from-checkpoint', {
    rule: 'R28',
    summary: `invocation ${id[i]} (not a duplicate) delivers record #${ordinal} again although the checkpoint of shard ${shard[i]} had already passed it (at record #${aux[checkpointAt]})`,
    shard: shard[i]!,
    records: [ordinal],
    events: [checkpointAt, i],
  });
}

function whileDisabled(facts: TraceFacts, i: number, disabledAt: number): Anomaly {
  const { id, shard, recStart, recs } = facts.cols;
  return anomalyOf('resume-from-checkpoint', {
    rule: 'R28',
    summary: `invocation ${id[i]} of shard ${shard[i]} started while the mapping was disabled`,
    shard: shard[i]!,
    records: recStart[i] === recStart[i + 1] ? [] : [recs[recStart[i]!]!],
    events: disabledAt >= 0 ? [disabledAt, i] : [i],
  });
}

function misplaced(facts: TraceFacts, i: number, resume: Resume, [expected, delivered]: [number, number]): Anomaly {
  const { id, shard, lane } = facts.cols;
  const where = facts.pf === 1 ? `shard ${shard[i]}` : `lane ${lane[i]} of shard ${shard[i]}`;
  const skipped = expected !== -1 && facts.indexOf[delivered]! > facts.indexOf[expected]!;
  const summary =
    expected === -1
      ? `after the mapping was ${resume.change}, invocation ${id[i]} of ${where} delivers record #${delivered}, but nothing after the checkpoint was left to resume from`
      : skipped
        ? `after the mapping was ${resume.change}, ${where} resumed with invocation ${id[i]} but skipped record #${expected}, which was unsettled after the checkpoint`
        : `after the mapping was ${resume.change}, invocation ${id[i]} of ${where} delivers record #${delivered} where record #${expected} was due`;
  return anomalyOf('resume-from-checkpoint', {
    rule: 'R28',
    summary,
    shard: shard[i]!,
    records: expected === -1 ? [delivered] : [expected, delivered],
    events: [resume.since, i],
  });
}
