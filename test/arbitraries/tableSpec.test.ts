import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableSpec } from '../../src/arbitraries/index.js';
import { resolveTableSpec } from '../../src/table/index.js';
import { errorMessage } from '../support/errorMessage.js';

describe('tableSpec', () => {
  it('generates valid tables with every key type, view type, TTL or not, and 1..8 shards', () => {
    const samples = fc.sample(tableSpec(), { seed: 1, numRuns: 300 });
    const specs = samples.map(({ table }) => resolveTableSpec(table));
    expect(new Set(specs.map((s) => s.partitionKey.type))).toEqual(new Set(['S', 'N', 'B']));
    expect(new Set(specs.map((s) => s.sortKey?.type))).toEqual(new Set(['S', 'N', 'B', undefined]));
    expect(new Set(specs.map((s) => s.streamViewType))).toEqual(new Set(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']));
    expect(new Set(specs.map((s) => s.ttlAttribute))).toEqual(new Set(['expiresAt', undefined]));
    expect(new Set(samples.map((s) => s.shardCount))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('keeps the parts users fix and varies the rest', () => {
    const samples = fc.sample(tableSpec({ partitionKey: { name: 'sk', type: 'N' }, sortKey: null, ttlAttribute: 'ttl', shardCount: 3 }), { seed: 2, numRuns: 50 });
    for (const { table, shardCount } of samples) {
      expect(table).toMatchObject({ partitionKey: { name: 'sk', type: 'N' }, ttlAttribute: 'ttl' });
      expect(table.sortKey).toBeUndefined();
      expect(shardCount).toBe(3);
    }
    expect(new Set(samples.map((s) => s.table.streamViewType)).size).toBeGreaterThan(1);
    // A fixed sort key's name is never given to a generated partition key.
    for (const { table } of fc.sample(tableSpec({ sortKey: 'pk', shardCount: { min: 2, max: 4 } }), { seed: 3, numRuns: 50 })) resolveTableSpec(table);
  });

  it('shrinks towards one S partition key, no sort key, NEW_AND_OLD_IMAGES, no TTL and one shard', () => {
    const details = fc.check(fc.property(tableSpec(), () => false), { seed: 4 });
    expect(details.counterexample?.[0]).toEqual({ table: { partitionKey: { name: 'pk', type: 'S' }, streamViewType: 'NEW_AND_OLD_IMAGES' }, shardCount: 1 });
  });

  it('rejects invalid fixed parts, naming them', () => {
    expect(errorMessage(() => tableSpec({ partitionKey: 'id', sortKey: 'id' }))).toBe('tableSpec.options.sortKey.name must differ from the partition key name "id" (got "id")');
    expect(errorMessage(() => tableSpec({ shardCount: 0 }))).toBe('tableSpec.options.shardCount must be an integer in 1..64 (got 0)');
    expect(errorMessage(() => tableSpec({ shardCount: { min: 5, max: 2 } }))).toBe('tableSpec.options.shardCount.max must be an integer in 5..64 (got 2)');
  });
});
