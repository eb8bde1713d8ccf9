import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.js';
import { eventJson, privateEvent, wasMutated } from '../../src/mapping/invocationEvent.js';
import { buildStreamHistory } from '../../src/stream/index.js';
import { resolveTableSpec } from '../../src/table/index.js';

const records = buildStreamHistory({
  table: resolveTableSpec({ partitionKey: 'pk' }),
  operations: [
    { type: 'put', at: 0, item: { pk: 'a', v: 1, tags: new Set(['x']), doc: { list: [1, { deep: true }] } } },
    { type: 'update', at: 1, key: { pk: 'a' }, set: { v: 2 } },
    { type: 'ttlExpire', at: 2, key: { pk: 'a' } },
  ],
  stream: { shardCount: 1, topology: [], retentionMs: 24 * HOUR, trimLagMs: 0, sequenceStart: undefined },
  simSeed: 3,
  startEpochMs: 1_767_225_600_000,
}).records;

/** The rule mutation detection must keep: the event's JSON text changed. */
const jsonChanged = (event: unknown): boolean => {
  try {
    return JSON.stringify(event) !== eventJson(records);
  } catch {
    return true;
  }
};

describe('the invocation event', () => {
  it('the private copy is the JSON round trip of the event', () => {
    const event = privateEvent(records);
    expect(JSON.stringify(event)).toBe(eventJson(records));
    expect(event).toStrictEqual(JSON.parse(eventJson(records)));
    expect(wasMutated(event, records)).toBe(false);
  });

  const cases: [string, (event: DynamoDBStreamEvent) => void][] = [
    ['nothing', () => {}],
    ['a value changed', (e) => void (e.Records[0]!.dynamodb!.NewImage!['v'] = { N: '9' })],
    ['the same value written back', (e) => void (e.Records[1]!.eventName = 'MODIFY')],
    ['a key deleted and added again (order changes)', (e) => {
      const r = e.Records[0]!;
      const name = r.eventName;
      delete r.eventName;
      r.eventName = name;
    }],
    ['a key added with an undefined value (invisible in JSON)', (e) => void ((e.Records[0] as Record<string, unknown>)['extra'] = undefined)],
    ['a key added with a function value (invisible in JSON)', (e) => void ((e as unknown as Record<string, unknown>)['f'] = () => 1)],
    ['a record removed', (e) => void e.Records.pop()],
    ['a record added', (e) => void e.Records.push({})],
    ['records swapped', (e) => void e.Records.reverse()],
    ['a nested list element changed', (e) => void ((e.Records[0]!.dynamodb!.NewImage!['doc']!.M!['list']!.L![0] as { N: string }).N = '2')],
    ['a set element changed', (e) => void (e.Records[0]!.dynamodb!.NewImage!['tags']!.SS![0] = 'y')],
    ['a number became a numeric string', (e) => void ((e.Records[0]!.dynamodb as Record<string, unknown>)['SizeBytes'] = String(e.Records[0]!.dynamodb!.SizeBytes))],
    ['NaN where a number was', (e) => void (e.Records[0]!.dynamodb!.SizeBytes = NaN)],
    ['a hidden toJSON', (e) => void Object.defineProperty(e.Records[0]!.dynamodb!, 'toJSON', { value: () => 'x' })],
    ['a hidden toJSON that changes nothing', (e) => {
      const d = e.Records[0]!.dynamodb!;
      const json = JSON.parse(JSON.stringify(d));
      Object.defineProperty(d, 'toJSON', { value: () => json });
    }],
    ['a prototype swapped', (e) => void Object.setPrototypeOf(e.Records[2]!.userIdentity!, { inherited: 1 })],
    ['an array replaced by an equal one', (e) => void (e.Records[0]!.dynamodb!.NewImage!['tags']!.SS = ['x'])],
    ['a cycle', (e) => void ((e.Records[0] as Record<string, unknown>)['self'] = e)],
    ['a cycle in place of a record', (e) => void ((e.Records as unknown[])[0] = e)],
    ['a getter that throws', (e) => void Object.defineProperty(e.Records[0]!, 'eventID', { enumerable: true, get: () => { throw new Error('no'); } })],
    ['a BigInt', (e) => void ((e.Records[0] as Record<string, unknown>)['big'] = 1n)],
  ];
  for (const [name, mutate] of cases) {
    it(`${name}: mutated exactly when the JSON text changed`, () => {
      const event = privateEvent(records);
      mutate(event);
      expect(wasMutated(event, records)).toBe(jsonChanged(event));
    });
  }

  it('the originals stay frozen and intact whatever the copy goes through', () => {
    const before = eventJson(records);
    const event = privateEvent(records);
    event.Records[0]!.dynamodb!.Keys!['pk']!.S = 'changed';
    expect(eventJson(records)).toBe(before);
    expect(Object.isFrozen(records[0]!.event.dynamodb!.Keys!['pk'])).toBe(true);
  });
});
