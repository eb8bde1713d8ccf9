import { describe, it, expect } from 'vitest';
import { itemKeyOf, partitionKeyTextOf, resolveTableSpec } from '../../src/table/index.js';

describe('itemKeyOf', () => {
  it('is the partition key text on a table without a sort key', () => {
    const spec = resolveTableSpec({ partitionKey: 'pk' });
    expect(itemKeyOf({ pk: { S: 'user#1' } }, spec)).toBe('user#1');
  });

  it('is `partition|sort` on a table with a sort key', () => {
    const spec = resolveTableSpec({ partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } });
    expect(itemKeyOf({ pk: { S: 'a' }, sk: { N: '42' } }, spec)).toBe('a|42');
    expect(itemKeyOf({ pk: { S: 'a|b' }, sk: { N: '42' } }, spec)).toBe('"a|b"|42');
  });

  it('uses the canonical number text DynamoDB stores', () => {
    const spec = resolveTableSpec({ partitionKey: { name: 'id', type: 'N' } });
    expect(itemKeyOf({ id: { N: '1.50' } }, spec)).toBe('1.5');
    expect(itemKeyOf({ id: { N: '1E2' } }, spec)).toBe('100');
    expect(partitionKeyTextOf({ id: { N: '-0' } }, spec)).toBe('0');
  });

  it('uses base64 text for binary keys', () => {
    const spec = resolveTableSpec({ partitionKey: { name: 'id', type: 'B' }, sortKey: 'sk' });
    expect(itemKeyOf({ id: { B: 'AQI=' }, sk: { S: 'x' } }, spec)).toBe('AQI=|x');
    expect(partitionKeyTextOf({ id: { B: 'AQI=' }, sk: { S: 'x' } }, spec)).toBe('AQI=');
  });

  it('rejects keys that lack a key attribute', () => {
    const spec = resolveTableSpec({ partitionKey: 'pk' });
    expect(() => itemKeyOf({ pk: { N: '1' } }, spec)).toThrow('keys.pk must be a S value because pk is a key attribute of type S (got {"N":"1"})');
  });
});
