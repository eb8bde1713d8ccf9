import { describe, expect, it } from 'vitest';
import { checkAgeBound } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkAgeBound (R25, R33, I6)', () => {
  it('R25, R33: is silent on every correct trace of the corpus (expiry after errors and after throttles)', async () => {
    for (const run of await corpus()) expect(checkAgeBound(run.trace, run.model), run.name).toEqual([]);
  });

  // MaximumRecordAgeInSeconds 60; records written every 10 s; injected errors until t = 90 s.
  it('I6: fires on an invocation holding a record older than the limit, naming the oldest', async () => {
    const run = await byName('R25');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records.includes(1));
      const invoke = at(events, i, 'invoke');
      events[i] = { ...invoke, t: 80_500 };
    });
    const anomalies = checkAgeBound(trace, run.model);
    const first = at(trace.events, i, 'invoke').records[0]!;
    expect(witnesses(anomalies)).toEqual([['R25', [first], [i]]]);
    expect(anomalies[0]!.summary).toContain(`at age ${run.model.ageAt(run.model.records[first]!, 80_500)} ms`);
  });

  it('R25: age counts from the whole-second ApproximateCreationDateTime: exactly the limit is not too old', async () => {
    const run = await byName('R25');
    const record = run.model.records[1]!;
    const born = -run.model.ageAt(record, 0);
    let i = -1;
    const at60 = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records[0] === 1);
      events[i] = { ...at(events, i, 'invoke'), t: born + 60_000 };
    });
    expect(checkAgeBound(at60, run.model)).toEqual([]);
    const later = mutate(at60, (events) => (events[i] = { ...at(events, i, 'invoke'), t: born + 60_001 }));
    expect(witnesses(checkAgeBound(later, run.model))).toEqual([['R25', [1], [i]]]);
  });

  it('R25: fires on a RecordAgeExceeded discard of a record within the limit', async () => {
    const run = await byName('R25');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'discard');
      events[i] = { ...at(events, i, 'discard'), t: 30_000 };
    });
    const anomalies = checkAgeBound(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['R25', [at(trace.events, i, 'discard').records[0]!], [i]]]);
    expect(anomalies[0]!.summary).toContain('within MaximumRecordAgeInSeconds 60');
  });

  it('R25: fires on any RecordAgeExceeded discard when MaximumRecordAgeInSeconds is -1', async () => {
    const run = await byName('R6 poison batch trimmed');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'trim');
      const trim = at(events, i, 'trim');
      events[i] = { type: 'discard', t: trim.t, shard: trim.shard, lane: 0, records: trim.records, condition: 'RecordAgeExceeded', payload: null };
    });
    expect(witnesses(checkAgeBound(trace, run.model))).toEqual([['R25', [0], [i]]]);
  });

  it('R48: a spontaneous duplicate of an old batch is not held to the limit', async () => {
    const run = await byName('R25');
    let i = -1;
    const trace = mutate(run.trace, (events) => {
      i = indexOf(events, 'invoke', (e) => e.records.includes(1));
      events[i] = { ...at(events, i, 'invoke'), t: 200_000, duplicate: true };
    });
    expect(checkAgeBound(trace, run.model)).toEqual([]);
  });
});
