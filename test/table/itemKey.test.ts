import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/mapping/simulate.js';
import { buildModel } from '../../src/model/index.js';
import type { ScenarioParameters } from '../../src/scenario/index.js';
import { itemKey, resolveTableSpec } from '../../src/table/index.js';

const TABLE = { partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } } as const;

describe('itemKey', () => {
  it('gives the key the model, the trace and reports use, from each delivered record', async () => {
    const scenario: ScenarioParameters = {
      table: { partitionKey: { name: 'id', type: 'B' }, sortKey: 'sk' },
      operations: [
        { type: 'put', at: 0, item: { id: Uint8Array.of(1, 2), sk: 'New York', v: 1 } },
        { type: 'put', at: 0, item: { id: Uint8Array.of(255), sk: 'a|b' } },
        { type: 'delete', at: 5, key: { id: Uint8Array.of(1, 2), sk: 'New York' } },
      ],
    };
    const seen: string[] = [];
    const trace = await simulate(scenario, async (event) => {
      for (const record of event.Records) seen.push(itemKey(record, scenario.table));
    });
    expect(seen).toEqual(['AQI=|"New York"', '/w==|"a|b"', 'AQI=|"New York"']);
    expect(trace.records.map((r) => r.itemKey)).toEqual(seen);
    expect(buildModel(scenario).records.map((r) => r.itemKey)).toEqual(seen);
  });

  it('takes Keys or an image in any shape: Lambda, SDK (binary as bytes) or unmarshalled', () => {
    const expected = '"user 1"|1.5';
    expect(itemKey({ pk: { S: 'user 1' }, sk: { N: '1.50' } }, TABLE)).toBe(expected);
    expect(itemKey({ pk: 'user 1', sk: 1.5, name: 'Ada' }, TABLE)).toBe(expected);
    expect(itemKey(unmarshall({ pk: { S: 'user 1' }, sk: { N: '1.50' } }), TABLE)).toBe(expected);
    expect(itemKey({ pk: 'u', sk: { value: '1E2' } }, TABLE)).toBe('u|100'); // unmarshall's wrapNumbers
    expect(itemKey({ pk: 'u', sk: 12345678901234567890n }, TABLE)).toBe('u|12345678901234567890');
    const binary = { partitionKey: { name: 'id', type: 'B' } } as const;
    expect(itemKey({ id: { B: Uint8Array.of(1, 2) } }, binary)).toBe('AQI=');
    expect(itemKey({ id: Uint8Array.of(1, 2) }, binary)).toBe('AQI=');
    expect(itemKey({ id: 'AQI=' }, binary)).toBe('AQI=');
  });

  it('orders partition and sort key by the table, not by attribute order', () => {
    expect(itemKey({ sk: { N: '2' }, pk: { S: 'a' } }, TABLE)).toBe('a|2');
    expect(itemKey({ pk: { S: 'a' } }, resolveTableSpec({ partitionKey: 'pk' }))).toBe('a');
  });

  it('a key attribute may be named dynamodb', () => {
    expect(itemKey({ dynamodb: { S: 'x' } }, { partitionKey: 'dynamodb' })).toBe('x');
    expect(itemKey({ dynamodb: 'x' }, { partitionKey: 'dynamodb' })).toBe('x');
  });

  it('names the option, the rule and the value when the table does not fit the record', () => {
    const record = { eventName: 'INSERT', dynamodb: { Keys: { pk: { S: 'a' }, sk: { N: '1' } } } } as const;
    expect(() => itemKey(record, { partitionKey: 'pk' })).toThrow(
      `itemKey.record.dynamodb.Keys must hold only the table's key attributes pk; is the table option this table's? (got {"pk":{"S":"a"},"sk":{"N":"1"}})`,
    );
    expect(() => itemKey(record, { partitionKey: 'pk', sortKey: 'sk' })).toThrow(
      `itemKey.record.dynamodb.Keys.sk must be a string because sk is the table's sort key of type S (got {"N":"1"})`,
    );
    expect(() => itemKey({ pk: 'a' }, TABLE)).toThrow(`itemKey.keys.sk must be a number because sk is the table's sort key of type N (got undefined)`);
    expect(() => itemKey({ pk: 'a', sk: Number.NaN }, TABLE)).toThrow('itemKey.keys.sk must be a number');
    expect(() => itemKey({ dynamodb: {} } as never, TABLE)).toThrow('itemKey.record.dynamodb.Keys must be the key attributes of the record');
    expect(() => itemKey({ pk: 'a' }, { partitionKey: '' })).toThrow('itemKey.table.partitionKey must be a non-empty attribute name (got "")');
    expect(() => itemKey(null as never, TABLE)).toThrow('itemKey.source must be a stream record or a map of key attributes (got null)');
  });
});
