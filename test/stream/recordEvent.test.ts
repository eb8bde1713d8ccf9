import { describe, expect, it } from 'vitest';
import { HOUR } from '../../src/core/index.js';
import { buildStreamHistory } from '../../src/stream/index.js';
import { copyRecordEvent } from '../../src/stream/recordEvent.js';
import { resolveTableSpec, type TableOperation } from '../../src/table/index.js';

type View = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

/** Every kind of record (insert, modify, remove, TTL remove) with every kind of attribute value. */
function eventsOf(view: View) {
  const item = {
    pk: 'a',
    sk: 1,
    s: 'ünïcödé "quoted" \\ \n',
    n: 1.5,
    b: new Uint8Array([1, 2, 3]),
    yes: true,
    nothing: null,
    list: [1, 'two', { three: [3] }],
    map: { nested: { deeper: ['x'] }, empty: {} },
    ss: new Set(['x', 'y']),
    ns: new Set([1, 2]),
  };
  const operations: TableOperation[] = [
    { type: 'put', at: 0, item },
    { type: 'update', at: 1, key: { pk: 'a', sk: 1 }, set: { n: 2 }, remove: ['list'] },
    { type: 'put', at: 2, item: { pk: 'b', sk: 2 } },
    { type: 'delete', at: 3, key: { pk: 'a', sk: 1 } },
    { type: 'ttlExpire', at: 4, key: { pk: 'b', sk: 2 } },
  ];
  const history = buildStreamHistory({
    table: resolveTableSpec({ partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' }, streamViewType: view }),
    operations,
    stream: { shardCount: 1, topology: [], retentionMs: 24 * HOUR, trimLagMs: 0, sequenceStart: undefined },
    simSeed: 7,
    startEpochMs: 1_767_225_600_000,
  });
  return history.records.map((r) => r.event);
}

function objectsOf(value: unknown, out: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    for (const inner of Object.values(value)) objectsOf(inner, out);
  }
  return out;
}

describe('copyRecordEvent', () => {
  for (const view of ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const) {
    it(`${view}: the copy is what a JSON round trip gives, keys in the same order`, () => {
      const events = eventsOf(view);
      expect(events.map((e) => e.eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT', 'REMOVE', 'REMOVE']);
      const images = events.flatMap((e) => [e.dynamodb!.NewImage ?? {}, e.dynamodb!.OldImage ?? {}]);
      const types = new Set(images.flatMap((image) => Object.values(image).map((value) => Object.keys(value)[0])));
      if (view !== 'KEYS_ONLY') expect([...types].sort()).toEqual(['B', 'BOOL', 'L', 'M', 'N', 'NS', 'NULL', 'S', 'SS']);
      for (const event of events) {
        const copy = copyRecordEvent(event);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(event));
        expect(copy).toStrictEqual(JSON.parse(JSON.stringify(event)));
      }
    });
  }

  it('shares nothing with the frozen original and is mutable throughout', () => {
    for (const event of eventsOf('NEW_AND_OLD_IMAGES')) {
      const originals = new Set(objectsOf(event));
      for (const object of objectsOf(copyRecordEvent(event))) {
        expect(originals.has(object)).toBe(false);
        expect(Object.isFrozen(object)).toBe(false);
      }
    }
  });
});
