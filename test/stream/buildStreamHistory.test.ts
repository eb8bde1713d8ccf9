import { describe, it, expect } from 'vitest';
import { compareSeq, HOUR } from '../../src/core/index.js';
import type { StreamConfig, TopologyEvent } from '../../src/stream/index.js';
import { buildStreamHistory, type StreamHistoryInput } from '../../src/stream/index.js';
import { resolveTableSpec, type TableOperation, type TableParameters } from '../../src/table/index.js';

const START = 1_767_225_600_000;

function historyOf(
  operations: readonly TableOperation[],
  options: { stream?: Partial<StreamConfig>; table?: Partial<TableParameters>; simSeed?: number } = {},
) {
  return buildStreamHistory(inputOf(operations, options));
}

function inputOf(
  operations: readonly TableOperation[],
  options: { stream?: Partial<StreamConfig>; table?: Partial<TableParameters>; simSeed?: number } = {},
): StreamHistoryInput {
  return {
    table: resolveTableSpec({ partitionKey: 'pk', ...options.table }),
    operations,
    stream: { shardCount: 1, topology: [], retentionMs: 24 * HOUR, trimLagMs: 0, sequenceStart: undefined, ...options.stream },
    simSeed: options.simSeed ?? 1,
    startEpochMs: START,
  };
}

