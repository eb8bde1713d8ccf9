import type { DynamoDBRecord } from 'aws-lambda';
import type { Millis } from '../core/index.js';
import type { FaultSchedule } from '../faults/faultSchedule.js';
import { resolveScenario } from '../scenario/resolveScenario.js';
import type { Scenario, ScenarioParameters } from '../scenario/scenario.js';
import { buildStreamHistory } from '../stream/buildStreamHistory.js';
import { shardHashOf } from '../stream/shardHashOf.js';
import type { StreamRecord } from '../stream/streamHistory.js';
import type { AttributeMap } from '../table/itemChange.js';
import { itemKey } from '../table/itemKey.js';
import type { Trace } from '../trace/trace.js';
import { discardedIn } from './discardedIn.js';
import { qualifyImagesOptions } from './imageForms.js';
import { imagesAfter } from './imagesAfter.js';
import { imagesMap, type ItemEnd } from './imagesMap.js';
import type { EventName, Model } from './Model.js';
import type { Owed } from './Owed.js';
import { owedIn } from './owedIn.js';

/** Builds the reference model of a scenario (validated first when given as parameters). */
export function buildModel(input: Scenario | ScenarioParameters): Model {
  const scenario = Object.isFrozen(input) && 'timing' in input && 'semantics' in input ? (input as Scenario) : resolveScenario(input as ScenarioParameters);
  const history = buildStreamHistory(scenario);
  const byItem = new Map<string, StreamRecord[]>();
  const counts = new Map<string, number>();
  for (const record of history.records) {
    const ofItem = byItem.get(record.itemKey);
    if (ofItem === undefined) byItem.set(record.itemKey, [record]);
    else ofItem.push(record);
    counts.set(record.eventName, (counts.get(record.eventName) ?? 0) + 1);
  }
  let after: readonly (AttributeMap | undefined)[] | undefined;
  const imageAfter = () => (after ??= imagesAfter(scenario, history));
  const owedOf = new WeakMap<Trace, Owed>();
  const owed = (trace: Trace): Owed => {
    let o = owedOf.get(trace);
    if (o === undefined) owedOf.set(trace, (o = owedIn(trace, history, imageAfter())));
    return o;
  };
  const { parallelizationFactor } = scenario.mapping;
  const byItemKey = scenario.semantics.laneKey === 'itemKey';
  const epoch = scenario.startEpochMs;
  return {
    scenario,
    history,
    records: history.records,
    recordsFor: (itemKey) => byItem.get(itemKey) ?? [],
    finalImages: (options) => imagesMap(finalEnds(byItem, imageAfter()), qualifyImagesOptions('model.finalImages', options, false)) as never,
    count: (eventName: EventName) => counts.get(eventName) ?? 0,
    itemKey: (record: DynamoDBRecord) => itemKey(record, scenario.table),
    laneOf: (record) => shardHashOf(byItemKey ? record.itemKey : record.partitionKey) % parallelizationFactor,
    faultPhaseEnd: faultPhaseEnd(scenario.faults),
    ageAt: (record, t) => t - (Math.floor((epoch + record.createdAt) / 1000) * 1000 - epoch),
    discarded: (trace) => discardedIn(trace, history.shards),
    owed,
    owedImages: (trace, options) => imagesMap(owedEnds(owed(trace)), qualifyImagesOptions('model.owedImages', options, true)) as never,
  };
}

/** Each item's state after its last record: the table's final state. */
function finalEnds(byItem: ReadonlyMap<string, readonly StreamRecord[]>, after: readonly (AttributeMap | undefined)[]): ItemEnd[] {
  return [...byItem].map(([itemKey, records]) => {
    const last = records[records.length - 1]!;
    return { itemKey, keys: last.event.dynamodb?.Keys ?? {}, image: after[last.ordinal] };
  });
}

/** Each item's owed state, with every legitimate state of an uncertain one. */
function owedEnds(owed: Owed): ItemEnd[] {
  const ends: ItemEnd[] = [];
  for (const item of owed.items.values()) ends.push({ ...item, states: owed.uncertain.get(item.itemKey)?.states });
  for (const open of owed.uncertain.values()) if (open.owed === undefined) ends.push({ itemKey: open.itemKey, keys: open.keys, image: undefined, states: open.states });
  return ends;
}

function faultPhaseEnd(faults: FaultSchedule): Millis {
  let end = 0;
  for (const fault of faults.timed) end = Math.max(end, fault.at);
  for (const fault of faults.invocations) end = Math.max(end, fault.match.to ?? fault.match.from ?? 0);
  return end;
}
