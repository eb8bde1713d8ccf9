import { describe, expect, it } from 'vitest';
import { FaultPlan, type DispatchFacts } from '../../src/faults/FaultPlan.js';
import type { InvocationFault } from '../../src/faults/faultSchedule.js';

const facts = (overrides: Partial<DispatchFacts> = {}): DispatchFacts => ({ dispatch: 0, shard: 0, lane: 0, attempt: 1, records: [0, 1], t: 0, ...overrides });
const plan = (...invocations: InvocationFault[]) => new FaultPlan({ invocations, timed: [], dependencies: [] });
const kindFor = (p: FaultPlan, f: Partial<DispatchFacts> = {}) => p.forDispatch(facts(f))?.kind;

describe('FaultPlan', () => {
  it('no faults: nothing fires', () => {
    expect(kindFor(plan())).toBeUndefined();
  });

  it('an empty match fires on every dispatch', () => {
    const p = plan({ kind: 'throttle', match: {} });
    expect([0, 1, 2].map((dispatch) => kindFor(p, { dispatch, shard: dispatch, attempt: dispatch + 1 }))).toEqual(['throttle', 'throttle', 'throttle']);
  });

  it('returns the fault object itself', () => {
    const fault: InvocationFault = { kind: 'crash', match: {}, afterCalls: 2 };
    expect(plan(fault).forDispatch(facts())).toBe(fault);
  });

  describe('each match field', () => {
    const cases: [string, InvocationFault['match'], Partial<DispatchFacts>, Partial<DispatchFacts>][] = [
      ['dispatch', { dispatch: 3 }, { dispatch: 3 }, { dispatch: 4 }],
      ['shard', { shard: 2 }, { shard: 2 }, { shard: 0 }],
      ['lane', { lane: 1 }, { lane: 1 }, { lane: 0 }],
      ['attempt', { attempt: 2 }, { attempt: 2 }, { attempt: 1 }],
      ['record (contained in the batch)', { record: 7 }, { records: [5, 7, 9] }, { records: [5, 6] }],
      ['from (inclusive)', { from: 100 }, { t: 100 }, { t: 99 }],
      ['to (exclusive)', { to: 100 }, { t: 99 }, { t: 100 }],
    ];
    for (const [name, match, hit, miss] of cases) {
      it(name, () => {
        expect(kindFor(plan({ kind: 'error', match }), hit)).toBe('error');
        expect(kindFor(plan({ kind: 'error', match }), miss)).toBeUndefined();
      });
    }
  });

  it('match fields are AND-ed', () => {
    const p = () => plan({ kind: 'timeout', match: { shard: 1, attempt: 2, from: 10, to: 20, record: 4 } });
    const all = { shard: 1, attempt: 2, t: 15, records: [4] };
    expect(kindFor(p(), all)).toBe('timeout');
    expect(kindFor(p(), { ...all, shard: 0 })).toBeUndefined();
    expect(kindFor(p(), { ...all, attempt: 1 })).toBeUndefined();
    expect(kindFor(p(), { ...all, t: 20 })).toBeUndefined();
    expect(kindFor(p(), { ...all, t: 9 })).toBeUndefined();
    expect(kindFor(p(), { ...all, records: [3, 5] })).toBeUndefined();
  });

  it('`times` limits how often a fault fires; without it, it fires forever', () => {
    const p = plan({ kind: 'throttle', match: { shard: 0 }, times: 2 });
    expect([1, 2, 3, 4].map(() => kindFor(p))).toEqual(['throttle', 'throttle', undefined, undefined]);
    const forever = plan({ kind: 'throttle', match: {} });
    expect(Array.from({ length: 50 }, () => kindFor(forever)).every((k) => k === 'throttle')).toBe(true);
  });

  it('only matching dispatches use up `times`', () => {
    const p = plan({ kind: 'throttle', match: { shard: 1 }, times: 1 });
    expect(kindFor(p, { shard: 0 })).toBeUndefined();
    expect(kindFor(p, { shard: 0 })).toBeUndefined();
    expect(kindFor(p, { shard: 1 })).toBe('throttle');
    expect(kindFor(p, { shard: 1 })).toBeUndefined();
  });

  it('the first matching fault wins, and only it is counted', () => {
    const p = plan({ kind: 'timeout', match: { shard: 0 }, times: 1 }, { kind: 'error', match: {}, times: 2 }, { kind: 'throttle', match: {} });
    expect(kindFor(p, { shard: 0 })).toBe('timeout'); // error not used up by this one
    expect(kindFor(p, { shard: 0 })).toBe('error');
    expect(kindFor(p, { shard: 1 })).toBe('error');
    expect(kindFor(p, { shard: 0 })).toBe('throttle');
    expect(kindFor(p, { shard: 1 })).toBe('throttle');
  });

  it('a later fault matches when an earlier one does not', () => {
    const p = plan({ kind: 'timeout', match: { shard: 5 } }, { kind: 'crash', match: { shard: 1 } });
    expect(kindFor(p, { shard: 1 })).toBe('crash');
    expect(kindFor(p, { shard: 5 })).toBe('timeout');
    expect(kindFor(p, { shard: 2 })).toBeUndefined();
  });

  it('two plans over one schedule count separately (a fresh plan per run)', () => {
    const schedule = { invocations: [{ kind: 'throttle' as const, match: {}, times: 1 }], timed: [], dependencies: [] };
    const a = new FaultPlan(schedule);
    expect(kindFor(a)).toBe('throttle');
    expect(kindFor(a)).toBeUndefined();
    expect(kindFor(new FaultPlan(schedule))).toBe('throttle');
  });
});