const messageOf = (input: StreamHistoryInput): string => {
  try {
    buildStreamHistory(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected buildStreamHistory to throw');
};

/** Puts cycling over `keys`, one every `step` ms. */
const puts = (count: number, keys: number, step = 10): TableOperation[] =>
  Array.from({ length: count }, (_, i) => ({ type: 'put', at: i * step, item: { pk: `k${i % keys}`, v: i } }));

describe('buildStreamHistory', () => {
  it('R1: every record has exactly the AWS fields, in a fixed order', () => {
    const h = historyOf([
      { type: 'put', at: 1999, item: { pk: 'a', v: 1 } },
      { type: 'delete', at: 2500, key: { pk: 'a' } },
    ]);
    const [insert, remove] = h.records.map((r) => r.event);
    expect(Object.keys(insert ?? {})).toEqual(['eventID', 'eventName', 'eventVersion', 'eventSource', 'awsRegion', 'dynamodb', 'eventSourceARN']);
    expect(Object.keys(insert?.dynamodb ?? {})).toEqual(['ApproximateCreationDateTime', 'Keys', 'NewImage', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
    expect(Object.keys(remove?.dynamodb ?? {})).toEqual(['ApproximateCreationDateTime', 'Keys', 'OldImage', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
    expect(insert).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:dynamodb:us-east-1:123456789012:table/shardcheck-table/stream/2026-01-01T00:00:00.000',
      dynamodb: { ApproximateCreationDateTime: 1_767_225_601, Keys: { pk: { S: 'a' } }, NewImage: { pk: { S: 'a' }, v: { N: '1' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(insert?.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(remove?.dynamodb?.ApproximateCreationDateTime).toBe(1_767_225_602);
    expect(h.arn).toBe(insert?.eventSourceARN);
  });

  it('R1: ApproximateCreationDateTime is whole epoch seconds, SizeBytes ≥ 1, eventIDs unique', () => {
    const h = historyOf(puts(300, 7, 333), { table: { streamViewType: 'KEYS_ONLY' } });
    for (const r of h.records) {
      const seconds = r.event.dynamodb?.ApproximateCreationDateTime ?? NaN;
      expect(Number.isInteger(seconds)).toBe(true);
      expect(seconds).toBe(Math.floor((START + r.createdAt) / 1000));
      expect(r.event.dynamodb?.SizeBytes).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(h.records.map((r) => r.event.eventID)).size).toBe(300);
  });

  it('R1: binary values appear base64-encoded in the event', () => {
    const h = historyOf([{ type: 'put', at: 0, item: { id: new Uint8Array([102, 111, 111]), b: new Uint8Array([98, 97, 114]) } }], {
      table: { partitionKey: { name: 'id', type: 'B' } },
    });
    const record = h.records[0];
    expect(record?.event.dynamodb?.Keys).toEqual({ id: { B: 'Zm9v' } });
    expect(record?.event.dynamodb?.NewImage).toEqual({ id: { B: 'Zm9v' }, b: { B: 'YmFy' } });
    expect([record?.itemKey, record?.partitionKey]).toEqual(['Zm9v', 'Zm9v']);
  });

  it('R1: the history is deep-frozen', () => {
    const h = historyOf(puts(2, 1));
    const event = h.records[0]?.event;
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event?.dynamodb?.Keys?.['pk'])).toBe(true);
    expect(Object.isFrozen(h.shards[0]?.records)).toBe(true);
    expect(() => {
      (event as { eventName: string }).eventName = 'MODIFY';
    }).toThrow(TypeError);
  });

  it('R1: record fields describe the record; payloadBytes is its JSON size plus a comma', () => {
    const h = historyOf(
      [
        { type: 'put', at: 5, item: { pk: 'é', sk: 'x' } },
        { type: 'put', at: 5, item: { pk: 'é', sk: 'x', v: 1 } },
      ],
      { table: { sortKey: 'sk' }, stream: { trimLagMs: 1234 } },
    );
    expect(h.records.map((r) => [r.shard, r.index, r.ordinal, r.eventName, r.opIndex, r.itemKey, r.partitionKey, r.createdAt])).toEqual([
      [0, 0, 0, 'INSERT', 0, 'é|x', 'é', 5],
      [0, 1, 1, 'MODIFY', 1, 'é|x', 'é', 5],
    ]);
    for (const r of h.records) {
      expect(r.seq).toBe(r.event.dynamodb?.SequenceNumber);
      expect(r.payloadBytes).toBe(Buffer.byteLength(JSON.stringify(r.event)) + 1);
    }
  });

  it('R2: images follow the view type in the events', () => {
    const ops: TableOperation[] = [
      { type: 'put', at: 0, item: { pk: 'a', v: 1 } },
      { type: 'update', at: 1, key: { pk: 'a' }, set: { v: 2 } },
      { type: 'delete', at: 2, key: { pk: 'a' } },
    ];
    const shapes = (view: 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES') =>
      historyOf(ops, { table: { streamViewType: view } }).records.map((r) =>
        [r.event.dynamodb?.NewImage?.['v']?.N, r.event.dynamodb?.OldImage?.['v']?.N, r.event.dynamodb?.StreamViewType]);
    expect(shapes('KEYS_ONLY')).toEqual([[undefined, undefined, 'KEYS_ONLY'], [undefined, undefined, 'KEYS_ONLY'], [undefined, undefined, 'KEYS_ONLY']]);
    expect(shapes('NEW_IMAGE')).toEqual([['1', undefined, 'NEW_IMAGE'], ['2', undefined, 'NEW_IMAGE'], [undefined, undefined, 'NEW_IMAGE']]);
    expect(shapes('OLD_IMAGE')).toEqual([[undefined, undefined, 'OLD_IMAGE'], [undefined, '1', 'OLD_IMAGE'], [undefined, '2', 'OLD_IMAGE']]);
    expect(shapes('NEW_AND_OLD_IMAGES')).toEqual([
      ['1', undefined, 'NEW_AND_OLD_IMAGES'], ['2', '1', 'NEW_AND_OLD_IMAGES'], [undefined, '2', 'NEW_AND_OLD_IMAGES'],
    ]);
  });

  it('R3: records of one item stay in one shard in modification order; operations apply in at order', () => {
    const ops = puts(200, 13, 7).reverse().map((op, i) => ({ ...op, at: 10_000 - op.at + (i % 3) }));
    const h = historyOf(ops, { stream: { shardCount: 4 } });
    expect(new Set(h.records.map((r) => r.shard)).size).toBeGreaterThan(1);
    const byItem = new Map<string, typeof h.records>();
    for (const r of h.records) byItem.set(r.itemKey, [...(byItem.get(r.itemKey) ?? []), r]);
    for (const records of byItem.values()) {
      expect(new Set(records.map((r) => r.shard)).size).toBe(1);
      const ats = records.map((r) => ops[r.opIndex]?.at ?? NaN);
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      for (let i = 1; i < records.length; i++) expect(records[i]!.index).toBeGreaterThan(records[i - 1]!.index);
    }
  });

  it('R3: operations at the same instant keep list order', () => {
    const h = historyOf([
      { type: 'put', at: 5, item: { pk: 'a', v: 1 } },
      { type: 'put', at: 0, item: { pk: 'a', v: 0 } },
      { type: 'put', at: 5, item: { pk: 'a', v: 2 } },
    ]);
    expect(h.records.map((r) => r.opIndex)).toEqual([1, 0, 2]);
  });

  it('R4: writes that change nothing publish nothing', () => {
    const h = historyOf([
      { type: 'delete', at: 0, key: { pk: 'a' } },
      { type: 'put', at: 1, item: { pk: 'a', v: 1 } },
      { type: 'put', at: 2, item: { pk: 'a', v: 1 } },
      { type: 'update', at: 3, key: { pk: 'a' }, set: { v: 1 } },
    ]);
    expect(h.records.map((r) => [r.eventName, r.opIndex])).toEqual([['INSERT', 1]]);
  });

  it('R5: userIdentity is present only on TTL deletes', () => {
    const h = historyOf([
      { type: 'put', at: 0, item: { pk: 'a' } },
      { type: 'put', at: 0, item: { pk: 'b' } },
      { type: 'ttlExpire', at: 1, key: { pk: 'a' } },
      { type: 'delete', at: 1, key: { pk: 'b' } },
    ]);
    const identities = h.records.map((r) => [r.eventName, 'userIdentity' in r.event, r.event.userIdentity]);
    expect(identities).toEqual([
      ['INSERT', false, undefined],
      ['INSERT', false, undefined],
      ['REMOVE', true, { type: 'Service', principalId: 'dynamodb.amazonaws.com' }],
      ['REMOVE', false, undefined],
    ]);
    expect(Object.keys(h.records[2]!.event).at(-1)).toBe('userIdentity');
  });

  it('R6: trimAt is creation + 24 h retention + trim lag', () => {
    const h = historyOf([{ type: 'put', at: 1500, item: { pk: 'a' } }], { stream: { trimLagMs: 60_000 } });
    expect(h.records[0]?.trimAt).toBe(1500 + 24 * HOUR + 60_000);
  });

  it('R7: shards start at t=0, cover the hash space, and have DynamoDB-like unique ids', () => {
    const h = historyOf(puts(400, 50), { stream: { shardCount: 3 } });
    expect(h.shards.map((s) => [s.ordinal, s.parents, s.createdAt, s.closedAt])).toEqual([
      [0, [], 0, undefined], [1, [], 0, undefined], [2, [], 0, undefined],
    ]);
    for (const s of h.shards) expect(s.id).toMatch(/^shardId-00000001767225600000-[0-9a-f]{8}$/);
    expect(new Set(h.shards.map((s) => s.id)).size).toBe(3);
    expect(h.shards.every((s) => s.records.length > 0)).toBe(true);
  });

  it('R7: rollover closes a shard and opens one child taking the same keys', () => {
    const h = historyOf(puts(20, 5, 100), { stream: { shardCount: 2, topology: [{ kind: 'rollover', at: 1000, shard: 1 }] } });
    const [, parent, child] = h.shards;
    expect([parent?.closedAt, child?.parents, child?.createdAt, child?.ordinal]).toEqual([1000, [1], 1000, 2]);
    expect(parent?.records.every((r) => r.createdAt < 1000)).toBe(true);
    expect(child?.records.every((r) => r.createdAt >= 1000)).toBe(true);
    const parentKeys = new Set(parent?.records.map((r) => r.itemKey));
    expect(new Set(child?.records.map((r) => r.itemKey))).toEqual(parentKeys);
    expect(child?.id).toMatch(/^shardId-00000001767225601000-[0-9a-f]{8}$/);
  });

  it('R7: split hands halves to two children; one key keeps its order and lands in one child after the split', () => {
    const topology: TopologyEvent[] = [{ kind: 'split', at: 1000, shard: 0 }, { kind: 'split', at: 2000, shard: 2 }];
    const h = historyOf(puts(40, 8, 100), { stream: { topology } });
    const descendsFrom = (shard: number, ancestor: number): boolean =>
      shard === ancestor || (h.shards[shard]?.parents ?? []).some((p) => descendsFrom(p, ancestor));
    expect(h.shards.map((s) => [s.ordinal, s.parents, s.createdAt, s.closedAt])).toEqual([
      [0, [], 0, 1000], [1, [0], 1000, undefined], [2, [0], 1000, 2000], [3, [2], 2000, undefined], [4, [2], 2000, undefined],
    ]);
    for (const key of new Set(h.records.map((r) => r.itemKey))) {
      const records = h.records.filter((r) => r.itemKey === key);
      const ats = records.map((r) => r.createdAt);
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      // Along one key's records the shard only ever moves on to a descendant, never back.
      for (let i = 1; i < records.length; i++) expect(descendsFrom(records[i]!.shard, records[i - 1]!.shard)).toBe(true);
      expect(records[0]?.shard).toBe(0);
      expect(h.shards[records.at(-1)!.shard]?.closedAt).toBeUndefined();
    }
    expect(h.records.filter((r) => r.createdAt >= 1000).every((r) => r.shard !== 0)).toBe(true);
  });

  it('R7: a topology event applies before operations at the same instant', () => {
    const h = historyOf([{ type: 'put', at: 1000, item: { pk: 'a' } }], { stream: { topology: [{ kind: 'rollover', at: 1000, shard: 0 }] } });
    expect(h.records[0]?.shard).toBe(1);
  });

  it('R9: sequence numbers are 21–40 digits, strictly increasing per shard and over time, and not contiguous', () => {
    for (const simSeed of [1, 2, 3, 4, 5, 6]) {
      const h = historyOf(puts(100, 9), { simSeed, stream: { shardCount: 3, topology: [{ kind: 'split', at: 500, shard: 1 }] } });
      for (const r of h.records) expect(r.seq).toMatch(/^[0-9]{21,40}$/);
      for (const s of h.shards) {
        for (let i = 1; i < s.records.length; i++) expect(compareSeq(s.records[i - 1]!.seq, s.records[i]!.seq)).toBe(-1);
      }
      for (let i = 1; i < h.records.length; i++) {
        const gap = BigInt(h.records[i]!.seq) - BigInt(h.records[i - 1]!.seq);
        expect(gap).toBeGreaterThan(1n);
      }
    }
  });

  it('R9: a stream started just below 10^21 crosses to 22 digits, where string order is wrong', () => {
    const h = historyOf(puts(10, 2), { stream: { sequenceStart: '999999999999999999990' } });
    const seqs = h.records.map((r) => r.seq);
    expect(seqs[0]).toBe('999999999999999999990');
    expect(seqs[1]).toHaveLength(22);
    expect(seqs[0]! > seqs[1]!).toBe(true);
    expect(compareSeq(seqs[0]!, seqs[1]!)).toBe(-1);
  });

  it('R9: about half the seeds start just below a power of ten, so the digit count changes early', () => {
    let crossing = 0;
    for (let simSeed = 0; simSeed < 40; simSeed++) {
      const lengths = new Set(historyOf(puts(8, 3), { simSeed }).records.map((r) => r.seq.length));
      if (lengths.size > 1) crossing++;
    }
    expect(crossing).toBeGreaterThan(8);
    expect(crossing).toBeLessThan(32);
  });

  it('R12: a transaction publishes one record per changed item', () => {
    const h = historyOf([
      { type: 'put', at: 0, item: { pk: 'c', v: 1 } },
      {
        type: 'transactWrite',
        at: 10,
        writes: [
          { type: 'put', item: { pk: 'a' } },
          { type: 'update', key: { pk: 'b' }, set: { v: 1 } },
          { type: 'update', key: { pk: 'c' }, set: { v: 1 } },
          { type: 'delete', key: { pk: 'c2' } },
        ],
      },
    ], { stream: { shardCount: 4 } });
    const tx = h.records.filter((r) => r.opIndex === 1);
    expect(tx.map((r) => [r.itemKey, r.eventName, r.createdAt])).toEqual([['a', 'INSERT', 10], ['b', 'INSERT', 10]]);
    expect(new Set(tx.map((r) => r.event.eventID)).size).toBe(2);
  });

  it('is deterministic: the same input gives identical JSON', () => {
    const input = inputOf(
      [...puts(50, 6), { type: 'ttlExpire', at: 3, key: { pk: 'k1' } }, { type: 'put', at: 7, item: { pk: 'b', bin: new Uint8Array([1]) } }],
      { simSeed: 99, stream: { shardCount: 2, topology: [{ kind: 'split', at: 200, shard: 1 }] } },
    );
    expect(JSON.stringify(buildStreamHistory(input))).toBe(JSON.stringify(buildStreamHistory(input)));
    const other = JSON.stringify(buildStreamHistory({ ...input, simSeed: 100 }));
    expect(other).not.toBe(JSON.stringify(buildStreamHistory(input)));
  });

  describe('validation errors', () => {
    const cases: [string, StreamHistoryInput, string][] = [
      ['negative at', inputOf([{ type: 'put', at: 0, item: { pk: 'a' } }, { type: 'put', at: -1, item: { pk: 'a' } }]),
        'operations[1].at must be a finite number ≥ 0 (got -1)'],
      ['non-finite at', inputOf([{ type: 'put', at: Number.POSITIVE_INFINITY, item: { pk: 'a' } }]),
        'operations[0].at must be a finite number ≥ 0 (got Infinity)'],
      ['NaN at', inputOf([{ type: 'put', at: Number.NaN, item: { pk: 'a' } }]),
        'operations[0].at must be a finite number ≥ 0 (got NaN)'],
      ['operation that is not an object', inputOf([null as unknown as TableOperation]),
        'operations[0] must be a write object with a type and an at (got null)'],
      ['unknown shard ordinal', inputOf([], { stream: { shardCount: 3, topology: [{ kind: 'split', at: 0, shard: 7 }] } }),
        'stream.topology[0].shard must name an open shard (0..2 exist) (got 7)'],
      ['closed shard', inputOf([], { stream: { shardCount: 2, topology: [{ kind: 'rollover', at: 5000, shard: 1 }, { kind: 'split', at: 6000, shard: 1 }] } }),
        'stream.topology[1].shard must name an open shard (0..2 exist, shard 1 closed at 5000) (got 1)'],
      ['closed shard named by an earlier-listed, later event', inputOf([], { stream: { topology: [{ kind: 'split', at: 9, shard: 0 }, { kind: 'rollover', at: 1, shard: 0 }] } }),
        'stream.topology[0].shard must name an open shard (0..1 exist, shard 0 closed at 1) (got 0)'],
      ['unknown shard with one shard', inputOf([], { stream: { topology: [{ kind: 'split', at: 0, shard: 1 }] } }),
        'stream.topology[0].shard must name an open shard (0 exists) (got 1)'],
      ['unknown topology kind', inputOf([], { stream: { topology: [{ kind: 'merge', at: 0, shard: 0 } as unknown as TopologyEvent] } }),
        'stream.topology[0].kind must be split or rollover (got "merge")'],
      ['negative topology time', inputOf([], { stream: { topology: [{ kind: 'split', at: -5, shard: 0 }] } }),
        'stream.topology[0].at must be a finite number ≥ 0 (got -5)'],
      ['fractional shard ordinal', inputOf([], { stream: { topology: [{ kind: 'split', at: 0, shard: 0.5 }] } }),
        'stream.topology[0].shard must be a shard ordinal (an integer) (got 0.5)'],
      ['unknown topology field', inputOf([], { stream: { topology: [{ kind: 'split', at: 0, shard: 0, shards: 2 } as TopologyEvent] } }),
        'stream.topology[0].shards is not a known option; valid options are kind, at, shard'],
      ['bad shard count', inputOf([], { stream: { shardCount: 0 } }), 'stream.shardCount must be an integer 1..64 (got 0)'],
      ['bad sequence start', inputOf([], { stream: { sequenceStart: '123' } }),
        'stream.sequenceStart must be a decimal string of 21..40 digits (got "123")'],
      ['negative trim lag', inputOf([], { stream: { trimLagMs: -1 } }), 'stream.trimLagMs must be a finite number ≥ 0 (got -1)'],
      ['sequence numbers past 40 digits', inputOf(puts(3, 1), { stream: { sequenceStart: '9'.repeat(40) } }),
        `stream.sequenceStart leaves too little room below 10^40 for this scenario; sequence numbers have at most 40 digits (got "${'9'.repeat(40)}")`],
      ['fractional seed', { ...inputOf([]), simSeed: 1.5 }, 'simSeed must be an integer (got 1.5)'],
      ['bad epoch', { ...inputOf([]), startEpochMs: -1 }, 'startEpochMs must be an integer number of epoch milliseconds, 0..8640000000000000 (got -1)'],
      ['invalid write, with its list index', inputOf([{ type: 'put', at: 9, item: { pk: 'a' } }, { type: 'put', at: 0, item: { pk: 1 } }]),
        'operations[1].item.pk must be a string because the partition key pk has type S (got 1)'],
    ];
    for (const [name, input, message] of cases) {
      it(`rejects ${name}`, () => expect(messageOf(input)).toBe(message));
    }
  });
});
