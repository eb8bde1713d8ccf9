import type { Anomaly } from '../check/anomaly.js';
import { formatVirtualTime, itemKeyText, type Trace } from '../trace/index.js';
import { eventLine } from './eventLine.js';
import { rulesText } from './headline.js';
import { durationText, safeText } from './safeText.js';

/** `@2  shard 0  user#2|profile  INSERT  seq 3100…  +0.400s`: a record with what identifies it. */
export function recordLine(trace: Trace, ordinal: number): string {
  const record = trace.records[ordinal];
  if (record === undefined) return `@${ordinal}  (not in the trace)`;
  return `@${ordinal}  shard ${record.shard}  ${itemKeyText(record)}  ${record.eventName}  seq ${record.seq}  ${formatVirtualTime(record.createdAt)}`;
}

/** One anomaly: its summary, how long it blocked, and its minimal witnesses (events, then records). */
export function renderAnomaly(trace: Trace, anomaly: Anomaly): string[] {
  const rules = rulesText(anomaly.rule);
  const where = anomaly.shard === undefined ? '' : ` on shard ${anomaly.shard}`;
  const out = [`  ${anomaly.invariant} (${anomaly.kind}${rules === '' ? '' : `, ${rules}`})${where}`, `    ${safeText(anomaly.summary, 400)}`];
  if (anomaly.blockedMs !== undefined) out.push(`    blocked ${anomaly.shard === undefined ? 'its shard' : `shard ${anomaly.shard}`} for ${durationText(formatVirtualTime(anomaly.blockedMs))}`);
  if (anomaly.events.length > 0) {
    out.push('    witness events');
    for (const index of anomaly.events) out.push(`      #${index}  ${eventLine(trace, index)}`);
  }
  if (anomaly.records.length > 0) {
    out.push('    witness records');
    for (const ordinal of anomaly.records) out.push(`      ${recordLine(trace, ordinal)}`);
  }
  return out;
}

/** The `anomalies` section: every anomaly of the verdict with its witnesses. */
export function renderWitnesses(trace: Trace, anomalies: readonly Anomaly[]): string[] {
  if (anomalies.length === 0) return [];
  return [`anomalies (${anomalies.length})`, ...anomalies.flatMap((a) => renderAnomaly(trace, a))];
}
