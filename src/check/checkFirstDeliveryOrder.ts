import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { INVOKE, THROTTLED } from './eventCodes.js';
import { laneKey, traceFacts, type TraceFacts } from './traceFacts.js';

/**
 * R46, I2: first deliveries (to invocations that reached the function) are in sequence order per
 * shard, per lane with PF > 1; and no record is delivered for the first time while an earlier
 * record of its shard (lane) that is not in the same invocation is still unsettled. R26: with
 * PF > 1 an invocation holds records of its own lane only. Redeliveries may come in any order (R47).
 */
export function checkFirstDeliveryOrder(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  const out: Anomaly[] = [];
  const { type, flags, recStart, recs } = facts.cols;
  const keys = facts.laneRecords.length;
  const delivered = new Uint8Array(trace.records.length);
  const mark = new Int32Array(trace.records.length).fill(-1);
  const last = { position: new Int32Array(keys).fill(-1), ordinal: new Int32Array(keys), event: new Int32Array(keys) };
  const frontier = new Int32Array(keys);
  const scan = new Int32Array(keys);
  const scanStamp = new Int32Array(keys).fill(-1);
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== INVOKE || (flags[i]! & THROTTLED) !== 0) continue;
    const from = recStart[i]!;
    const to = recStart[i + 1]!;
    if (facts.pf > 1) laneMix(facts, i, out);
    for (let k = from; k < to; k++) mark[recs[k]!] = i;
    let orderReported = false;
    let settleReported = false;
    for (let k = from; k < to; k++) {
      const ordinal = recs[k]!;
      if (delivered[ordinal] === 1) continue;
      delivered[ordinal] = 1;
      const key = laneKey(facts, facts.shardOf[ordinal]!, facts.laneOf[ordinal]!);
      const position = facts.lanePos[ordinal]!;
      if (position <= last.position[key]!) {
        if (!orderReported) out.push(outOfOrder(facts, last.ordinal[key]!, ordinal, last.event[key]!, i));
        orderReported = true;
      } else {
        last.position[key] = position;
        last.ordinal[key] = ordinal;
        last.event[key] = i;
      }
      if (settleReported) continue;
      if (scanStamp[key] !== i) {
        scanStamp[key] = i;
        scan[key] = advanceFrontier(facts, frontier, key, i);
      }
      const unsettled = firstUnsettledBefore(facts, scan, key, position, mark, i);
      if (unsettled === -1) continue;
      settleReported = true;
      out.push(beforeSettled(facts, unsettled, ordinal, i));
    }
  }
  return out;
}

/** Moves the lane's frontier over records settled before event `at`; returns it. */
function advanceFrontier(facts: TraceFacts, frontier: Int32Array, key: number, at: number): number {
  const records = facts.laneRecords[key]!;
  let p = frontier[key]!;
  while (p < records.length) {
    const settled = facts.settledAt[records[p]!]!;
    if (settled === -1 || settled >= at) break;
    p++;
  }
  frontier[key] = p;
  return p;
}

/** The first record before `position` in the lane that is neither settled before `at` nor in this invocation, or -1. */
function firstUnsettledBefore(facts: TraceFacts, scan: Int32Array, key: number, position: number, mark: Int32Array, at: number): number {
  const records = facts.laneRecords[key]!;
  for (let p = scan[key]!; p < position; p++) {
    const ordinal = records[p]!;
    const settled = facts.settledAt[ordinal]!;
    if (mark[ordinal] === at || (settled !== -1 && settled < at)) continue;
    scan[key] = position + 1;
    return ordinal;
  }
  scan[key] = Math.max(scan[key]!, position + 1);
  return -1;
}

function scope(facts: TraceFacts, ordinal: number): string {
  return facts.pf === 1 ? `shard ${facts.shardOf[ordinal]}` : `lane ${facts.laneOf[ordinal]} of shard ${facts.shardOf[ordinal]}`;
}

function outOfOrder(facts: TraceFacts, earlier: number, later: number, earlierEvent: number, at: number): Anomaly {
  const seq = (ordinal: number) => facts.trace.records[ordinal]!.seq;
  return anomalyOf('first-delivery-order', {
    rule: 'R46',
    summary: `record #${later} (seq ${seq(later)}) was first delivered after record #${earlier} (seq ${seq(earlier)}), which follows it in ${scope(facts, later)}`,
    shard: facts.shardOf[later]!,
    records: [later, earlier],
    events: [earlierEvent, at],
  });
}

function beforeSettled(facts: TraceFacts, unsettled: number, ordinal: number, at: number): Anomaly {
  return anomalyOf('first-delivery-order', {
    rule: 'R46',
    summary: `record #${ordinal} was first delivered while the earlier record #${unsettled} of ${scope(facts, ordinal)} was neither acknowledged, discarded, trimmed nor skipped`,
    shard: facts.shardOf[ordinal]!,
    records: [unsettled, ordinal],
    events: [at],
  });
}

/** R26: with PF > 1 a batch holds records of one lane (partition key routing), the lane it runs in. */
function laneMix(facts: TraceFacts, at: number, out: Anomaly[]): void {
  const { recStart, recs, lane, shard, id } = facts.cols;
  for (let k = recStart[at]!; k < recStart[at + 1]!; k++) {
    const ordinal = recs[k]!;
    if (facts.laneOf[ordinal] === lane[at]) continue;
    out.push(
      anomalyOf('first-delivery-order', {
        rule: 'R26',
        summary: `invocation ${id[at]} in lane ${lane[at]} of shard ${shard[at]} holds record #${ordinal}, whose partition key routes it to lane ${facts.laneOf[ordinal]}`,
        shard: shard[at]!,
        records: [ordinal],
        events: [at],
      }),
    );
    return;
  }
}
