import { describe, expect, it } from 'vitest';
import { createPoisonRecordHandler } from '../../fixtures/handlers/poisonRecord.js';
import { createProjectionHandler, projectionKeyOf, type ProjectionStore } from '../../fixtures/handlers/projection.js';
import { HOUR } from '../../src/core/index.js';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel } from '../../src/model/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import type { TableOperation } from '../../src/table/index.js';

/*
 * model.owed(trace): what the handler owed, for each way AWS legitimately gives a record up. Each
 * scenario runs a projection handler (the fixtures') and compares the projection with the model.
 */

const TABLE = { partitionKey: 'pk' } as const;
const put = (at: number, pk: string, v = 1): TableOperation => ({ type: 'put', at, item: { pk, v } });

/** The projection's live images, keyed as the handler keys them. */
function imagesOf(store: ProjectionStore): Map<string, unknown> {
  return new Map([...store].flatMap(([key, entry]) => (entry.image === undefined ? [] : [[key, entry.image] as const])));
}

/** Simulates `params` against a projection that applies records until it meets item `poison`, then throws. */
async function run(params: ScenarioParameters, poison = true) {
  const store: ProjectionStore = new Map();
  const handler = poison ? createPoisonRecordHandler(store, { poisonKey: projectionKeyOf({ pk: 'poison' }) }) : createProjectionHandler(store);
  const trace = await simulate(params, handler);
  const model = buildModel(params);
  const owed = model.owed(trace);
  const summary = {
    givenUp: owed.givenUp.map((d) => [d.record.itemKey, d.record.eventName, d.reason]),
    owed: owed.records.map((r) => [r.itemKey, r.eventName]),
    items: Object.fromEntries([...owed.items].map(([key, item]) => [key, item.image?.['v']?.N ?? 'removed'])),
    uncertain: Object.fromEntries([...owed.uncertain].map(([key, u]) => [key, u.givenUp.map((d) => d.reason)])),
  };
  return { trace, model, owed, summary, projection: imagesOf(store) };
}

