import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel } from '../../src/model/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import type { Trace } from '../../src/trace/index.js';

/*
 * The forms of `owedImages` and `finalImages`: each is exactly what a projection holds that stores
 * the delivered NewImage that way, so a one-line toEqual compares them.
 */

const params: ScenarioParameters = {
  table: { partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } },
  operations: [
    { type: 'put', at: 0, item: { pk: 'user#1', sk: 1, name: 'Ada', tags: new Set(['a', 'b']), scores: new Set([1, 2]), avatar: Uint8Array.of(1, 2, 3), address: { city: 'Paris', geo: { lat: 48.85 } }, lines: [{ qty: 2 }], gone: null, ok: true } },
    { type: 'put', at: 0, item: { pk: 'user#2', sk: 7, name: 'Edsger' } },
    { type: 'delete', at: 5, key: { pk: 'user#2', sk: 7 } },
  ],
};

let delivered: Map<string, DynamoDBRecord['dynamodb']>;
let trace: Trace;
const model = buildModel(params);

/** The projection a handler builds by storing `store(NewImage)` under `key(Keys)`, REMOVEs deleting. */
function projection(store: (image: never) => unknown, key: (keys: never) => string = (keys) => model.itemKey({ dynamodb: { Keys: keys } } as DynamoDBRecord)): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const change of delivered.values()) {
    if (change?.NewImage === undefined) out.delete(key(change!.Keys as never));
    else out.set(key(change.Keys as never), store(change.NewImage as never));
  }
  return out;
}

describe('owedImages and finalImages forms', () => {
  beforeAll(async () => {
    delivered = new Map();
    trace = await simulate(params, async (event) => {
      for (const record of event.Records) delivered.set(record.dynamodb!.SequenceNumber!, record.dynamodb);
    });
  });

  it('native (the default): what unmarshall(NewImage) gives, sets as Sets, binary as base64 text', () => {
    const owed = model.owedImages(trace);
    expect(owed).toEqual(projection((image) => unmarshall(image)));
    expect(owed.get('user#1|1')).toMatchObject({ tags: new Set(['a', 'b']), scores: new Set([1, 2]), avatar: 'AQID', gone: null, ok: true });
    expect(model.finalImages()).toEqual(owed);
  });

  it('attributes: the Lambda-shaped NewImage as in the event', () => {
    const owed = model.owedImages(trace, { form: 'attributes' });
    expect(owed).toEqual(projection((image) => image));
    expect(owed.get('user#1|1')?.['avatar']).toEqual({ B: 'AQID' });
    expect(model.finalImages({ form: 'attributes' })).toEqual(owed);
  });

  it('json: exactly JSON.parse(JSON.stringify(unmarshall(NewImage))), sets becoming {}', () => {
    const owed = model.owedImages(trace, { form: 'json' });
    expect(owed).toEqual(projection((image) => JSON.parse(JSON.stringify(unmarshall(image)))));
    expect(owed.get('user#1|1')).toMatchObject({ tags: {}, scores: {}, avatar: 'AQID' });
    expect(owed).not.toEqual(model.owedImages(trace));
    expect(model.finalImages({ form: 'json' })).toEqual(owed);
  });

  it('key: keys the map as the projection does, from the key attributes in the same form', () => {
    const seen: unknown[] = [];
    const byName = (form: 'native' | 'attributes' | 'json') =>
      model.owedImages(trace, { form, key: (keys) => (seen.push(keys), JSON.stringify(keys)) });
    expect([...byName('native').keys()]).toEqual(['{"pk":"user#1","sk":1}']);
    expect([...byName('attributes').keys()]).toEqual(['{"pk":{"S":"user#1"},"sk":{"N":"1"}}']);
    expect([...byName('json').keys()]).toEqual(['{"pk":"user#1","sk":1}']);
    expect(model.finalImages({ key: (keys) => `${String(keys['pk'])}/${String(keys['sk'])}` })).toEqual(projection((image) => unmarshall(image), (keys) => `${unmarshall(keys)['pk']}/${unmarshall(keys)['sk']}`));
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });

  it('gives fresh objects each call, so a test may change them', () => {
    model.owedImages(trace).get('user#1|1')!['name'] = 'changed';
    expect(model.owedImages(trace).get('user#1|1')?.['name']).toBe('Ada');
  });

  it('names the option, the rule and the value of a bad option', () => {
    expect(() => model.owedImages(trace, { form: 'xml' as never })).toThrow('model.owedImages.options.form must be one of "native", "attributes", "json" (got "xml")');
    expect(() => model.owedImages(trace, { key: 'pk' as never })).toThrow('model.owedImages.options.key must be a function (keys) => string (got "pk")');
    expect(() => model.owedImages(trace, { key: () => 1 as never })).toThrow('model.owedImages.options.key must return a string (for item user#1|1) (got 1)');
    expect(() => model.owedImages(trace, { observed: {} as never })).toThrow('model.owedImages.options.observed must be the Map your projection is compared as (got {})');
    expect(() => model.owedImages(trace, { from: 1 } as never)).toThrow('model.owedImages.options.from is not a known option');
    expect(() => model.finalImages({ observed: new Map() } as never)).toThrow('model.finalImages.options.observed is not a known option');
  });

  it('refuses a key that gives two present items one key', () => {
    const two = buildModel({ ...params, operations: params.operations.slice(0, 2) });
    expect(() => two.finalImages({ key: () => 'x' })).toThrow('model.finalImages.options.key must give each item its own key, but gives items user#1|1 and user#2|7 the same (got "x")');
  });

  it('says when an image has no JSON form, as the projection would fail too', () => {
    const big = buildModel({ table: { partitionKey: 'pk' }, operations: [{ type: 'put', at: 0, item: { pk: 'a', n: 2n ** 60n } }] });
    expect(big.finalImages().get('a')).toEqual({ pk: 'a', n: 2n ** 60n });
    expect(() => big.finalImages({ form: 'json' })).toThrow(/^model\.finalImages\.options\.form json cannot express item a \(.*BigInt.*\); use form 'attributes'$/);
  });
});
