import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSequence, itemAttributes, type ChangeSequenceOptions } from '../../src/arbitraries/index.js';
import { resolveScenario } from '../../src/scenario/index.js';
import { buildStreamHistory, type StreamHistory } from '../../src/stream/index.js';
import { MAX_ITEM_BYTES, itemSizeBytes, type TableOperation, type TableParameters, type TransactWrite, type Write } from '../../src/table/index.js';
import { storedItemOf } from '../../src/table/storedItemOf.js';
import { errorMessage } from '../support/errorMessage.js';

const TABLE: TableParameters = { partitionKey: 'pk', sortKey: { name: 'sk', type: 'N' } };

const historyOf = (table: TableParameters, operations: readonly TableOperation[]): StreamHistory => buildStreamHistory(resolveScenario({ table, operations }));

function sample(options: ChangeSequenceOptions = {}, table = TABLE, numRuns = 60, seed = 1): TableOperation[][] {
  return fc.sample(changeSequence(table, options), { seed, numRuns });
}

const eventNames = (table: TableParameters, sequences: readonly TableOperation[][]): Set<string> =>
  new Set(sequences.flatMap((operations) => historyOf(table, operations).records.map((r) => r.eventName)));

const writesOf = (operations: readonly TableOperation[]): Exclude<Write, TransactWrite>[] =>
  operations.flatMap((op): readonly Exclude<Write, TransactWrite>[] => (op.type === 'transactWrite' ? op.writes : [op]));

