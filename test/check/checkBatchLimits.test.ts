import { describe, expect, it } from 'vitest';
import { checkBatchLimits } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkBatchLimits (R19, R21)', () => {
  it('R19, R21: is silent on every correct trace of the corpus', async () => {
    for (const run of await corpus()) expect(checkBatchLimits(run.trace, run.model), run.name).toEqual([]);
  });

  // BatchSize 4; shard 1's last invocation holds records 7, 8, 10, 11; record 9 is on shard 0.
  const lastBatch = (records: number[]) => async () => {
    const run = await byName('R43');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records.join() === '7,8,10,11');
      events[i] = { ...at(events, i, 'invoke'), records };
    });
    return { anomalies: checkBatchLimits(trace, run.model), i };
  };

  it('R19: fires on an invocation holding more than BatchSize records, naming BatchSize + 1 of them', async () => {
    const { anomalies, i } = await lastBatch([5, 7, 8, 10, 11])();
    expect(witnesses(anomalies)).toEqual([['R19', [5, 7, 8, 10, 11], [i]]]);
    expect(anomalies[0]!.summary).toContain('more than BatchSize 4');
  });

  it('R21: fires on an invocation that holds a record of another shard', async () => {
    const { anomalies, i } = await lastBatch([7, 8, 9, 10])();
    expect(witnesses(anomalies)).toEqual([['R21', [9], [i]]]);
    expect(anomalies[0]!.summary).toContain('of shard 0');
  });

  it('R21: fires on an invocation whose records are out of shard order, naming the pair', async () => {
    const { anomalies, i } = await lastBatch([7, 10, 8, 11])();
    expect(witnesses(anomalies)).toEqual([['R21', [10, 8], [i]]]);
  });

  it('R21: fires on an invocation over 6 MB (records payloadBytes + 14 bytes of event)', async () => {
    const run = await byName('R21 batches cut at 6 MB');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke');
      const first = at(events, i, 'invoke');
      events[i] = { ...first, records: [...first.records, first.records.length] };
    });
    const anomalies = checkBatchLimits(trace, run.model);
    expect(anomalies.map((a) => [a.rule, a.events])).toEqual([['R21', [i]]]);
    expect(anomalies[0]!.summary).toContain('more than 6 MB');
    // one record alone is never cut (ambiguity 22): a single huge record is no anomaly
    const single = mutate(run.trace, (events) => (events[i] = { ...at(events, i, 'invoke'), records: [0] }));
    expect(checkBatchLimits(single, run.model)).toEqual([]);
  });
});
