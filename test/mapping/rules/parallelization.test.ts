import { beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/trace/trace.js';
import { checkpoints, concurrencyProbe, eventsOf, invocations, keyPerShard, keysPerLane, recorder, run, TABLE } from './helpers.js';

const put = (at: number, pk: string, v: number) => ({ type: 'put' as const, at, item: { pk, v } });

/** I2: per key (or per shard), the first deliveries are in publication order. */
function firstDeliveryOrder(trace: Trace, groupOf: (ordinal: number) => string): Map<string, number[]> {
  const seen = new Set<number>();
  const out = new Map<string, number[]>();
  for (const inv of invocations(trace)) {
    if (inv.env === null) continue;
    for (const o of inv.records) {
      if (seen.has(o)) continue;
      seen.add(o);
      const g = groupOf(o);
      out.set(g, [...(out.get(g) ?? []), o]);
    }
  }
  return out;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('parallelization factor and concurrency (R26, R46, R49)', () => {
  // A routes to lane 0, B to lane 1 (found by simulation)
  let A = '';
  let B = '';
  beforeAll(async () => {
    const lanes = await keysPerLane(2);
    A = lanes[0]![0]!;
    B = lanes[1]![0]!;
  });

  it('R26: with PF 2 records are routed to lanes by partition key and the lanes run concurrently', async () => {
    const probe = concurrencyProbe();
    const trace = await run(
      { table: TABLE, operations: [put(0, A, 0), put(0, B, 1), put(0, A, 2), put(0, B, 3)], mapping: { parallelizationFactor: 2 } },
      probe.handler,
    );
    expect(invocations(trace).map((i) => [i.t, i.lane, i.records])).toEqual([
      [0, 0, [0, 2]],
      [0, 1, [1, 3]],
    ]);
    expect(probe.max()).toBe(2);
    // lane 0 commits 0 and 2, but the shard checkpoint stops before the still-pending record 1
    expect(checkpoints(trace)).toEqual([0, 3]);
  });

  it('R26: with PF 1 the same records form one serial batch', async () => {
    const probe = concurrencyProbe();
    const trace = await run({ table: TABLE, operations: [put(0, A, 0), put(0, B, 1), put(0, A, 2), put(0, B, 3)] }, probe.handler);
    expect(invocations(trace).map((i) => [i.lane, i.records])).toEqual([[0, [0, 1, 2, 3]]]);
    expect(probe.max()).toBe(1);
  });

  // Lane 0 (key A): record 0 fails twice. Lane 1 (key B) has records 1 and 2.
  const blocking = () => [put(0, A, 0), put(0, B, 1), put(100, B, 2), put(100, A, 3)];
  const failTwice = () =>
    recorder((call) => {
      if (call.vs.includes(0) && call.seen(0) <= 2) throw new Error('lane 0 poison');
    });

  it('R26: a failing lane blocks only itself (ambiguity 7 default); the shard checkpoint waits for the lowest record', async () => {
    const trace = await run({ table: TABLE, operations: blocking(), mapping: { parallelizationFactor: 2 } }, failTwice().handler);
    expect(invocations(trace).map((i) => [i.t, i.lane, i.records, i.outcome])).toEqual([
      [0, 0, [0], 'FUNCTION_ERROR'],
      [0, 1, [1], 'OK_SUCCESS'],
      [250, 1, [2], 'OK_SUCCESS'],
      [500, 0, [0], 'FUNCTION_ERROR'],
      [1500, 0, [0], 'OK_SUCCESS'],
      [1500, 0, [3], 'OK_SUCCESS'],
    ]);
    // records 1 and 2 are done at t=250, but the checkpoint cannot pass record 0 before t=1500
    expect(eventsOf(trace, 'checkpoint').map((c) => [c.t, c.record])).toEqual([
      [1500, 2],
      [1500, 3],
    ]);
  });

  it('R26: with laneFailureBlocks "shard" (ambiguity 7 knob) a failing lane holds back the other lanes', async () => {
    const trace = await run(
      { table: TABLE, operations: blocking(), mapping: { parallelizationFactor: 2 }, semantics: { laneFailureBlocks: 'shard' } },
      failTwice().handler,
    );
    // (same-instant dispatches sorted by lane: their start order is an interleaving choice)
    const inv = invocations(trace).sort((x, y) => x.t - y.t || x.lane - y.lane || x.id - y.id);
    expect(inv.map((i) => [i.t, i.lane, i.records, i.outcome])).toEqual([
      [0, 0, [0], 'FUNCTION_ERROR'],
      [0, 1, [1], 'OK_SUCCESS'],
      [500, 0, [0], 'FUNCTION_ERROR'],
      [1500, 0, [0], 'OK_SUCCESS'],
      [1500, 0, [3], 'OK_SUCCESS'],
      [1500, 1, [2], 'OK_SUCCESS'],
    ]);
  });

  it('R26: the lane key is the table partition key by default; laneKey "itemKey" spreads one partition over lanes', async () => {
    const table = { partitionKey: 'pk', sortKey: 'sk' };
    const operations = Array.from({ length: 8 }, (_, v) => ({ type: 'put' as const, at: 0, item: { pk: 'same', sk: `s${v}`, v } }));
    const byPk = await run({ table, operations, mapping: { parallelizationFactor: 4 } }, async () => undefined);
    expect(invocations(byPk).map((i) => i.records)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
    const byItem = await run({ table, operations, mapping: { parallelizationFactor: 4 }, semantics: { laneKey: 'itemKey' } }, async () => undefined);
    expect(new Set(invocations(byItem).map((i) => i.lane)).size).toBeGreaterThan(1);
    expect(sorted(invocations(byItem).flatMap((i) => i.records))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('R46: with PF > 1 first deliveries stay in order per partition key, even with retries', async () => {
    const keys = (await keysPerLane(3, 2)).flat();
    const operations = Array.from({ length: 36 }, (_, v) => put(Math.floor(v / 6) * 100, keys[(v * 5) % keys.length]!, v));
    const rec = recorder((call) => {
      if (call.vs.some((v) => v !== undefined && v % 7 === 3 && call.seen(v) === 1)) throw new Error('first attempt fails');
    });
    const trace = await run({ table: TABLE, operations, mapping: { parallelizationFactor: 3, batchSize: 2 } }, rec.handler);
    const perKey = firstDeliveryOrder(trace, (o) => trace.records[o]!.partitionKey);
    expect(perKey.size).toBe(keys.length);
    for (const ordinals of perKey.values()) expect(ordinals).toEqual(sorted(ordinals));
    // every record was delivered; the shard checkpoint ends at the last record, never going back (I4)
    expect(sorted([...perKey.values()].flat())).toEqual(Array.from({ length: 36 }, (_, i) => i));
    const cps = checkpoints(trace);
    expect(cps).toEqual(sorted(cps));
    expect(cps.at(-1)).toBe(35);
  });

  it('R49: at most one batch per lane is in flight, and concurrency never exceeds shards × PF', async () => {
    const shardKeys = await keyPerShard(2);
    // many keys per shard so that every lane of every shard has work
    const keys = Array.from({ length: 40 }, (_, i) => `key${i}`);
    const operations = Array.from({ length: 120 }, (_, v) => put(0, keys[v % keys.length]!, v));
    const probe = concurrencyProbe();
    const trace = await run(
      { table: TABLE, operations, stream: { shardCount: 2 }, mapping: { parallelizationFactor: 3, batchSize: 5 }, timing: { invocationMs: 1000 } },
      probe.handler,
    );
    expect(shardKeys).toHaveLength(2);
    const inv = invocations(trace);
    const first = inv.filter((i) => i.t === 0).map((i) => `${i.shard}/${i.lane}`);
    expect(sorted(first.map((x) => Number(x.replace('/', ''))))).toEqual([0, 1, 2, 10, 11, 12]);
    expect(probe.max()).toBe(6);
    // per lane, each invocation starts when the previous one has completed
    for (const lane of new Set(inv.map((i) => `${i.shard}/${i.lane}`))) {
      const mine = inv.filter((i) => `${i.shard}/${i.lane}` === lane);
      for (let k = 1; k < mine.length; k++) expect(mine[k]!.t).toBeGreaterThanOrEqual(mine[k - 1]!.resultT!);
    }
  });

  it('interleaving choices change which concurrent invocation starts first, never per-shard order', async () => {
    const [k0, k1] = (await keyPerShard(2)) as [string, string];
    const operations = Array.from({ length: 12 }, (_, v) => put(Math.floor(v / 4) * 300, v % 2 === 0 ? k0 : k1, v));
    const firstShardCalled: number[] = [];
    for (const interleaving of [[], [1], [1, 1, 0, 1, 1, 0, 1], [0, 1, 0, 1, 0, 1, 1, 1]]) {
      const rec = recorder((call) => {
        if (call.vs.includes(5) && call.seen(5) === 1) throw new Error('once');
      });
      const trace = await run({ table: TABLE, operations, stream: { shardCount: 2 }, mapping: { batchSize: 2 }, interleaving }, rec.handler);
      firstShardCalled.push(trace.records[rec.calls[0]!.vs[0]!]!.shard);
      const inv = invocations(trace);
      expect(inv[0]!.shard).toBe(firstShardCalled.at(-1));
      const perShard = firstDeliveryOrder(trace, (o) => String(trace.records[o]!.shard));
      for (const ordinals of perShard.values()) expect(ordinals).toEqual(sorted(ordinals));
      for (const shard of [0, 1]) {
        const cps = checkpoints(trace, shard);
        expect(cps).toEqual(sorted(cps));
      }
      expect([checkpoints(trace, 0).at(-1), checkpoints(trace, 1).at(-1)]).toEqual([10, 11]);
    }
    // no choice: shard 0 first; choice [1]: shard 1 first
    expect(firstShardCalled.slice(0, 2)).toEqual([0, 1]);
  });
});
