import type { DynamoDBRecord } from 'aws-lambda';
import { invariant, type Millis } from '../core/index.js';
import type { FaultSchedule } from '../faults/faultSchedule.js';
import { resolveScenario } from '../scenario/resolveScenario.js';
import type { Scenario, ScenarioParameters } from '../scenario/scenario.js';
import { buildStreamHistory } from '../stream/buildStreamHistory.js';
import { shardHashOf } from '../stream/shardHashOf.js';
import type { StreamRecord } from '../stream/streamHistory.js';
import { streamTimeline } from '../stream/streamTimeline.js';
import type { AttributeMap } from '../table/itemChange.js';
import { itemKeyOf } from '../table/itemKeyOf.js';
import { Table } from '../table/Table.js';
import { discardedIn } from './discardedIn.js';
import type { EventName, Model } from './Model.js';

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
  let finals: ReadonlyMap<string, AttributeMap> | undefined;
  const { parallelizationFactor } = scenario.mapping;
  const byItemKey = scenario.semantics.laneKey === 'itemKey';
  const epoch = scenario.startEpochMs;
  return {
    scenario,
    history,
    records: history.records,
    recordsFor: (itemKey) => byItem.get(itemKey) ?? [],
    finalImages: () => (finals ??= finalImagesOf(scenario)),
    count: (eventName: EventName) => counts.get(eventName) ?? 0,
    itemKey: (record: DynamoDBRecord) => {
      const keys = record.dynamodb?.Keys;
      invariant(keys !== undefined, 'a DynamoDB stream record always has Keys');
      return itemKeyOf(keys, scenario.table);
    },
    laneOf: (record) => shardHashOf(byItemKey ? record.itemKey : record.partitionKey) % parallelizationFactor,
    faultPhaseEnd: faultPhaseEnd(scenario.faults),
    ageAt: (record, t) => t - (Math.floor((epoch + record.createdAt) / 1000) * 1000 - epoch),
    discarded: (trace) => discardedIn(trace, history.shards),
  };
}

/** The table's final state, replayed in the stream's order of operations. */
function finalImagesOf(scenario: Scenario): ReadonlyMap<string, AttributeMap> {
  const table = new Table(scenario.table);
  for (const step of streamTimeline(scenario.operations, [])) {
    if (step.kind === 'operation') table.apply(step.op, step.opIndex);
  }
  return new Map(table.images());
}

function faultPhaseEnd(faults: FaultSchedule): Millis {
  let end = 0;
  for (const fault of faults.timed) end = Math.max(end, fault.at);
  for (const fault of faults.invocations) end = Math.max(end, fault.match.to ?? fault.match.from ?? 0);
  return end;
}