describe('changeSequence', () => {
  it.each<[string, TableParameters]>([
    ['S partition key', { partitionKey: 'pk' }],
    ['N partition key, B sort key, keys only', { partitionKey: { name: 'id', type: 'N' }, sortKey: { name: 'at', type: 'B' }, streamViewType: 'KEYS_ONLY' }],
    ['key names that clash with generated attributes, TTL', { partitionKey: 'email', sortKey: 'version', ttlAttribute: 'name' }],
  ])('the table accepts every generated operation (%s)', (_name, table) => {
    fc.assert(fc.property(changeSequence(table, { largeItems: true, ttl: true, maxLength: 80 }), (operations) => void historyOf(table, operations)), { numRuns: 100 });
  });

  it('publishes INSERT, MODIFY and REMOVE, no-op writes, transactions and TTL deletes', () => {
    const table: TableParameters = { ...TABLE, ttlAttribute: 'expiresAt' };
    const sequences = sample({ minLength: 50, maxLength: 100 }, table, 30);
    const histories = sequences.map((ops) => historyOf(table, ops));
    expect(new Set(histories.flatMap((h) => h.records.map((r) => r.eventName)))).toEqual(new Set(['INSERT', 'MODIFY', 'REMOVE']));
    const types = new Set(sequences.flat().map((op) => op.type));
    expect(types).toEqual(new Set(['put', 'update', 'delete', 'ttlExpire', 'transactWrite']));
    const noOps = sequences.reduce((n, ops, i) => n + ops.length - new Set(histories[i]!.records.map((r) => r.opIndex)).size, 0);
    expect(noOps).toBeGreaterThan(20);
    const ttlRemoves = histories.flatMap((h) => h.records).filter((r) => r.event.userIdentity?.principalId === 'dynamodb.amazonaws.com');
    expect(ttlRemoves.length).toBeGreaterThan(0);
  });

  it('timestamps never decrease, with bursts at one instant and quiet periods', () => {
    const sequences = sample({ minLength: 100, maxLength: 100 });
    for (const operations of sequences) {
      for (let i = 1; i < operations.length; i++) expect(operations[i]!.at).toBeGreaterThanOrEqual(operations[i - 1]!.at);
    }
    const gaps = sequences.flatMap((ops) => ops.slice(1).map((op, i) => op.at - ops[i]!.at));
    expect(gaps.filter((g) => g === 0).length).toBeGreaterThan(gaps.length / 5);
    expect(gaps.some((g) => g > 60_000)).toBe(true);
  });

  it.each<[EventNameList, string[]]>([
    [['INSERT'], ['INSERT']],
    [['INSERT', 'MODIFY'], ['INSERT', 'MODIFY']],
    [['INSERT', 'REMOVE'], ['INSERT', 'REMOVE']],
  ])('eventNames %j gives only those records', (names, expected) => {
    const sequences = sample({ eventNames: names, minLength: 30, maxLength: 60, ttl: true }, TABLE, 40);
    expect([...eventNames(TABLE, sequences)].sort()).toEqual(expected);
  });

  it('with only INSERT, nearly every operation inserts a new item', () => {
    const sequences = sample({ eventNames: ['INSERT'], minLength: 50, maxLength: 80, noOps: false }, TABLE, 30);
    const operations = sequences.reduce((n, ops) => n + ops.length, 0);
    const records = sequences.reduce((n, ops) => n + historyOf(TABLE, ops).records.length, 0);
    expect(records).toBeGreaterThan(0.8 * operations);
  });

  it('keyCount 1 writes one item only', () => {
    for (const operations of sample({ keyCount: 1, minLength: 20, maxLength: 60 }, TABLE, 40)) {
      expect(new Set(historyOf(TABLE, operations).records.map((r) => r.itemKey)).size).toBeLessThanOrEqual(1);
      for (const op of operations) if (op.type === 'transactWrite') expect(op.writes).toHaveLength(1);
    }
  });

  it('hot keys take most writes; uniform keys spread them', () => {
    const share = (options: ChangeSequenceOptions): number => {
      const writes = sample({ ...options, minLength: 100, keyCount: 50 }, { partitionKey: 'pk' }).flatMap(writesOf);
      const keys = writes.map((w) => (w.type === 'put' ? w.item['pk'] : w.key['pk']));
      return keys.filter((k) => k === 'user#0' || k === 'user#1').length / keys.length;
    };
    expect(share({ hotKeys: 2 })).toBeGreaterThan(0.6);
    expect(share({ hotKeys: 0 })).toBeLessThan(0.2);
  });

  it('largeItems: items just under 400 KB appear, and no item is ever over it', () => {
    const sizes = sample({ largeItems: true, minLength: 30, maxLength: 60 }, TABLE, 40)
      .flatMap(writesOf)
      .flatMap((w) => (w.type === 'put' ? [itemSizeBytes(storedItemOf(w.item, 'item'))] : []));
    expect(sizes.filter((s) => s > 380_000).length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    const never = sample({ largeItems: false, minLength: 50 }, TABLE, 40).flatMap(writesOf);
    expect(never.every((w) => w.type !== 'put' || itemSizeBytes(storedItemOf(w.item, 'item')) < 10_000)).toBe(true);
  });

  it('ttl, transactions and noOps switch their operations off', () => {
    const table: TableParameters = { ...TABLE, ttlAttribute: 'expiresAt' };
    const ops = sample({ ttl: false, transactions: false, noOps: false, minLength: 50 }, table, 30).flat();
    expect(ops.some((op) => op.type === 'ttlExpire' || op.type === 'transactWrite')).toBe(false);
    for (const operations of sample({ noOps: false, transactions: false, eventNames: ['INSERT', 'MODIFY'], minLength: 40, maxLength: 80 }, TABLE, 30)) {
      expect(historyOf(TABLE, operations).records).toHaveLength(operations.length);
    }
  });

  it('transactions write 1..4 distinct items', () => {
    const transactions = sample({ minLength: 80 }).flat().filter((op) => op.type === 'transactWrite');
    expect(new Set(transactions.map((t) => t.writes.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('uses a user item arbitrary for the values, with the keys replaced', () => {
    const item = fc.record({ pk: fc.constant('ignored'), colour: fc.constantFrom('red', 'blue') });
    const puts = sample({ item, minLength: 20 }).flat().flatMap((op) => (op.type === 'put' ? [op.item] : []));
    expect(puts.length).toBeGreaterThan(0);
    for (const put of puts) {
      expect(['red', 'blue']).toContain(put['colour']);
      expect(put['pk']).toMatch(/^user#\d+$/);
    }
  });

  it('respects minLength and maxLength', () => {
    for (const operations of sample({ minLength: 3, maxLength: 5 })) expect(operations.length).toBeGreaterThanOrEqual(3);
    for (const operations of sample({ minLength: 3, maxLength: 5 })) expect(operations.length).toBeLessThanOrEqual(5);
  });

  it('rejects options it cannot honour, naming them', () => {
    expect(errorMessage(() => changeSequence(TABLE, { eventNames: ['MODIFY'] }))).toBe(
      'changeSequence.options.eventNames must include INSERT: the table starts empty, so MODIFY and REMOVE records need an earlier INSERT (got ["MODIFY"])',
    );
    expect(errorMessage(() => changeSequence(TABLE, { minLength: 5, maxLength: 2 }))).toBe('changeSequence.options.maxLength must be an integer in 5..10000 (at least minLength) (got 2)');
    expect(errorMessage(() => changeSequence(TABLE, { hotKeys: 9, keyCount: 4 }))).toBe('changeSequence.options.hotKeys must be an integer in 0..keyCount (4) (got 9)');
    expect(errorMessage(() => changeSequence(TABLE, { keys: 3 } as ChangeSequenceOptions))).toContain('changeSequence.options.keys is not a known option');
    expect(errorMessage(() => changeSequence({ partitionKey: '' }))).toBe('changeSequence.table.partitionKey must be a non-empty attribute name (got "")');
    expect(errorMessage(() => changeSequence(TABLE, { item: itemAttributes as unknown as fc.Arbitrary<never> }))).toContain('changeSequence.options.item must be a fast-check arbitrary');
  });

  it('shrinks to fewer operations and plain puts', () => {
    const details = fc.check(fc.property(changeSequence({ partitionKey: 'pk' }), (ops) => ops.length < 2), { seed: 3 });
    expect(details.counterexample?.[0]).toEqual([
      { type: 'put', item: expect.objectContaining({ pk: 'user#0', version: 1 }), at: 0 },
      { type: 'put', item: expect.objectContaining({ pk: 'user#0', version: 2 }), at: 0 },
    ]);
  });
});

type EventNameList = NonNullable<ChangeSequenceOptions['eventNames']>;
