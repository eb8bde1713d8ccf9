import { describe, expect, it } from 'vitest';
import { checkCheckpointMonotonic } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkCheckpointMonotonic (R38, R42, I4)', () => {
  it('R38, R42: is silent on every correct trace of the corpus', async () => {
    for (const run of await corpus()) expect(checkCheckpointMonotonic(run.trace, run.model), run.name).toEqual([]);
  });

  it('I4: fires when a checkpoint moves back, naming both checkpoints', async () => {
    // shard 1's checkpoints: 2, 4, 5 (discarded), 11
    const run = await byName('R43');
    let before = -1;
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      before = indexOf(events, 'checkpoint', (e) => e.record === 5);
      i = indexOf(events, 'checkpoint', (e) => e.record === 11);
      events[i] = { ...at(events, i, 'checkpoint'), record: 4, seq: run.trace.records[4]!.seq };
    });
    const anomalies = checkCheckpointMonotonic(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R38', [5, 4], [before, i]]]);
    expect(anomalies[0]).toMatchObject({ invariant: 'checkpoint-monotonic', kind: 'correctness', shard: 1 });
  });

  it('R38: fires when a checkpoint names a record by another sequence number or of another shard', async () => {
    const run = await byName('R43');
    let i = -1;
    const misnamed = mutate(run.trace, (events) => {
      i = indexOf(events, 'checkpoint', (e) => e.record === 11);
      events[i] = { ...at(events, i, 'checkpoint'), seq: run.trace.records[10]!.seq };
    });
    expect(witnesses(checkCheckpointMonotonic(misnamed, run.model))).toEqual([['R38', [11], [i]]]);
    const foreign = mutate(run.trace, (events) => (events[i] = { ...at(events, i, 'checkpoint'), record: 9, seq: run.trace.records[9]!.seq }));
    expect(witnesses(checkCheckpointMonotonic(foreign, run.model))).toEqual([['R38', [9], [i]]]);
  });
});
