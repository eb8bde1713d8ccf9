import { describe, it, expect } from 'vitest';
import { resolveTableSpec, STREAM_VIEW_TYPES, Table } from '../../src/table/index.js';
import type { StreamViewType, TableOperation, TableParameters } from '../../src/table/index.js';

const tableOf = (params: Partial<TableParameters> = {}): Table =>
  new Table(resolveTableSpec({ partitionKey: 'pk', ...params }));

const messageOf = (table: Table, op: unknown, opIndex = 0): string => {
  try {
    table.apply(op as TableOperation, opIndex);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected apply to throw');
};

describe('Table', () => {
  describe('R4: which writes publish a record', () => {
    it('R4: a put of a new key gives INSERT, a put with different content gives MODIFY', () => {
      const table = tableOf();
      expect(table.apply({ type: 'put', at: 0, item: { pk: 'a', v: 1 } }, 0).map((c) => c.eventName)).toEqual(['INSERT']);
      expect(table.apply({ type: 'put', at: 1, item: { pk: 'a', v: 2 } }, 1).map((c) => c.eventName)).toEqual(['MODIFY']);
    });

    it('R4: a put that changes nothing writes no record', () => {
      const table = tableOf();
      table.apply({ type: 'put', at: 0, item: { pk: 'a', v: 1, tags: new Set(['x', 'y']), m: { a: 1, b: [1, 2] } } }, 0);
      // Attribute order, set order and number spelling are not data.
      expect(table.apply({ type: 'put', at: 1, item: { m: { b: [1, 2], a: 1 }, tags: new Set(['y', 'x']), v: 1.0, pk: 'a' } }, 1)).toEqual([]);
    });

    it('R4: an update that changes nothing writes no record', () => {
      const table = tableOf();
      table.apply({ type: 'put', at: 0, item: { pk: 'a', v: 1 } }, 0);
      expect(table.apply({ type: 'update', at: 1, key: { pk: 'a' }, set: { v: 1 }, remove: ['missing'] }, 1)).toEqual([]);
    });

    it('R4: a delete of a missing item writes no record; a delete of a present one gives REMOVE', () => {
      const table = tableOf();
      expect(table.apply({ type: 'delete', at: 0, key: { pk: 'a' } }, 0)).toEqual([]);
      expect(table.apply({ type: 'ttlExpire', at: 0, key: { pk: 'a' } }, 1)).toEqual([]);
      table.apply({ type: 'put', at: 1, item: { pk: 'a' } }, 2);
      expect(table.apply({ type: 'delete', at: 2, key: { pk: 'a' } }, 3).map((c) => c.eventName)).toEqual(['REMOVE']);
      expect(table.get('a')).toBeUndefined();
    });

    it('R4: an update creates a missing item (INSERT), applying set then remove', () => {
      const table = tableOf();
      const [change] = table.apply({ type: 'update', at: 0, key: { pk: 'a' }, set: { x: 1, y: 'keep' }, remove: ['x'] }, 0);
      expect(change?.eventName).toBe('INSERT');
      expect(change?.newImage).toEqual({ pk: { S: 'a' }, y: { S: 'keep' } });
      expect(table.apply({ type: 'update', at: 1, key: { pk: 'a' }, set: { y: 'new' } }, 1)[0]?.eventName).toBe('MODIFY');
    });
  });

  describe('R2: images per view type', () => {
    const changesFor = (view: StreamViewType) => {
      const table = tableOf({ streamViewType: view });
      return [
        ...table.apply({ type: 'put', at: 0, item: { pk: 'a', v: 1 } }, 0),
        ...table.apply({ type: 'put', at: 1, item: { pk: 'a', v: 2 } }, 1),
        ...table.apply({ type: 'delete', at: 2, key: { pk: 'a' } }, 2),
      ];
    };
    const v1 = { pk: { S: 'a' }, v: { N: '1' } };
    const v2 = { pk: { S: 'a' }, v: { N: '2' } };
    const expected: Record<StreamViewType, [unknown, unknown][]> = {
      KEYS_ONLY: [[undefined, undefined], [undefined, undefined], [undefined, undefined]],
      NEW_IMAGE: [[v1, undefined], [v2, undefined], [undefined, undefined]],
      OLD_IMAGE: [[undefined, undefined], [undefined, v1], [undefined, v2]],
      NEW_AND_OLD_IMAGES: [[v1, undefined], [v2, v1], [undefined, v2]],
    };
    for (const view of STREAM_VIEW_TYPES) {
      it(`R2: ${view} gives the right images for INSERT, MODIFY and REMOVE, and keys always`, () => {
        const changes = changesFor(view);
        expect(changes.map((c) => c.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
        expect(changes.map((c) => [c.newImage, c.oldImage])).toEqual(expected[view]);
        for (const change of changes) expect(change.keys).toEqual({ pk: { S: 'a' } });
      });
    }

    it('R1: sizeBytes counts keys plus the images present, at least 1', () => {
      const [keysOnly] = tableOf({ streamViewType: 'KEYS_ONLY' }).apply({ type: 'put', at: 0, item: { pk: 'a', v: 'xyz' } }, 0);
      const [both] = tableOf().apply({ type: 'put', at: 0, item: { pk: 'a', v: 'xyz' } }, 0);
      expect(keysOnly?.sizeBytes).toBe(3);
      expect(both?.sizeBytes).toBe(3 + 3 + 4);
    });
  });

  it('R1: binary attributes are base64 in keys and images', () => {
    const table = tableOf({ partitionKey: { name: 'id', type: 'B' } });
    const [change] = table.apply({ type: 'put', at: 0, item: { id: new Uint8Array([1, 2]), bs: new Set([new Uint8Array([255])]) } }, 0);
    expect(change?.keys).toEqual({ id: { B: 'AQI=' } });
    expect(change?.newImage).toEqual({ id: { B: 'AQI=' }, bs: { BS: ['/w=='] } });
    expect(change?.itemKey).toBe('AQI=');
  });

  it('R5: ttlExpire gives a REMOVE marked ttl; user deletes are not marked', () => {
    const table = tableOf();
    table.apply({ type: 'put', at: 0, item: { pk: 'a' } }, 0);
    table.apply({ type: 'put', at: 0, item: { pk: 'b' } }, 1);
    const [ttl] = table.apply({ type: 'ttlExpire', at: 1, key: { pk: 'a' } }, 2);
    const [user] = table.apply({ type: 'delete', at: 1, key: { pk: 'b' } }, 3);
    expect([ttl?.eventName, ttl?.ttl, user?.eventName, user?.ttl]).toEqual(['REMOVE', true, 'REMOVE', false]);
  });

  it('R12: a transaction gives one change per changed item (none for unchanged ones), in list order, all with its opIndex', () => {
    const table = tableOf({ sortKey: 'sk' });
    table.apply({ type: 'put', at: 0, item: { pk: 'a', sk: '1', v: 1 } }, 0);
    const changes = table.apply({
      type: 'transactWrite',
      at: 1,
      writes: [
        { type: 'put', item: { pk: 'b', sk: '1' } },
        { type: 'update', key: { pk: 'a', sk: '1' }, set: { v: 1 } },
        { type: 'delete', key: { pk: 'a', sk: '9' } },
      ],
    }, 1);
    expect(changes.map((c) => [c.eventName, c.itemKey, c.opIndex])).toEqual([['INSERT', 'b|1', 1]]);
    const more = table.apply({
      type: 'transactWrite',
      at: 2,
      writes: [
        { type: 'delete', key: { pk: 'a', sk: '1' } },
        { type: 'delete', key: { pk: 'a', sk: '9' } },
        { type: 'update', key: { pk: 'b', sk: '1' }, set: { w: true } },
      ],
    }, 2);
    expect(more.map((c) => [c.eventName, c.itemKey])).toEqual([['REMOVE', 'a|1'], ['MODIFY', 'b|1']]);
  });

  it('R12: an invalid write anywhere in a transaction changes nothing', () => {
    const table = tableOf();
    expect(() =>
      table.apply({ type: 'transactWrite', at: 0, writes: [{ type: 'put', item: { pk: 'a' } }, { type: 'put', item: { pk: 7 } }] }, 0),
    ).toThrow();
    expect(table.itemCount).toBe(0);
  });

  it('R11: an item over 400 KB is rejected, one at the limit is accepted', () => {
    const table = tableOf();
    // 'pk' + 'a' + 'big' = 6 bytes of names and key.
    expect(table.apply({ type: 'put', at: 0, item: { pk: 'a', big: 'x'.repeat(409_600 - 6) } }, 0)).toHaveLength(1);
    const huge = 'x'.repeat(409_601 - 6);
    expect(messageOf(table, { type: 'put', at: 0, item: { pk: 'a', big: huge } }, 3)).toBe(
      `operations[3].item is 409601 bytes; DynamoDB items must be at most 409600 bytes (400 KB, R11) (got {"pk":"a","big":"${'x'.repeat(60)}...)`,
    );
    expect(messageOf(table, { type: 'update', at: 0, key: { pk: 'a' }, set: { more: 'yy' } }, 4)).toBe(
      `operations[4].set makes the item 409606 bytes; DynamoDB items must be at most 409600 bytes (400 KB, R11) (got {"more":"yy"})`,
    );
  });

  describe('validation errors name the operation path, the rule and the value', () => {
    const typed = () => tableOf({ partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } });
    const cases: [string, unknown, string][] = [
      ['key of the wrong type', { type: 'delete', at: 0, key: { pk: 42, sk: 1 } },
        'operations[2].key.pk must be a string because the partition key pk has type S (got 42)'],
      ['missing key attribute', { type: 'put', at: 0, item: { pk: 'a' } },
        'operations[2].item.sk must be a number because the sort key sk has type N (got undefined)'],
      ['sort key of the wrong type', { type: 'put', at: 0, item: { pk: 'a', sk: '1' } },
        'operations[2].item.sk must be a number because the sort key sk has type N (got "1")'],
      ['empty key', { type: 'put', at: 0, item: { pk: '', sk: 1 } },
        'operations[2].item.pk must not be empty; DynamoDB rejects empty key values (got "")'],
      ['key with extra attributes', { type: 'update', at: 0, key: { pk: 'a', sk: 1, v: 2 } },
        'operations[2].key must hold only the key attributes pk, sk (got {"pk":"a","sk":1,"v":2})'],
      ['unknown operation type', { type: 'upsert', at: 0 },
        'operations[2].type must be one of put, update, delete, ttlExpire, transactWrite (got "upsert")'],
      ['operation that is not an object', 'put',
        'operations[2] must be a write object with a type (put, update, delete, ttlExpire, transactWrite) (got "put")'],
      ['unknown field', { type: 'put', at: 0, item: { pk: 'a', sk: 1 }, key: {} },
        'operations[2].key is not a known option; valid options are type, item, at'],
      ['update of the partition key', { type: 'update', at: 0, key: { pk: 'a', sk: 1 }, set: { pk: 'b' } },
        'operations[2].set.pk must not name a key attribute; DynamoDB cannot update the partition key pk (got "b")'],
      ['removal of the sort key', { type: 'update', at: 0, key: { pk: 'a', sk: 1 }, remove: ['sk'] },
        'operations[2].remove[0] must not name a key attribute; DynamoDB cannot update the sort key sk (got "sk")'],
      ['set that is not an object', { type: 'update', at: 0, key: { pk: 'a', sk: 1 }, set: [1] },
        'operations[2].set must be an object of attribute names to values (got [1])'],
      ['remove that is not a list', { type: 'update', at: 0, key: { pk: 'a', sk: 1 }, remove: 'v' },
        'operations[2].remove must be an array of attribute names (got "v")'],
      ['unmarshallable value', { type: 'put', at: 0, item: { pk: 'a', sk: 1, s: new Set() } },
        'operations[2].item.s must be a value @aws-sdk/util-dynamodb can marshall: Pass a non-empty set, or options.convertEmptyValues=true. (got {})'],
      ['number DynamoDB cannot hold', { type: 'put', at: 0, item: { pk: 'a', sk: 1, n: 10n ** 40n + 1n } },
        `operations[2].item.n must have at most 38 significant digits, as DynamoDB numbers do (got ${10n ** 40n + 1n}n)`],
      ['nested number DynamoDB cannot hold', { type: 'put', at: 0, item: { pk: 'a', sk: 1, m: { l: [10n ** 200n] } } },
        `operations[2].item.m.l[0] must lie within DynamoDB number range 1E-130 .. 9.99E+125 (got "1${'0'.repeat(75)}...)`],
      ['empty transaction', { type: 'transactWrite', at: 0, writes: [] },
        'operations[2].writes must be an array of 1..100 writes (got [])'],
      ['TTL delete inside a transaction', { type: 'transactWrite', at: 0, writes: [{ type: 'ttlExpire', key: { pk: 'a', sk: 1 } }] },
        'operations[2].writes[0].type must be one of put, update, delete (got "ttlExpire")'],
      ['at inside a transaction', { type: 'transactWrite', at: 0, writes: [{ type: 'delete', at: 1, key: { pk: 'a', sk: 1 } }] },
        'operations[2].writes[0].at is not a known option; valid options are type, key'],
      ['bad key inside a transaction', { type: 'transactWrite', at: 0, writes: [{ type: 'delete', key: { pk: 'a', sk: 'x' } }] },
        'operations[2].writes[0].key.sk must be a number because the sort key sk has type N (got "x")'],
      ['two writes to one item in a transaction', {
        type: 'transactWrite', at: 0,
        writes: [{ type: 'put', item: { pk: 'a', sk: 1 } }, { type: 'delete', key: { pk: 'b', sk: 1 } }, { type: 'update', key: { pk: 'a', sk: 1.0 } }],
      }, 'operations[2].writes[2] must not write the item writes[0] already writes; DynamoDB allows one write per item in a transaction (got "a|1")'],
    ];
    for (const [name, op, message] of cases) {
      it(`rejects ${name}`, () => expect(messageOf(typed(), op, 2)).toBe(message));
    }

    it('rejects binary keys that are not binary', () => {
      const table = tableOf({ partitionKey: { name: 'id', type: 'B' } });
      expect(messageOf(table, { type: 'put', at: 0, item: { id: 'AQI=' } })).toBe(
        'operations[0].item.id must be binary (a Uint8Array) because the partition key id has type B (got "AQI=")',
      );
    });

    it('rejects key values over the DynamoDB key size limits', () => {
      expect(messageOf(tableOf(), { type: 'put', at: 0, item: { pk: 'k'.repeat(2049) } })).toMatch(
        /^operations\[0\]\.item\.pk is 2049 bytes; a partition key value must be at most 2048 bytes \(got "k{76}\.\.\.\)$/,
      );
    });
  });
});
