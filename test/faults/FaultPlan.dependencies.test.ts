import { describe, expect, it } from 'vitest';
import { FaultPlan, type DependencyCallFacts } from '../../src/faults/FaultPlan.js';
import type { DependencyFault } from '../../src/faults/faultSchedule.js';

const facts = (overrides: Partial<DependencyCallFacts> = {}): DependencyCallFacts => ({ call: 0, dispatch: 0, nth: 1, path: 'store.put', t: 0, ...overrides });
const plan = (...dependencies: DependencyFault[]) => new FaultPlan({ invocations: [], timed: [], dependencies });
const kindFor = (p: FaultPlan, f: Partial<DependencyCallFacts> = {}) => p.forDependencyCall(facts(f))?.kind;

describe('FaultPlan.forDependencyCall', () => {
  it('no faults: nothing fires', () => {
    expect(kindFor(plan())).toBeUndefined();
  });

  it('an empty match fires on every call', () => {
    const p = plan({ kind: 'defer', match: {} });
    expect([0, 1, 2].map((call) => kindFor(p, { call, dispatch: call, nth: call + 1, path: `x${call}.y` }))).toEqual(['defer', 'defer', 'defer']);
  });

  it('returns the fault object itself', () => {
    const fault: DependencyFault = { kind: 'applyThenReject', match: {}, error: 'internal' };
    expect(plan(fault).forDependencyCall(facts())).toBe(fault);
  });

  it('does not look at invocation faults', () => {
    const p = new FaultPlan({ invocations: [{ kind: 'crash', match: {}, afterCalls: 0 }], timed: [], dependencies: [] });
    expect(p.forDependencyCall(facts())).toBeUndefined();
  });

  describe('each match field', () => {
    const cases: [string, DependencyFault['match'], Partial<DependencyCallFacts>, Partial<DependencyCallFacts>][] = [
      ['call', { call: 3 }, { call: 3 }, { call: 4 }],
      ['dispatch', { dispatch: 2 }, { dispatch: 2 }, { dispatch: 0 }],
      ['nth', { nth: 2 }, { nth: 2 }, { nth: 1 }],
      ['path (exact)', { path: 'store.put' }, { path: 'store.put' }, { path: 'store.get' }],
      ['from (inclusive)', { from: 500 }, { t: 500 }, { t: 499 }],
      ['to (exclusive)', { to: 500 }, { t: 499 }, { t: 500 }],
    ];
    for (const [name, match, hit, miss] of cases) {
      it(name, () => {
        expect(kindFor(plan({ kind: 'reject', match }), hit)).toBe('reject');
        expect(kindFor(plan({ kind: 'reject', match }), miss)).toBeUndefined();
      });
    }
  });

  describe('path prefixes match whole segments', () => {
    const cases: [string, string, boolean][] = [
      ['store', 'store.put', true],
      ['store', 'store', true],
      ['store', 'store.nested.put', true],
      ['store', 'storeX.put', false],
      ['store', 'stor', false],
      ['store', 'mystore.put', false],
      ['store.put', 'store.putMany', false],
      ['store.put', 'store.put', true],
      ['db.orders', 'db.orders.put', true],
      ['db', 'db.orders.put', true],
      ['db.order', 'db.orders.put', false],
      ['ddb.send', 'ddb.send(PutCommand)', true],
      ['ddb', 'ddb.send(PutCommand)', true],
      ['ddb.send(PutCommand)', 'ddb.send(PutCommand)', true],
      ['ddb.send(Put', 'ddb.send(PutCommand)', false],
      ['ddb.send(PutCommand)', 'ddb.send(GetCommand)', false],
      ['ddb.sen', 'ddb.send(PutCommand)', false],
      ['deps.ddb', 'deps.ddb.send(PutCommand)', true],
      ['ddb', 'deps.ddb.send(PutCommand)', false],
    ];
    it.each(cases)('%s vs %s → %s', (pattern, path, expected) => {
      expect(kindFor(plan({ kind: 'reject', match: { path: pattern } }), { path })).toBe(expected ? 'reject' : undefined);
    });
  });

  it('match fields are AND-ed', () => {
    const p = () => plan({ kind: 'applyThenReject', match: { call: 5, dispatch: 2, nth: 3, path: 'store' } });
    const all = { call: 5, dispatch: 2, nth: 3, path: 'store.put' };
    expect(kindFor(p(), all)).toBe('applyThenReject');
    expect(kindFor(p(), { ...all, call: 4 })).toBeUndefined();
    expect(kindFor(p(), { ...all, dispatch: 1 })).toBeUndefined();
    expect(kindFor(p(), { ...all, nth: 2 })).toBeUndefined();
    expect(kindFor(p(), { ...all, path: 'cache.get' })).toBeUndefined();
  });

  it('`times` limits how often a fault fires; without it, it fires forever', () => {
    const p = plan({ kind: 'reject', match: { path: 'store' }, times: 2 });
    expect([1, 2, 3, 4].map(() => kindFor(p))).toEqual(['reject', 'reject', undefined, undefined]);
    const forever = plan({ kind: 'defer', match: {} });
    expect(Array.from({ length: 50 }, () => kindFor(forever)).every((k) => k === 'defer')).toBe(true);
  });

  it('only matching calls use up `times`', () => {
    const p = plan({ kind: 'reject', match: { path: 'store.get' }, times: 1 });
    expect(kindFor(p, { path: 'store.put' })).toBeUndefined();
    expect(kindFor(p, { path: 'store.put' })).toBeUndefined();
    expect(kindFor(p, { path: 'store.get' })).toBe('reject');
    expect(kindFor(p, { path: 'store.get' })).toBeUndefined();
  });

  it('the first matching fault wins, and only it is counted', () => {
    const p = plan(
      { kind: 'reject', match: { path: 'store.put' }, times: 1 },
      { kind: 'applyThenReject', match: {}, times: 2 },
      { kind: 'defer', match: {} },
    );
    expect(kindFor(p, { path: 'store.put' })).toBe('reject'); // applyThenReject not used up by this one
    expect(kindFor(p, { path: 'store.put' })).toBe('applyThenReject');
    expect(kindFor(p, { path: 'store.get' })).toBe('applyThenReject');
    expect(kindFor(p, { path: 'store.put' })).toBe('defer');
    expect(kindFor(p, { path: 'store.get' })).toBe('defer');
  });

  it('a later fault matches when an earlier one does not', () => {
    const p = plan({ kind: 'reject', match: { dispatch: 5 } }, { kind: 'defer', match: { path: 'cache' } });
    expect(kindFor(p, { path: 'cache.get' })).toBe('defer');
    expect(kindFor(p, { dispatch: 5 })).toBe('reject');
    expect(kindFor(p, { path: 'store.put' })).toBeUndefined();
  });

  it('dependency and invocation faults are counted separately', () => {
    const p = new FaultPlan({
      invocations: [{ kind: 'throttle', match: {}, times: 1 }],
      timed: [],
      dependencies: [{ kind: 'reject', match: {}, times: 1 }],
    });
    expect(kindFor(p)).toBe('reject');
    expect(p.forDispatch({ dispatch: 0, shard: 0, lane: 0, attempt: 1, records: [0], t: 0 })?.kind).toBe('throttle');
    expect(kindFor(p)).toBeUndefined();
  });

  it('two plans over one schedule count separately (a fresh plan per run)', () => {
    const schedule = { invocations: [], timed: [], dependencies: [{ kind: 'reject' as const, match: {}, times: 1 }] };
    const a = new FaultPlan(schedule);
    expect(kindFor(a)).toBe('reject');
    expect(kindFor(a)).toBeUndefined();
    expect(kindFor(new FaultPlan(schedule))).toBe('reject');
  });
});
