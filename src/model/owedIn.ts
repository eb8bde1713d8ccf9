import { optionError } from '../core/index.js';
import type { StreamHistory, StreamRecord } from '../stream/streamHistory.js';
import type { AttributeMap } from '../table/itemChange.js';
import type { Trace } from '../trace/trace.js';
import { discardedIn } from './discardedIn.js';
import type { DiscardedRecord } from './Model.js';
import type { Owed, OwedItem, UncertainItem } from './Owed.js';

/** Per record ordinal, the item's image right after the record's change (undefined: removed). */
type ImagesAfter = readonly (AttributeMap | undefined)[];

/** What the handler owed in the run `trace` records (see `Owed`). */
export function owedIn(trace: Trace, history: StreamHistory, after: ImagesAfter): Owed {
  if (trace.streamArn !== history.arn || trace.records.length !== history.records.length) {
    throw optionError('model.owed.trace', `must be the trace of a run of this model's scenario (stream ${history.arn}, ${history.records.length} records)`, `stream ${trace.streamArn}, ${trace.records.length} records`);
  }
  const givenUp = discardedIn(trace, history.shards);
  const reasonOf = new Map<number, DiscardedRecord>();
  for (const d of givenUp) if (!reasonOf.has(d.record.ordinal)) reasonOf.set(d.record.ordinal, d);
  const records = history.records.filter((r) => !reasonOf.has(r.ordinal));
  const items = new Map<string, OwedItem>();
  for (const last of records) items.set(last.itemKey, { itemKey: last.itemKey, keys: keysOf(last), last, image: after[last.ordinal] });
  return { records, givenUp, items, uncertain: uncertainIn(history, reasonOf, deliveredIn(trace), items, after) };
}

/** Items with a record that reached the handler and was given up on after the item's last owed record. */
function uncertainIn(history: StreamHistory, reasonOf: ReadonlyMap<number, DiscardedRecord>, delivered: ReadonlySet<number>, items: ReadonlyMap<string, OwedItem>, after: ImagesAfter): Map<string, UncertainItem> {
  // In publication order, so each item's records stay in item order (R3).
  const open = new Map<string, DiscardedRecord[]>();
  for (const record of history.records) {
    const d = reasonOf.get(record.ordinal);
    if (d === undefined || !delivered.has(record.ordinal)) continue;
    const owed = items.get(record.itemKey);
    if (owed !== undefined && owed.last.ordinal > record.ordinal) continue; // a newer owed change settles the item
    const ofItem = open.get(record.itemKey);
    if (ofItem === undefined) open.set(record.itemKey, [d]);
    else ofItem.push(d);
  }
  const uncertain = new Map<string, UncertainItem>();
  for (const [itemKey, givenUp] of open) {
    const owed = items.get(itemKey);
    const states = [owed?.image, ...givenUp.map((d) => after[d.record.ordinal])];
    uncertain.set(itemKey, { itemKey, keys: keysOf(givenUp[0]!.record), owed, givenUp, states });
  }
  return uncertain;
}

/**
 * Ordinals of the records that reached the handler: in an invocation that found an environment
 * (a throttle never does, R33) whose function did not fail before the handler ran (fault `error`).
 */
function deliveredIn(trace: Trace): Set<number> {
  const failedEarly = new Set<number>();
  const delivered = new Set<number>();
  for (const e of trace.events) {
    if (e.type === 'fault' && e.kind === 'error' && e.dispatch !== undefined) failedEarly.add(e.dispatch);
    else if (e.type === 'invoke' && e.env !== null && !failedEarly.has(e.id)) for (const ordinal of e.records) delivered.add(ordinal);
  }
  return delivered;
}

const keysOf = (record: StreamRecord): AttributeMap => record.event.dynamodb?.Keys ?? {};
