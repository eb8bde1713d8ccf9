import { describe, it, expect } from 'vitest';
import { resolveTableSpec } from '../../src/table/index.js';
import type { TableParameters } from '../../src/table/index.js';

const messageOf = (params: unknown): string => {
  try {
    resolveTableSpec(params as TableParameters);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected resolveTableSpec to throw');
};

describe('resolveTableSpec', () => {
  it('applies the documented defaults; a key given as a name has type S', () => {
    expect(resolveTableSpec({ partitionKey: 'pk' })).toEqual({
      tableName: 'shardcheck-table',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: undefined,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      ttlAttribute: undefined,
      region: 'us-east-1',
      accountId: '123456789012',
    });
  });

  it('keeps explicit values', () => {
    const spec = resolveTableSpec({
      tableName: 'Orders',
      partitionKey: { name: 'id', type: 'N' },
      sortKey: { name: 'blob', type: 'B' },
      streamViewType: 'KEYS_ONLY',
      ttlAttribute: 'expiresAt',
      region: 'eu-west-2',
      accountId: '000000000001',
    });
    expect(spec).toMatchObject({ tableName: 'Orders', sortKey: { name: 'blob', type: 'B' }, streamViewType: 'KEYS_ONLY', ttlAttribute: 'expiresAt' });
  });

  it('rejects bad options naming the path, the rule and the value', () => {
    expect(messageOf(null)).toBe('table must be an object with at least a partitionKey (got null)');
    expect(messageOf({ partitionKey: 'pk', foo: 1 })).toBe(
      'table.foo is not a known option; valid options are tableName, partitionKey, sortKey, streamViewType, ttlAttribute, region, accountId',
    );
    expect(messageOf({})).toBe('table.partitionKey must be an attribute name or { name, type } (got undefined)');
    expect(messageOf({ partitionKey: '' })).toBe('table.partitionKey must be a non-empty attribute name (got "")');
    expect(messageOf({ partitionKey: { name: '', type: 'S' } })).toBe('table.partitionKey.name must be a non-empty attribute name (got "")');
    expect(messageOf({ partitionKey: { name: 'pk', type: 'BOOL' } })).toBe(
      'table.partitionKey.type must be S, N or B (key attributes are scalars) (got "BOOL")',
    );
    expect(messageOf({ partitionKey: { name: 'pk', type: 'S', extra: 1 } })).toBe(
      'table.partitionKey.extra is not a known option; valid options are name, type',
    );
    expect(messageOf({ partitionKey: 'pk', sortKey: { name: 'pk', type: 'N' } })).toBe(
      'table.sortKey.name must differ from the partition key name "pk" (got "pk")',
    );
    expect(messageOf({ partitionKey: 'pk', streamViewType: 'ALL' })).toBe(
      'table.streamViewType must be one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES (got "ALL")',
    );
    expect(messageOf({ partitionKey: 'pk', tableName: 'ab' })).toBe(
      'table.tableName must be 3..255 characters of A-Z a-z 0-9 _ . - (got "ab")',
    );
    expect(messageOf({ partitionKey: 'pk', region: 'mars' })).toBe('table.region must be an AWS region name such as us-east-1 (got "mars")');
    expect(messageOf({ partitionKey: 'pk', accountId: '12' })).toBe('table.accountId must be a 12-digit AWS account id (got "12")');
    expect(messageOf({ partitionKey: 'pk', ttlAttribute: '' })).toBe('table.ttlAttribute must be a non-empty attribute name (got "")');
  });

  it('uses the given path in messages', () => {
    expect(() => resolveTableSpec({ partitionKey: '' }, 'scenario.table')).toThrow(
      'scenario.table.partitionKey must be a non-empty attribute name (got "")',
    );
  });
});
