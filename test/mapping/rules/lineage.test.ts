import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/trace/trace.js';
import { checkpoints, discards, eventsOf, invocations, recorder, run, TABLE } from './helpers.js';

const put = (at: number, pk: string, v: number) => ({ type: 'put' as const, at, item: { pk, v } });

/** Event index of the last invoke of `parent` is before the first invoke of each child (I3). */
function expectParentBeforeChildren(trace: Trace, parent: number, children: number[]): void {
  const invokes = trace.events.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'invoke') as [Extract<Trace['events'][number], { type: 'invoke' }>, number][];
  const lastParent = Math.max(...invokes.filter(([e]) => e.shard === parent).map(([, i]) => i));
  const ready = eventsOf(trace, 'shard-ready');
  for (const child of children) {
    const firstChild = Math.min(...invokes.filter(([e]) => e.shard === child).map(([, i]) => i));
    expect(firstChild).toBeGreaterThan(lastParent);
    const readyIndex = trace.events.indexOf(ready.find((r) => r.shard === child)!);
    expect(readyIndex).toBeGreaterThan(lastParent);
  }
}

describe('shard lineage (R7)', () => {
  // Shard 0 splits at t=1000 into shards 1 and 2; record 1 (on the parent) fails three times.
  const operations = [put(0, 'a', 0), put(500, 'a', 1), ...['a', 'b', 'c', 'd', 'e', 'f'].map((pk, i) => put(2000, pk, i + 2))];

  it('R7: no record of a child shard is delivered until every record of its parent is checkpointed', async () => {
    const rec = recorder((call) => {
      if (call.vs.includes(1) && call.seen(1) <= 3) throw new Error('parent record fails 3 times');
    });
    const trace = await run({ table: TABLE, operations, stream: { topology: [{ kind: 'split', at: 1000, shard: 0 }] } }, rec.handler);
    expect(trace.shards.map((s) => [s.ordinal, s.parents, s.createdAt, s.closedAt])).toEqual([
      [0, [], 0, 1000],
      [1, [0], 1000, null],
      [2, [0], 1000, null],
    ]);
    expect(trace.records.map((r) => r.shard)).toEqual([0, 0, 1, 2, 1, 2, 1, 2]);
    // the parent's last record succeeds at t=4000 (attempts at 500, 1000, 2000, 4000)
    expect(invocations(trace).filter((i) => i.shard === 0).map((i) => [i.t, i.records, i.outcome])).toEqual([
      [0, [0], 'OK_SUCCESS'],
      [500, [1], 'FUNCTION_ERROR'],
      [1000, [1], 'FUNCTION_ERROR'],
      [2000, [1], 'FUNCTION_ERROR'],
      [4000, [1], 'OK_SUCCESS'],
    ]);
    expect(eventsOf(trace, 'shard-ready').map((r) => [r.shard, r.t, r.from])).toEqual([
      [0, 0, 'TRIM_HORIZON'],
      [1, 4000, 'TRIM_HORIZON'],
      [2, 4000, 'TRIM_HORIZON'],
    ]);
    expect(invocations(trace).filter((i) => i.shard !== 0).map((i) => [i.t, i.shard, i.records])).toEqual([
      [4000, 1, [2, 4, 6]],
      [4000, 2, [3, 5, 7]],
    ]);
    expectParentBeforeChildren(trace, 0, [1, 2]);
    // the parent's final checkpoint precedes the children becoming ready
    const events = trace.events;
    const parentDone = events.findIndex((e) => e.type === 'checkpoint' && e.shard === 0 && e.record === 1);
    const childReady = events.findIndex((e) => e.type === 'shard-ready' && e.shard !== 0);
    expect(parentDone).toBeGreaterThanOrEqual(0);
    expect(parentDone).toBeLessThan(childReady);
    // records of item 'a' keep their order across the split
    expect(rec.calls.flatMap((c) => c.records.filter((r) => r.dynamodb?.Keys?.['pk']?.S === 'a').map((r) => Number(r.dynamodb!.NewImage!['v']!.N)))).toEqual([0, 1, 1, 1, 1, 2]);
  });

  it('R7: a parent record discarded by error handling also releases the children (after the parent closes)', async () => {
    const rec = recorder((call) => {
      if (call.vs.includes(1)) throw new Error('poison');
    });
    const trace = await run(
      { table: TABLE, operations, stream: { topology: [{ kind: 'split', at: 1000, shard: 0 }] }, mapping: { maximumRetryAttempts: 0 } },
      rec.handler,
    );
    expect(discards(trace).map((d) => [d.t, d.shard, d.records])).toEqual([[500, 0, [1]]]);
    // drained at 500, but the parent only closes at 1000
    expect(eventsOf(trace, 'shard-ready').map((r) => [r.shard, r.t])).toEqual([
      [0, 0],
      [1, 1000],
      [2, 1000],
    ]);
    expect(invocations(trace).filter((i) => i.shard !== 0).map((i) => [i.t, i.shard, i.records])).toEqual([
      [2000, 1, [2, 4, 6]],
      [2000, 2, [3, 5, 7]],
    ]);
    expectParentBeforeChildren(trace, 0, [1, 2]);
  });

  it('R7: a rollover chain (0 → 1 → 2) becomes ready strictly in lineage order', async () => {
    const rec = recorder((call) => {
      if (call.vs.includes(0) && call.seen(0) <= 4) throw new Error('slow parent');
    });
    const trace = await run(
      {
        table: TABLE,
        operations: [put(0, 'a', 0), put(1500, 'a', 1), put(2500, 'a', 2)],
        stream: {
          topology: [
            { kind: 'rollover', at: 1000, shard: 0 },
            { kind: 'rollover', at: 2000, shard: 1 },
          ],
        },
      },
      rec.handler,
    );
    expect(trace.shards.map((s) => [s.ordinal, s.parents])).toEqual([
      [0, []],
      [1, [0]],
      [2, [1]],
    ]);
    expect(trace.records.map((r) => r.shard)).toEqual([0, 1, 2]);
    // record 0 succeeds on its 5th attempt at t=7500 (0, 500, 1500, 3500, 7500)
    expect(eventsOf(trace, 'shard-ready').map((r) => [r.shard, r.t])).toEqual([
      [0, 0],
      [1, 7500],
      [2, 7500],
    ]);
    expect(invocations(trace).map((i) => [i.t, i.shard, i.records, i.outcome]).slice(-2)).toEqual([
      [7500, 1, [1], 'OK_SUCCESS'],
      [7500, 2, [2], 'OK_SUCCESS'],
    ]);
    expect(checkpoints(trace)).toEqual([0, 1, 2]);
    expectParentBeforeChildren(trace, 0, [1]);
    expectParentBeforeChildren(trace, 1, [2]);
    expect(rec.calls.map((c) => c.vs)).toEqual([[0], [0], [0], [0], [0], [1], [2]]);
  });
});
