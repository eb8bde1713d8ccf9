import { describe, expect, it } from 'vitest';
import { checkpoints, concurrencyProbe, eventsOf, invocations, keyPerShard, puts, recorder, run, TABLE } from './helpers.js';

const MB6 = 6 * 1024 * 1024;

describe('batching and polling (R19–R21, R29, R30)', () => {
  it('R19: a batch holds at most BatchSize records, in shard order', async () => {
    const trace = await run({ table: TABLE, operations: puts(7), mapping: { batchSize: 3 } }, async () => undefined);
    expect(eventsOf(trace, 'batch').map((b) => [b.records, b.cut])).toEqual([
      [[0, 1, 2], 'size'],
      [[3, 4, 5], 'size'],
      [[6], 'available'],
    ]);
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([
      [0, [0, 1, 2]],
      [0, [3, 4, 5]],
      [0, [6]],
    ]);
    expect(checkpoints(trace)).toEqual([2, 5, 6]);
  });

  it('R19: the default BatchSize is 100', async () => {
    const trace = await run({ table: TABLE, operations: puts(150) }, async () => undefined);
    const batches = invocations(trace).map((i) => i.records);
    expect(batches.map((b) => [b[0], b.length])).toEqual([
      [0, 100],
      [100, 50],
    ]);
  });

  it('R20: without a window, a record is invoked at the first poll that sees it (a batch of one)', async () => {
    const trace = await run({ table: TABLE, operations: puts(3, { at: (i) => [0, 300, 600][i]! }) }, async () => undefined);
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([
      [0, [0]],
      [500, [1]],
      [750, [2]],
    ]);
  });

  it('R20: with a window, records gather until the window expires', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(3, { at: (i) => [0, 300, 600][i]! }), mapping: { maximumBatchingWindowInSeconds: 1 } },
      async () => undefined,
    );
    expect(eventsOf(trace, 'batch').map((b) => [b.t, b.records, b.cut])).toEqual([[1000, [0, 1, 2], 'window']]);
  });

  it('R20: with a window, a full batch is invoked before the window expires', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(4, { at: (i) => [0, 300, 600, 700][i]! }), mapping: { maximumBatchingWindowInSeconds: 5, batchSize: 2 } },
      async () => undefined,
    );
    expect(eventsOf(trace, 'batch').map((b) => [b.t, b.records, b.cut])).toEqual([
      [500, [0, 1], 'size'],
      [750, [2, 3], 'size'],
    ]);
  });

  it('R20: the next window begins as soon as the previous invocation completes', async () => {
    // Invocation of [0, 1, 2] completes at t=1000, so the next window is [1000, 2000): record 3
    // (t=1500) is invoked when that window expires, at t=2000 — not a full window after it arrives.
    const trace = await run(
      { table: TABLE, operations: puts(4, { at: (i) => [0, 300, 600, 1500][i]! }), mapping: { maximumBatchingWindowInSeconds: 1 } },
      async () => undefined,
    );
    expect(invocations(trace).map((i) => [i.t, i.records])).toEqual([
      [1000, [0, 1, 2]],
      [2000, [3]],
    ]);
  });

  it('R21: a batch is cut before it would exceed the 6 MB payload limit', async () => {
    const big = 'x'.repeat(300_000);
    const operations = Array.from({ length: 25 }, (_, v) => ({ type: 'put' as const, at: 0, item: { pk: `k${v}`, v, big } }));
    const sizes: number[] = [];
    const rec = recorder((call) => {
      sizes.push(Buffer.byteLength(JSON.stringify(call.event), 'utf8'));
    });
    const trace = await run({ table: { partitionKey: 'pk', streamViewType: 'NEW_IMAGE' }, operations }, rec.handler);
    const batches = eventsOf(trace, 'batch');
    expect(batches.map((b) => b.cut)).toEqual(['payload', 'available']);
    const first = batches[0]!.records;
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => i));
    expect(first.length).toBeGreaterThan(1);
    expect(batches[1]!.records[0]).toBe(first.length);
    expect(first.length + batches[1]!.records.length).toBe(25);
    // The first payload fits; one more record would not.
    const recordBytes = Buffer.byteLength(JSON.stringify(rec.calls[1]!.records[0]), 'utf8');
    expect(sizes[0]).toBeLessThanOrEqual(MB6);
    expect(sizes[0]! + 1 + recordBytes).toBeGreaterThan(MB6);
  });

  it('R21: each batch holds records of one shard only, in that shard\'s order', async () => {
    const [k0, k1] = await keyPerShard(2);
    const operations = Array.from({ length: 10 }, (_, v) => ({ type: 'put' as const, at: 0, item: { pk: v % 2 === 0 ? k0! : k1!, v } }));
    const trace = await run({ table: TABLE, operations, stream: { shardCount: 2 } }, async () => undefined);
    expect(trace.records.map((r) => r.shard)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(invocations(trace).map((i) => [i.shard, i.records])).toEqual([
      [0, [0, 2, 4, 6, 8]],
      [1, [1, 3, 5, 7, 9]],
    ]);
  });

  it('R29: shards are polled 4 times per second (every 250 ms)', async () => {
    const trace = await run({ table: TABLE, operations: puts(3, { at: (i) => [10, 260, 1001][i]! }) }, async () => undefined);
    expect(eventsOf(trace, 'poll').map((p) => [p.t, p.records])).toEqual([
      [250, [0]],
      [500, [1]],
      [1250, [2]],
    ]);
  });

  it('R29: the poll interval is a timing knob', async () => {
    const trace = await run(
      { table: TABLE, operations: puts(2, { at: (i) => [10, 1200][i]! }), timing: { pollIntervalMs: 1000 } },
      async () => undefined,
    );
    expect(invocations(trace).map((i) => i.t)).toEqual([1000, 2000]);
  });

  it('R30: the next batch of a shard is not invoked until the current one is resolved', async () => {
    const probe = concurrencyProbe();
    const trace = await run(
      { table: TABLE, operations: puts(4, { at: (i) => i * 10 }), mapping: { batchSize: 1 }, timing: { invocationMs: 1000 } },
      probe.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.resultT, i.records])).toEqual([
      [0, 1000, [0]],
      [1000, 2000, [1]],
      [2000, 3000, [2]],
      [3000, 4000, [3]],
    ]);
    expect(probe.max()).toBe(1);
  });

  it('R30: different shards are invoked concurrently', async () => {
    const keys = await keyPerShard(2);
    const operations = Array.from({ length: 4 }, (_, v) => ({ type: 'put' as const, at: 0, item: { pk: keys[v % 2]!, v } }));
    const probe = concurrencyProbe();
    const trace = await run(
      { table: TABLE, operations, stream: { shardCount: 2 }, mapping: { batchSize: 1 }, timing: { invocationMs: 1000 } },
      probe.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.shard, i.records])).toEqual([
      [0, 0, [0]],
      [0, 1, [1]],
      [1000, 0, [2]],
      [1000, 1, [3]],
    ]);
    expect(probe.max()).toBe(2);
  });
});
