import { describe, expect, it } from 'vitest';
import type { StreamViewType } from '../../../src/table/tableSpec.js';
import { checkpoints, invocations, recorder, reportFailures, run, RBIF, seqOf, vOf } from './helpers.js';

describe('records the handler receives (R1–R5, R9, R12)', () => {
  it('R1: each record is AWS shaped, with the trace header\'s sequence number and the stream ARN', async () => {
    const rec = recorder();
    const trace = await run({ table: { partitionKey: 'pk' }, operations: [{ type: 'put', at: 1500, item: { pk: 'a', v: 0 } }] }, rec.handler);
    const record = rec.calls[0]!.records[0]!;
    expect(record.eventName).toBe('INSERT');
    expect(record.eventSource).toBe('aws:dynamodb');
    expect(record.eventVersion).toBe('1.1');
    expect(record.awsRegion).toBe('us-east-1');
    expect(record.eventSourceARN).toBe(trace.streamArn);
    expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(record.dynamodb?.SequenceNumber).toBe(seqOf(trace, 0));
    // epoch seconds, rounded down (virtual t = 1500 ms)
    expect(record.dynamodb?.ApproximateCreationDateTime).toBe(Math.floor((trace.startEpochMs + 1500) / 1000));
    expect(record.dynamodb?.Keys).toEqual({ pk: { S: 'a' } });
    expect(record.dynamodb?.NewImage).toEqual({ pk: { S: 'a' }, v: { N: '0' } });
    expect(record.userIdentity).toBeUndefined();
  });

  const ops = [
    { type: 'put' as const, at: 0, item: { pk: 'a', v: 0, x: 'old' } },
    { type: 'update' as const, at: 0, key: { pk: 'a' }, set: { x: 'new' } },
    { type: 'delete' as const, at: 0, key: { pk: 'a' } },
  ];
  const keys = { pk: { S: 'a' } };
  const oldItem = { pk: { S: 'a' }, v: { N: '0' }, x: { S: 'old' } };
  const newItem = { pk: { S: 'a' }, v: { N: '0' }, x: { S: 'new' } };
  const cases: [StreamViewType, [unknown, unknown][]][] = [
    // [NewImage, OldImage] for INSERT, MODIFY, REMOVE
    ['KEYS_ONLY', [[undefined, undefined], [undefined, undefined], [undefined, undefined]]],
    ['NEW_IMAGE', [[oldItem, undefined], [newItem, undefined], [undefined, undefined]]],
    ['OLD_IMAGE', [[undefined, undefined], [undefined, oldItem], [undefined, newItem]]],
    ['NEW_AND_OLD_IMAGES', [[oldItem, undefined], [newItem, oldItem], [undefined, newItem]]],
  ];
  for (const [view, images] of cases) {
    it(`R2: ${view} decides which images each record carries`, async () => {
      const rec = recorder();
      await run({ table: { partitionKey: 'pk', streamViewType: view }, operations: ops }, rec.handler);
      expect(rec.calls).toHaveLength(1);
      const records = rec.calls[0]!.records;
      expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
      records.forEach((r, i) => {
        expect(r.dynamodb?.Keys).toEqual(keys);
        expect(r.dynamodb?.StreamViewType).toBe(view);
        expect(r.dynamodb?.NewImage).toEqual(images[i]![0]);
        expect(r.dynamodb?.OldImage).toEqual(images[i]![1]);
        expect('NewImage' in r.dynamodb!).toBe(images[i]![0] !== undefined);
        expect('OldImage' in r.dynamodb!).toBe(images[i]![1] !== undefined);
      });
    });
  }

  it('R4: writes that change nothing publish no record; a replacing put is a MODIFY', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: { partitionKey: 'pk' },
        operations: [
          { type: 'put', at: 0, item: { pk: 'a', v: 0 } }, // INSERT
          { type: 'put', at: 10, item: { pk: 'a', v: 0 } }, // same item: nothing
          { type: 'update', at: 20, key: { pk: 'a' }, set: { v: 0 } }, // same value: nothing
          { type: 'delete', at: 30, key: { pk: 'missing' } }, // absent item: nothing
          { type: 'update', at: 35, key: { pk: 'a' }, remove: ['nope'] }, // removes an absent attribute: nothing
          { type: 'put', at: 40, item: { pk: 'a', v: 1, w: 'x' } }, // replace: MODIFY
          { type: 'update', at: 50, key: { pk: 'b' }, set: { v: 2 } }, // update of a missing item creates it: INSERT
        ],
      },
      rec.handler,
    );
    expect(trace.records.map((r) => [r.eventName, r.itemKey === trace.records[0]!.itemKey])).toEqual([
      ['INSERT', true],
      ['MODIFY', true],
      ['INSERT', false],
    ]);
    const received = rec.calls.flatMap((c) => c.records.map((r) => [r.eventName, vOf(r)]));
    expect(received).toEqual([
      ['INSERT', 0],
      ['MODIFY', 1],
      ['INSERT', 2],
    ]);
  });

  it('R5: a TTL delete is a REMOVE with the service userIdentity; a user delete has none', async () => {
    const rec = recorder();
    await run(
      {
        table: { partitionKey: 'pk', ttlAttribute: 'expires' },
        operations: [
          { type: 'put', at: 0, item: { pk: 'a', v: 0, expires: 1 } },
          { type: 'ttlExpire', at: 0, key: { pk: 'a' } },
          { type: 'put', at: 0, item: { pk: 'b', v: 2 } },
          { type: 'delete', at: 0, key: { pk: 'b' } },
        ],
      },
      rec.handler,
    );
    const records = rec.calls.flatMap((c) => c.records);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE', 'INSERT', 'REMOVE']);
    expect(records[1]!.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(records[1]!.dynamodb?.Keys).toEqual({ pk: { S: 'a' } });
    expect('userIdentity' in records[3]!).toBe(false);
    expect('userIdentity' in records[0]!).toBe(false);
  });

  it('R9: sequence numbers increase strictly per shard and are compared as numbers, not strings', async () => {
    // 21 nines: the next numbers have 22 digits, so "1000…" < "9999…" as strings.
    const start = '999999999999999999990';
    const rec = recorder((call) => (call.n === 0 ? reportFailures(call, [1, 0]) : undefined));
    const trace = await run(
      {
        table: { partitionKey: 'pk' },
        operations: [0, 1, 2].map((v) => ({ type: 'put' as const, at: 0, item: { pk: 'a', v } })),
        stream: { sequenceStart: start },
        mapping: { functionResponseTypes: RBIF },
      },
      rec.handler,
    );
    const seqs = trace.records.map((r) => r.seq);
    expect(seqs[0]).toBe(start);
    expect(seqs[1]!.length).toBe(22);
    for (let i = 1; i < seqs.length; i++) expect(BigInt(seqs[i]!) > BigInt(seqs[i - 1]!)).toBe(true);
    expect(rec.calls[0]!.seqs).toEqual(seqs);
    // Both 0 and 1 reported: the numerically lowest (record 0, 21 digits) is the checkpoint, so
    // nothing is committed and the whole batch is retried.
    const inv = invocations(trace);
    expect(inv[0]!.lowest).toBe(start);
    expect(inv.map((i) => [i.records, i.attempt, i.outcome])).toEqual([
      [[0, 1, 2], 1, 'OK_PARTIAL'],
      [[0, 1, 2], 2, 'OK_SUCCESS'],
    ]);
    expect(checkpoints(trace)).toEqual([2]);
  });

  it('R9: with several shards each shard\'s records are in strictly increasing order', async () => {
    const trace = await run(
      { table: { partitionKey: 'pk' }, operations: Array.from({ length: 40 }, (_, v) => ({ type: 'put' as const, at: v * 10, item: { pk: `k${v % 7}`, v } })), stream: { shardCount: 3 } },
      async () => undefined,
    );
    for (const shard of trace.shards) {
      const seqs = trace.records.filter((r) => r.shard === shard.ordinal).map((r) => BigInt(r.seq));
      expect(seqs.length).toBeGreaterThan(0);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
      // and the mapping delivers them in that order on first delivery (R46)
      const delivered = invocations(trace).filter((x) => x.shard === shard.ordinal).flatMap((x) => x.records);
      expect(delivered).toEqual(trace.records.filter((r) => r.shard === shard.ordinal).map((r) => r.ordinal));
    }
  });

  it('R12: a transaction gives one record per changed item, with no marker record', async () => {
    const rec = recorder();
    const trace = await run(
      {
        table: { partitionKey: 'pk' },
        operations: [
          { type: 'put', at: 0, item: { pk: 'a', v: 0 } },
          {
            type: 'transactWrite',
            at: 10,
            writes: [
              { type: 'put', item: { pk: 'b', v: 1 } },
              { type: 'update', key: { pk: 'a' }, set: { v: 2 } },
              { type: 'delete', key: { pk: 'nobody' } },
            ],
          },
        ],
      },
      rec.handler,
    );
    expect(trace.records.map((r) => r.eventName)).toEqual(['INSERT', 'INSERT', 'MODIFY']);
    expect(rec.calls.flatMap((c) => c.vs)).toEqual([0, 1, 2]);
  });
});
