import { describe, expect, it } from 'vitest';
import { checkParentBeforeChild } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkParentBeforeChild (R7, R16, I3)', () => {
  it('R7: is silent on every correct trace of the corpus (splits, rollover chains)', async () => {
    for (const run of await corpus()) expect(checkParentBeforeChild(run.trace, run.model), run.name).toEqual([]);
  });

  it('R7: fires when a child record is delivered before its parent is checkpointed to its end', async () => {
    // Shard 0 splits into 1 and 2; the parent's record 1 fails three times before it is checkpointed.
    const run = await byName('R7 split');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      const child = at(events, indexOf(events, 'invoke', (e) => e.shard === 1), 'invoke');
      i = indexOf(events, 'checkpoint', (e) => e.shard === 0) + 1;
      events.splice(i, 0, { ...child, id: 99, t: events[i - 1]!.t });
    });
    const anomalies = checkParentBeforeChild(trace, run.model);
    const childFirst = trace.records.find((r) => r.shard === 1)!.ordinal;
    expect(witnesses(anomalies)).toEqual([['R7', [childFirst, 1], [i]]]);
    expect(anomalies[0]).toMatchObject({ shard: 1, kind: 'correctness' });
  });

  it('R7, I3: in a rollover chain a grandchild waits for its own parent; repeated early deliveries are reported once', async () => {
    const run = await byName('R7 rollover chain');
    const [first, second] = run.trace.shards.filter((s) => s.parents.length > 0);
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      const late = at(events, indexOf(events, 'invoke', (e) => e.shard === second!.ordinal), 'invoke');
      i = indexOf(events, 'shard-ready', (e) => e.shard === first!.ordinal) + 1;
      events.splice(i, 0, { ...late, id: 98 }, { ...late, id: 99 });
    });
    const anomalies = checkParentBeforeChild(trace, run.model);
    expect(anomalies.map((a) => [a.shard, a.events])).toEqual([[second!.ordinal, [i]]]);
  });
});