describe('model.owed', () => {
  it('R22: records written before a LATEST start are not owed; a later change of the same item is', async () => {
    // simSeed 3 puts the LATEST start at +4 ms: after the writes at 0, before the ones at 100.
    const r = await run(
      { table: TABLE, operations: [put(0, 'early'), put(0, 'gone'), { type: 'update', at: 100, key: { pk: 'early' }, set: { v: 2 } }, put(200, 'late')], mapping: { startingPosition: 'LATEST' }, timing: { latestStartJitterMs: 10 }, simSeed: 3 },
      false,
    );
    expect(r.summary).toEqual({
      givenUp: [['early', 'INSERT', 'skipped-by-LATEST'], ['gone', 'INSERT', 'skipped-by-LATEST']],
      owed: [['early', 'MODIFY'], ['late', 'INSERT']],
      items: { early: '2', late: '1' },
      uncertain: {},
    });
    // The false alarm of comparing with the table's final state, and the owed images that fix it.
    expect(r.projection).not.toEqual(r.model.finalImages({ key: projectionKeyOf }));
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf }));
    expect([...r.model.owedImages(r.trace).keys()]).toEqual(['early', 'late']);
  });

  it('R24: a batch discarded as RetryAttemptsExhausted leaves the items it may have applied uncertain, unless a later owed change settles them', async () => {
    // One batch [a, e, poison, c]: the handler applies a and e, then throws on poison, twice.
    const r = await run({
      table: TABLE,
      operations: [put(0, 'a'), put(0, 'e'), put(0, 'poison'), put(0, 'c'), { type: 'update', at: 60_000, key: { pk: 'a' }, set: { v: 2 } }],
      mapping: { maximumRetryAttempts: 1 },
    });
    expect(r.summary).toEqual({
      givenUp: ['a', 'e', 'poison', 'c'].map((k) => [k, 'INSERT', 'RetryAttemptsExhausted']),
      owed: [['a', 'MODIFY']],
      items: { a: '2' },
      // c was delivered (in the batch) though the handler stopped before it: it may have been applied.
      uncertain: { e: ['RetryAttemptsExhausted'], poison: ['RetryAttemptsExhausted'], c: ['RetryAttemptsExhausted'] },
    });
    const e = r.owed.uncertain.get('e')!;
    expect(e.owed).toBeUndefined();
    expect(e.states).toEqual([undefined, { pk: { S: 'e' }, v: { N: '1' } }]);
    // Without `observed` the owed state is expected; with it, the projection's state is accepted when legitimate.
    expect([...r.model.owedImages(r.trace, { key: projectionKeyOf }).keys()]).toEqual([projectionKeyOf({ pk: 'a' })]);
    expect(r.projection.size).toBe(2);
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf, observed: r.projection }));
    // A state no correct handler reaches is not accepted.
    const wrong = new Map(r.projection).set(projectionKeyOf({ pk: 'e' }), { pk: 'e', v: 7 });
    expect(wrong).not.toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf, observed: wrong }));
  });

  it('R24: a change given up on after the item\'s last owed change leaves both states legitimate', async () => {
    // a v1 is applied and acknowledged; the batch [a v2, poison] is applied up to poison, twice, then discarded.
    const r = await run({ table: TABLE, operations: [put(0, 'a'), { type: 'update', at: 60_000, key: { pk: 'a' }, set: { v: 2 } }, put(60_000, 'poison')], mapping: { maximumRetryAttempts: 1 } });
    expect(r.summary).toEqual({
      givenUp: [['a', 'MODIFY', 'RetryAttemptsExhausted'], ['poison', 'INSERT', 'RetryAttemptsExhausted']],
      owed: [['a', 'INSERT']],
      items: { a: '1' },
      uncertain: { a: ['RetryAttemptsExhausted'], poison: ['RetryAttemptsExhausted'] },
    });
    expect(r.owed.uncertain.get('a')!.states.map((s) => s?.['v']?.N)).toEqual(['1', '2']);
    expect(r.projection.get(projectionKeyOf({ pk: 'a' }))).toEqual({ pk: 'a', v: 2 });
    expect(r.projection).not.toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf }));
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf, observed: r.projection }));
  });

  it('R25: records that expire before reaching the handler (the function fails before it runs) are not owed and not uncertain', async () => {
    const r = await run(
      { table: TABLE, operations: [put(0, 'a'), put(80_000, 'b')], mapping: { maximumRecordAgeInSeconds: 60 }, faults: { invocations: [{ kind: 'error', match: { to: 90_000 } }] } },
      false,
    );
    expect(r.summary).toEqual({ givenUp: [['a', 'INSERT', 'RecordAgeExceeded']], owed: [['b', 'INSERT']], items: { b: '1' }, uncertain: {} });
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf }));
  });

  it('R25: records the handler failed on until they expired are uncertain, with the reason', async () => {
    const r = await run({ table: TABLE, operations: [put(0, 'a'), put(0, 'poison'), put(200_000, 'b')], mapping: { maximumRecordAgeInSeconds: 60 } });
    expect(r.summary).toEqual({
      givenUp: [['a', 'INSERT', 'RecordAgeExceeded'], ['poison', 'INSERT', 'RecordAgeExceeded']],
      owed: [['b', 'INSERT']],
      items: { b: '1' },
      uncertain: { a: ['RecordAgeExceeded'], poison: ['RecordAgeExceeded'] },
    });
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf, observed: r.projection }));
  });

  it('R6: records trimmed while the handler kept failing on them are uncertain; what comes after is owed', async () => {
    const r = await run({ table: TABLE, operations: [put(0, 'a'), put(0, 'poison'), { type: 'delete', at: 25 * HOUR, key: { pk: 'a' } }], stream: { trimLagMs: 0 } });
    expect(r.summary).toEqual({
      givenUp: [['a', 'INSERT', 'trimmed'], ['poison', 'INSERT', 'trimmed']],
      owed: [['a', 'REMOVE']],
      items: { a: 'removed' },
      uncertain: { poison: ['trimmed'] },
    });
    expect(r.model.owedImages(r.trace).size).toBe(0);
    expect(r.projection).toEqual(r.model.owedImages(r.trace, { key: projectionKeyOf, observed: r.projection }));
  });

  it('with nothing given up, the owed images are the final images', async () => {
    const r = await run({ table: TABLE, operations: [put(0, 'a'), put(0, 'b'), { type: 'delete', at: 10, key: { pk: 'b' } }] }, false);
    expect(r.owed.givenUp).toEqual([]);
    expect(r.owed.records).toEqual(r.model.records);
    expect(r.model.owedImages(r.trace)).toEqual(r.model.finalImages());
  });

  it('refuses the trace of another scenario', async () => {
    const r = await run({ table: TABLE, operations: [put(0, 'a')] }, false);
    const other = buildModel({ table: TABLE, operations: [put(0, 'a'), put(0, 'b')] });
    expect(() => other.owed(r.trace)).toThrow("model.owed.trace must be the trace of a run of this model's scenario");
  });
});

describe('model.owed: the image an item owes is the same for every stream view type', () => {
  const operations: TableOperation[] = [
    { type: 'put', at: 0, item: { pk: 'a', v: 1, keep: 'x' } },
    { type: 'update', at: 10, key: { pk: 'a' }, set: { v: 2 } },
    { type: 'put', at: 10, item: { pk: 'b', v: 1 } },
    { type: 'delete', at: 20, key: { pk: 'b' } },
  ];
  it.each(['KEYS_ONLY', 'OLD_IMAGE', 'NEW_IMAGE', 'NEW_AND_OLD_IMAGES'] as const)('R2 %s: the table version after the item\'s last owed change', async (streamViewType) => {
    const params: ScenarioParameters = { table: { partitionKey: 'pk', streamViewType }, operations };
    const model = buildModel(params);
    const trace = await simulate(params, async () => undefined);
    const items = model.owed(trace).items;
    expect(items.get('a')?.image).toEqual({ pk: { S: 'a' }, v: { N: '2' }, keep: { S: 'x' } });
    expect(items.get('b')).toMatchObject({ image: undefined, last: { eventName: 'REMOVE' } });
    expect(model.owedImages(trace)).toEqual(new Map([['a', { pk: 'a', v: 2, keep: 'x' }]]));
    expect(model.finalImages()).toEqual(model.owedImages(trace));
  });
});
