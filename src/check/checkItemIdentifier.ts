import type { Model } from '../model/index.js';
import type { Trace } from '../trace/trace.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import type { Anomaly } from './anomaly.js';
import { anomalyOf } from './anomalyOf.js';
import { RESULT } from './eventCodes.js';
import { traceFacts, type TraceFacts } from './traceFacts.js';

type Result = Extract<TraceEvent, { type: 'result' }>;

interface Misnamed {
  /** Describes the identifier and what it names instead. */
  readonly what: string;
  /** The record it was evidently meant for (its eventID was given), if any. */
  readonly meant?: number;
}

/**
 * Harness (R35, R37): with ReportBatchItemFailures, each `itemIdentifier` in `batchItemFailures`
 * must be the `SequenceNumber` of a record of the batch. Anything else (an eventID, a computed
 * sequence number, a number, null, a missing key) is not a partial failure: AWS takes the whole
 * response as a failure and retries the whole batch, which nobody intends. One anomaly per record
 * set and identifier, so a batch retried with the same mistake is reported once, its invocations
 * as witnesses.
 */
export function checkItemIdentifier(trace: Trace, model: Model, facts: TraceFacts = traceFacts(trace, model)): Anomaly[] {
  if (!model.scenario.mapping.functionResponseTypes.includes('ReportBatchItemFailures')) return [];
  const { type, ref, recStart, recs, shard } = facts.cols;
  const groups = new Map<string, { readonly first: Result; readonly misnamed: Misnamed; readonly batch: number[]; readonly events: number[] }>();
  for (let i = 0; i < type.length; i++) {
    if (type[i] !== RESULT || ref[i] === -1) continue;
    const result = trace.events[i] as Result;
    const entries = (result.response as { batchItemFailures?: unknown } | null | undefined)?.batchItemFailures;
    if (!Array.isArray(entries) || entries.length === 0) continue;
    const invoke = ref[i]!;
    const batch = Array.from(recs.subarray(recStart[invoke]!, recStart[invoke + 1]!));
    const misnamed = firstMisnamed(entries, batch, trace, model);
    if (misnamed === undefined) continue;
    const key = `${batch.join(',')}|${misnamed.what}`;
    const group = groups.get(key) ?? { first: result, misnamed, batch, events: [] };
    group.events.push(invoke, i);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, misnamed, batch, events }) => {
    const more = events.length / 2 - 1;
    const ignored = first.outcome !== 'OK_MALFORMED';
    const effect = ignored
      ? 'the simulated mapping ignored it (semantics.unknownItemIdentifier: ignore), so the record it meant was not retried; AWS may instead retry the whole batch'
      : 'AWS takes such a response as a complete failure and retries the whole batch, not the records meant (R37)';
    return anomalyOf('item-identifier', {
      rule: 'R37',
      summary: `invocation ${first.id} returned batchItemFailures with ${misnamed.what}${more > 0 ? `, and so did ${more} later invocation${more === 1 ? '' : 's'} of the same records` : ''}: ${effect}; name record.dynamodb.SequenceNumber`,
      shard: shard[events[0]!]!,
      records: misnamed.meant === undefined ? batch : [misnamed.meant],
      events,
    });
  });
}

/** The first entry that does not name a record of the batch by its SequenceNumber. */
function firstMisnamed(entries: readonly unknown[], batch: readonly number[], trace: Trace, model: Model): Misnamed | undefined {
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || !('itemIdentifier' in entry)) return { what: `an entry without an itemIdentifier (${short(entry)})` };
    const id = (entry as { itemIdentifier: unknown }).itemIdentifier;
    if (typeof id !== 'string' || id === '') return { what: `itemIdentifier ${short(id)} (not a SequenceNumber string)` };
    if (batch.some((r) => trace.records[r]!.seq === id)) continue;
    const byEventId = batch.find((r) => model.records[r]?.event.eventID === id);
    if (byEventId !== undefined) return { what: `itemIdentifier ${JSON.stringify(id)} (the eventID of record @${byEventId}, not its SequenceNumber)`, meant: byEventId };
    const elsewhere = trace.records.find((r) => r.seq === id);
    if (elsewhere !== undefined) return { what: `itemIdentifier ${JSON.stringify(id)} (the SequenceNumber of record @${elsewhere.ordinal}, which is not in this batch)` };
    return { what: `itemIdentifier ${JSON.stringify(id)} (the SequenceNumber of no record)` };
  }
  return undefined;
}

function short(value: unknown): string {
  const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
