import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import * as C from './eventCodes.js';
import { traceColumns, type TraceColumns } from './traceColumns.js';

/**
 * What several invariants need from one trace, computed once: its events as columns, where each
 * record sits (shard, position, PF lane) and when it was first settled.
 */
export interface TraceFacts {
  readonly trace: Trace;
  readonly model: Model;
  readonly cols: TraceColumns;
  /** ParallelizationFactor of the run. */
  readonly pf: number;
  /** By record ordinal: its shard, its position in the shard, and its PF lane (`model.laneOf`; 0 with PF 1). */
  readonly shardOf: Int32Array;
  readonly indexOf: Int32Array;
  readonly laneOf: Int32Array;
  /** Ordinals of each shard's records in shard order. */
  readonly shardRecords: readonly (readonly number[])[];
  /** Ordinals of each lane's records in shard order, at `laneKey(facts, shard, lane)`; with PF 1, the shard's. */
  readonly laneRecords: readonly (readonly number[])[];
  /** By record ordinal: its position in `laneRecords`. */
  readonly lanePos: Int32Array;
  /** By record ordinal: bytes it adds to an invocation payload (R21). */
  readonly payloadBytes: Int32Array;
  /** By record ordinal: the instant its age counts from (R25), so `model.ageAt(record, t) = t - bornAt` (0s without an age limit). */
  readonly bornAt: Float64Array;
  /**
   * By record ordinal: index of the first event at which the record was settled — acknowledged
   * by a successful or partial result (R32, R38), discarded, trimmed, or skipped by a LATEST
   * start (shard-ready) — or -1 when it never was.
   */
  readonly settledAt: Int32Array;
}

/** Key of a (shard, lane) pair in `laneRecords`. */
export function laneKey(facts: Pick<TraceFacts, 'pf'>, shard: number, lane: number): number {
  return shard * facts.pf + lane;
}

/** Computes the facts of a trace; throws when the trace is malformed or the model describes another stream. */
export function traceFacts(trace: Trace, model: Model): TraceFacts {
  const n = trace.records.length;
  if (model.records.length !== n) throw new Error(`check: the model does not describe this trace (got ${model.records.length} model records for ${n} trace records)`);
  const pf = Math.max(1, model.scenario.mapping.parallelizationFactor);
  const shardOf = new Int32Array(n);
  const indexOf = new Int32Array(n);
  const laneOf = new Int32Array(n);
  const lanePos = pf === 1 ? indexOf : new Int32Array(n);
  const payloadBytes = new Int32Array(n);
  const bornAt = new Float64Array(n);
  const shardRecords: number[][] = trace.shards.map(() => []);
  const laneRecords: number[][] = pf === 1 ? shardRecords : Array.from({ length: trace.shards.length * pf }, () => []);
  const ages = model.scenario.mapping.maximumRecordAgeInSeconds !== -1;
  // R26: lanes follow the partition key unless the semantics say otherwise; memoise per key then.
  const lanes = pf === 1 ? undefined : model.scenario.semantics.laneKey === 'partitionKey' ? new Map<string, number>() : null;
  for (let i = 0; i < n; i++) {
    const record = model.records[i]!;
    const shard = shardRecords[record.shard];
    if (record.ordinal !== i || shard === undefined || record.index !== shard.length) throw new Error(`check: the model's record ${i} is out of order`);
    payloadBytes[i] = record.payloadBytes;
    if (ages) bornAt[i] = -model.ageAt(record, 0);
    shardOf[i] = record.shard;
    indexOf[i] = record.index;
    shard.push(i);
    if (lanes === undefined) continue;
    let lane = lanes?.get(record.partitionKey);
    if (lane === undefined) {
      lane = model.laneOf(record);
      lanes?.set(record.partitionKey, lane);
    }
    laneOf[i] = lane;
    const list = laneRecords[record.shard * pf + lane]!;
    lanePos[i] = list.length;
    list.push(i);
  }
  describesTrace(trace, model);
  const cols = traceColumns(trace);
  return { trace, model, cols, pf, shardOf, indexOf, laneOf, laneRecords, lanePos, shardRecords, payloadBytes, bornAt, settledAt: settlements(cols, n, shardRecords) };
}

/** Samples the records (every one when few) to make sure model and trace describe the same stream. */
function describesTrace(trace: Trace, model: Model): void {
  const n = trace.records.length;
  const step = n <= 4096 ? 1 : 61;
  for (let i = 0; i < n; i += step) {
    const a = trace.records[i]!;
    const b = model.records[i]!;
    if (a.ordinal !== i || a.seq !== b.seq || a.shard !== b.shard) throw new Error(`check: the model does not describe this trace (record ${i} differs)`);
  }
  if (n > 0 && trace.records[n - 1]!.seq !== model.records[n - 1]!.seq) throw new Error(`check: the model does not describe this trace (record ${n - 1} differs)`);
}

function settlements(cols: TraceColumns, records: number, shardRecords: readonly (readonly number[])[]): Int32Array {
  const settledAt = new Int32Array(records).fill(-1);
  const { type, recStart, recs, ref, aux } = cols;
  const settle = (from: number, to: number, at: number): void => {
    for (let k = from; k < to; k++) if (settledAt[recs[k]!] === -1) settledAt[recs[k]!] = at;
  };
  for (let i = 0; i < cols.length; i++) {
    switch (type[i]) {
      case C.RESULT:
        if (ref[i]! >= 0 && aux[i]! > 0) settle(recStart[ref[i]!]!, recStart[ref[i]!]! + aux[i]!, i);
        break;
      case C.DISCARD:
      case C.TRIM:
        settle(recStart[i]!, recStart[i + 1]!, i);
        break;
      case C.SHARD_READY: {
        const shard = shardRecords[cols.shard[i]!] ?? [];
        for (let j = 0; j < aux[i]! && j < shard.length; j++) if (settledAt[shard[j]!] === -1) settledAt[shard[j]!] = i;
        break;
      }
      default:
        break;
    }
  }
  return settledAt;
}

/** The records of event `i` (invoke, discard, trim; a result: those of its invoke) as a fresh array. */
export function recordsOf(cols: TraceColumns, i: number): number[] {
  const at = cols.type[i] === C.RESULT ? cols.ref[i]! : i;
  return at < 0 ? [] : Array.from(cols.recs.subarray(cols.recStart[at]!, cols.recStart[at + 1]!));
}
