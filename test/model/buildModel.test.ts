import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/index.js';
import { simulate } from '../../src/mapping/simulate.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';

const scenario: ScenarioParameters = {
  table: { partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' }, streamViewType: 'KEYS_ONLY' },
  operations: [
    { type: 'put', at: 0, item: { pk: 'a', sk: 1, v: 1 } },
    { type: 'put', at: 0, item: { pk: 'b', sk: 1, v: 1 } },
    { type: 'update', at: 1500, key: { pk: 'a', sk: 1 }, set: { v: 2 } },
    { type: 'put', at: 1000, item: { pk: 'a', sk: 2, v: 9 } },
    { type: 'delete', at: 2000, key: { pk: 'b', sk: 1 } },
    { type: 'put', at: 2500, item: { pk: 'a', sk: 1, v: 2 } }, // no-op: no record (R4)
  ],
  stream: { shardCount: 2 },
  mapping: { parallelizationFactor: 3 },
};

describe('buildModel', () => {
  const model = buildModel(scenario);

  it('R1/R3/R4: lists the records the writes produce, per item in write order, none for no-ops', () => {
    expect(model.records.map((r) => [r.itemKey, r.eventName])).toEqual([
      ['a|1', 'INSERT'],
      ['b|1', 'INSERT'],
      ['a|2', 'INSERT'],
      ['a|1', 'MODIFY'],
      ['b|1', 'REMOVE'],
    ]);
    expect(model.recordsFor('a|1').map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(model.recordsFor('zzz')).toEqual([]);
  });

  it('counts records by event name', () => {
    expect([model.count('INSERT'), model.count('MODIFY'), model.count('REMOVE')]).toEqual([3, 1, 1]);
  });

  it('gives each item its final image, absent after a REMOVE, even for KEYS_ONLY streams', () => {
    expect(Object.fromEntries(model.finalImages())).toEqual({
      'a|1': { pk: 'a', sk: 1, v: 2 },
      'a|2': { pk: 'a', sk: 2, v: 9 },
    });
    expect(Object.fromEntries(model.finalImages({ form: 'attributes' }))).toEqual({
      'a|1': { pk: { S: 'a' }, sk: { N: '1' }, v: { N: '2' } },
      'a|2': { pk: { S: 'a' }, sk: { N: '2' }, v: { N: '9' } },
    });
  });

  it('computes the documented item key of a delivered record', async () => {
    const keys: string[] = [];
    await simulate(scenario, async (event) => {
      for (const record of event.Records) keys.push(model.itemKey(record));
    });
    expect(keys.sort()).toEqual(model.records.map((r) => r.itemKey).sort());
  });

  it('R26: lanes are keyed by partition key, so one partition key always has one lane', () => {
    const lanes = new Map<string, Set<number>>();
    for (const record of model.records) lanes.set(record.partitionKey, (lanes.get(record.partitionKey) ?? new Set()).add(model.laneOf(record)));
    for (const set of lanes.values()) expect(set.size).toBe(1);
    for (const record of model.records) expect(model.laneOf(record)).toBeLessThan(3);
  });

  it('R25: ages records from the whole-second ApproximateCreationDateTime', () => {
    const [first] = model.records;
    expect(model.ageAt(first!, 60_000)).toBe(60_000);
    const late = buildModel({ ...scenario, operations: [{ type: 'put', at: 900, item: { pk: 'a', sk: 1 } }] });
    expect(late.ageAt(late.records[0]!, 60_500)).toBe(60_500);
  });

  it('knows when the scheduled fault phase ends', () => {
    expect(model.faultPhaseEnd).toBe(0);
    const faulty = buildModel({ ...scenario, faults: { timed: [{ kind: 'restart', at: 4000 }], invocations: [{ kind: 'throttle', match: { from: 100, to: 7000 } }] } });
    expect(faulty.faultPhaseEnd).toBe(7000);
  });
});

describe('Model.discarded', () => {
  it('R22/R24/R25/R6: lists what a run gave up on, with the reason', async () => {
    const params: ScenarioParameters = {
      table: { partitionKey: 'pk' },
      operations: [
        { type: 'put', at: 0, item: { pk: 'poison' } },
        { type: 'put', at: 0, item: { pk: 'old' } },
      ],
      mapping: { maximumRetryAttempts: 1, batchSize: 1 },
    };
    const model = buildModel(params);
    const trace = await simulate(params, async (event) => {
      if (event.Records.some((r) => r.dynamodb?.Keys?.pk?.S === 'poison')) throw new Error('poison');
    });
    expect(model.discarded(trace).map((d) => [d.record.itemKey, d.reason])).toEqual([['poison', 'RetryAttemptsExhausted']]);
    const latest = { ...params, operations: [{ type: 'put' as const, at: 0, item: { pk: 'early' } }], mapping: { startingPosition: 'LATEST' as const }, timing: { latestStartJitterMs: 10 }, simSeed: 3 };
    const latestTrace = await simulate(latest, async () => undefined);
    const skipped = buildModel(latest).discarded(latestTrace);
    // simSeed 3 puts the LATEST start at +4 ms, after the write at 0.
    expect(skipped.map((d) => [d.record.itemKey, d.reason])).toEqual([['early', 'skipped-by-LATEST']]);
  });
});
