import { describe, it, expect } from 'vitest';
import { convertToAttr } from '@aws-sdk/util-dynamodb';
import { resolveTableSpec, Table } from '../../src/table/index.js';
import type { TableOperation } from '../../src/table/index.js';
import { storedValueOf } from '../../src/table/storedItemOf.js';

const apply = (table: Table, ops: unknown[]) => ops.flatMap((op, i) => table.apply(op as TableOperation, i));

describe('Table: stored items are built once and shared', () => {
  it('consecutive records of an item share its deep-frozen images and keys', () => {
    const table = new Table(resolveTableSpec({ partitionKey: 'pk' }));
    const [insert, modify, remove] = apply(table, [
      { type: 'put', at: 0, item: { pk: 'a', v: 1, m: { x: [1] } } },
      { type: 'update', at: 1, key: { pk: 'a' }, set: { w: 'new' } },
      { type: 'delete', at: 2, key: { pk: 'a' } },
    ]);
    expect(modify?.oldImage).toBe(insert?.newImage);
    expect(remove?.oldImage).toBe(modify?.newImage);
    expect(modify?.keys).toBe(insert?.keys);
    expect(remove?.keys).toBe(insert?.keys);
    // An update copies only what it writes.
    expect(modify?.newImage?.['m']).toBe(insert?.newImage?.['m']);
    expect(Object.isFrozen(insert?.newImage?.['m']?.M?.['x']?.L)).toBe(true);
    expect(modify?.newImage).toEqual({ pk: { S: 'a' }, v: { N: '1' }, m: { M: { x: { L: [{ N: '1' }] } } }, w: { S: 'new' } });
  });

  it('get and images return mutable copies of the stored image', () => {
    const table = new Table(resolveTableSpec({ partitionKey: 'pk' }));
    apply(table, [{ type: 'put', at: 0, item: { pk: 'a', v: 1 } }]);
    const image = table.get('a')!;
    image['v'] = { N: '2' };
    expect(table.get('a')).toEqual({ pk: { S: 'a' }, v: { N: '1' } });
    expect(Object.isFrozen([...table.images()][0]?.[1])).toBe(false);
  });

  it('R4: no-op detection compares sets unordered, lists in order, maps by name, and types', () => {
    const noop = (a: unknown, b: unknown) => {
      const table = new Table(resolveTableSpec({ partitionKey: 'pk' }));
      return apply(table, [{ type: 'put', at: 0, item: { pk: 'a', x: a } }, { type: 'put', at: 1, item: { pk: 'a', x: b } }]).length === 1;
    };
    expect(noop(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(true);
    expect(noop(new Set([1, 2.5]), new Set([2.5, 1]))).toBe(true);
    expect(noop(new Set(['a', 'b']), new Set(['a', 'c']))).toBe(false);
    expect(noop([1, 2], [2, 1])).toBe(false);
    expect(noop({ p: 1, q: [true, null] }, { q: [true, null], p: 1 })).toBe(true);
    expect(noop({ p: 1 }, { p: 1, q: 2 })).toBe(false);
    expect(noop('1', 1)).toBe(false);
    expect(noop(new Uint8Array([1]), new Uint8Array([1]))).toBe(true);
    expect(noop(new Uint8Array([1]), new Uint8Array([2]))).toBe(false);
  });

  it('an attribute named __proto__ (JSON-parsed input) is dropped, never made the prototype', () => {
    const table = new Table(resolveTableSpec({ partitionKey: 'pk' }));
    const [change] = apply(table, [
      { type: 'put', at: 0, item: JSON.parse('{"pk":"a","__proto__":{"x":1}}') },
      { type: 'update', at: 1, key: { pk: 'a' }, set: JSON.parse('{"__proto__":"y","v":1}') },
    ]).slice(1);
    expect(Object.getPrototypeOf(change?.newImage)).toBe(Object.prototype);
    expect(change?.newImage).toEqual({ pk: { S: 'a' }, v: { N: '1' } });
  });
});

describe('storedValueOf', () => {
  it('marshals strings and safe integers exactly as convertToAttr does (their text is already canonical)', () => {
    for (const value of ['', 'x', 'é', 0, -0, 7, -1500, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(storedValueOf('a', value, 'item')).toEqual(convertToAttr(value));
    }
    expect(storedValueOf('a', 1.5e2, 'item')).toEqual({ N: '150' });
  });
});
