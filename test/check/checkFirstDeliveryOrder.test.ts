import { describe, expect, it } from 'vitest';
import { checkFirstDeliveryOrder } from '../../src/check/index.js';
import type { TraceEvent } from '../../src/trace/traceEvent.js';
import { at, byName, corpus, indexOf, mutate, puts, simulated, TABLE, witnesses } from './support.js';

type Invoke = Extract<TraceEvent, { type: 'invoke' }>;

/** Swaps the records of invocations i and j. */
const swap = (events: TraceEvent[], i: number, j: number) => {
  const a = at(events, i, 'invoke');
  const b = at(events, j, 'invoke');
  events[i] = { ...a, records: b.records };
  events[j] = { ...b, records: a.records };
};

describe('checkFirstDeliveryOrder (R26, R46, I2)', () => {
  it('R46: is silent on every correct trace of the corpus, redeliveries included (R47)', async () => {
    for (const run of await corpus()) expect(checkFirstDeliveryOrder(run.trace, run.model), run.name).toEqual([]);
  });

  it('R46, I2: with PF 1, fires when two first deliveries of a shard are swapped', async () => {
    // shard 0 of this run gets [0], [3], [6], [9], one record per invocation, each acknowledged
    const run = await byName('R43');
    let i = -1;
    let j = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records.join() === '3');
      j = indexOf(events, 'invoke', (e) => e.records.join() === '6');
      swap(events, i, j);
    });
    expect(witnesses(checkFirstDeliveryOrder(trace, run.model))).toEqual([
      // record 6 goes first while record 3 is not settled…
      ['R46', [3, 6], [i]],
      // …and record 3 comes after record 6
      ['R46', [3, 6], [i, j]],
    ]);
  });

  it('R46: with PF 1, fires when a record is first delivered before an earlier one was acknowledged', async () => {
    // Turn the success of [3] into a failure: [6] is then first delivered while 3 is unsettled.
    const run = await byName('R43');
    let j = -1;
    let k = -1;
    const trace = mutate(run.trace, (events) => {
      const invoke = at(events, indexOf(events, 'invoke', (e) => e.records.join() === '3'), 'invoke');
      const r = indexOf(events, 'result', (e) => e.id === invoke.id);
      events[r] = { ...at(events, r, 'result'), outcome: 'FUNCTION_ERROR' };
      j = indexOf(events, 'invoke', (e) => e.records.join() === '6');
      k = indexOf(events, 'invoke', (e) => e.records.join() === '9');
    });
    expect(witnesses(checkFirstDeliveryOrder(trace, run.model))).toEqual([
      ['R46', [3, 6], [j]],
      ['R46', [3, 9], [k]],
    ]);
  });

  it('R46: with PF > 1, fires when two first deliveries of one lane are swapped, but not across lanes', async () => {
    const run = await simulated('PF 2', { table: TABLE, operations: puts(8, (i) => i * 300, (i) => ['a', 'b', 'c', 'd'][i % 4]!), mapping: { parallelizationFactor: 2 } }, async () => undefined);
    expect(checkFirstDeliveryOrder(run.trace, run.model)).toEqual([]);
    const invokes = run.trace.events.flatMap((e, i) => (e.type === 'invoke' ? [[e, i] as [Invoke, number]] : []));
    const [first, second] = invokes.filter(([e]) => e.lane === invokes[0]![0].lane);
    const trace = mutate(run.trace, (events) => swap(events, first![1], second![1]));
    const [a] = first![0].records;
    const [b] = second![0].records;
    expect(witnesses(checkFirstDeliveryOrder(trace, run.model))).toEqual([
      ['R46', [a!, b!], [first![1]]],
      ['R46', [a!, b!], [first![1], second![1]]],
    ]);
    // records of different lanes have no order between them (R26)
    const other = invokes.find(([e]) => e.lane !== first![0].lane)!;
    const across = mutate(run.trace, (events) => {
      const x = at(events, first![1], 'invoke');
      const y = at(events, other[1], 'invoke');
      events[first![1]] = { ...x, lane: y.lane, records: y.records };
      events[other[1]] = { ...y, lane: x.lane, records: x.records };
    });
    expect(checkFirstDeliveryOrder(across, run.model)).toEqual([]);
  });

  it('R26: with PF > 1, fires on an invocation holding a record of another lane', async () => {
    const run = await byName('R28 disable and enable at one instant, PF 2');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke');
      const e = at(events, i, 'invoke');
      events[i] = { ...e, lane: 1 - e.lane };
    });
    const [anomaly] = checkFirstDeliveryOrder(trace, run.model);
    expect(anomaly).toMatchObject({ invariant: 'first-delivery-order', kind: 'correctness', rule: 'R26', events: [i], records: [at(trace.events, i, 'invoke').records[0]] });
  });
});
