import { describe, expect, it } from 'vitest';
import { checkAtLeastOnce } from '../../src/check/index.js';
import { at, byName, corpus, indexOf, mutate, witnesses } from './support.js';

describe('checkAtLeastOnce (I1: R42, R57)', () => {
  it('I1: is silent on every correct trace of the corpus, and on runs that did not drain', async () => {
    for (const run of await corpus()) expect(checkAtLeastOnce(run.trace, run.model), run.name).toEqual([]);
  });

  it('I1: fires when a drained run never acknowledged some records, naming them and the end', async () => {
    const run = await byName('R43');
    let end = -1;
    const trace = mutate(run.trace, (events) => {
      const invoke = at(events, indexOf(events, 'invoke', (e) => e.records.join() === '7,8,10,11'), 'invoke');
      const r = indexOf(events, 'result', (e) => e.id === invoke.id);
      events[r] = { ...at(events, r, 'result'), outcome: 'FUNCTION_ERROR' };
      end = indexOf(events, 'end');
    });
    const anomalies = checkAtLeastOnce(trace, run.model);
    expect(witnesses(anomalies)).toEqual([['I1', [7, 8, 10, 11], [end]]]);
    expect(anomalies[0]).toMatchObject({ invariant: 'at-least-once', kind: 'correctness', shard: 1 });
  });

  it('I1: a trimmed record is accounted for; one lost without a trim event is not', async () => {
    const run = await byName('R6 poison batch trimmed');
    let end = -1;
    const trace = mutate(run.trace, (events) => {
      events.splice(indexOf(events, 'trim'), 1);
      end = indexOf(events, 'end');
    });
    expect(witnesses(checkAtLeastOnce(trace, run.model))).toEqual([['I1', [0, 1], [end]]]);
  });

  it('I1: a record skipped by a LATEST start is accounted for', async () => {
    const run = await byName('R22');
    const ready = indexOf(run.trace.events, 'shard-ready');
    expect(at(run.trace.events, ready, 'shard-ready').startIndex).toBeGreaterThan(0);
    const trace = mutate(run.trace, (events) => (events[ready] = { ...at(events, ready, 'shard-ready'), startIndex: 0 }));
    expect(checkAtLeastOnce(trace, run.model).map((a) => a.records[0])).toEqual([0]);
  });
});
