import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faultSchedule, type FaultScheduleOptions } from '../../src/arbitraries/index.js';
import { resolveFaultSchedule, type FaultSchedule } from '../../src/faults/index.js';
import { errorMessage } from '../support/errorMessage.js';

const sample = (options: FaultScheduleOptions, numRuns = 300, seed = 1): FaultSchedule[] => fc.sample(faultSchedule(options), { seed, numRuns });
const kindsOf = (s: FaultSchedule): string[] => [...s.invocations, ...s.timed, ...s.dependencies].map((f) => f.kind);
const ERROR_LIKE = ['error', 'crash', 'timeout'];

describe('faultSchedule', () => {
  it('uses every kind, all inside the fault phase, healing after it', () => {
    const phase = { from: 1000, to: 9000 };
    const schedules = sample({ phase, shards: 3, records: 20, mapping: { parallelizationFactor: 2 } });
    expect(new Set(schedules.flatMap(kindsOf))).toEqual(new Set(['throttle', 'error', 'crash', 'timeout', 'reclaim', 'duplicate', 'restart', 'disable', 'enable', 'defer', 'reject', 'applyThenReject']));
    for (const s of schedules) {
      resolveFaultSchedule(s);
      for (const f of s.invocations) {
        expect(f.match.from! >= phase.from && f.match.from! < phase.to && f.match.to === phase.to).toBe(true);
        expect(f.times).toBeGreaterThanOrEqual(1);
        if (f.match.shard !== undefined) expect(f.match.shard).toBeLessThan(3);
        if (f.match.record !== undefined) expect(f.match.record).toBeLessThan(20);
        if (f.match.lane !== undefined) expect(f.match.lane).toBeLessThan(2);
      }
      s.timed.forEach((f, i) => {
        expect(f.at >= phase.from && f.at <= phase.to).toBe(true);
        if (f.kind === 'duplicate') expect(f.shard).toBeLessThan(3);
        if (f.kind === 'disable') expect(s.timed[i + 1]).toEqual({ kind: 'enable', at: expect.any(Number) });
        if (f.kind === 'disable') expect(s.timed[i + 1]!.at).toBeGreaterThan(f.at);
      });
      for (const f of s.dependencies) {
        // A deferral fails nothing, so it fires on every call it matches; failures are counted.
        if (f.kind === 'defer') expect(f.times).toBeUndefined();
        else expect(f.times).toBeGreaterThanOrEqual(1);
        if (f.match.from !== undefined) expect(f.match.from >= phase.from && f.match.from < phase.to && f.match.to === phase.to).toBe(true);
        if (f.match.probability !== undefined) expect([0.5, 0.25, 0.125]).toContain(f.match.probability);
      }
      expect(s.invocations.length).toBeLessThanOrEqual(4);
      expect(s.timed.filter((f) => f.kind !== 'enable').length).toBeLessThanOrEqual(3);
      expect(s.dependencies.length).toBeLessThanOrEqual(4);
    }
  });

  it('survivable, retry limit m: injected failures stay within the first m attempts and m failing calls', () => {
    for (const m of [1, 2, 5]) {
      for (const s of sample({ mapping: { maximumRetryAttempts: m }, maxDependencyFaults: 4 })) {
        for (const f of s.invocations.filter((f) => ERROR_LIKE.includes(f.kind))) expect(f.match.attempt! >= 1 && f.match.attempt! <= m).toBe(true);
        const failingCalls = s.dependencies.filter((f) => f.kind !== 'defer');
        for (const f of failingCalls) expect(f.times).toBe(1);
        expect(failingCalls.length).toBeLessThanOrEqual(m - Math.min(m, s.invocations.length));
      }
    }
  });

  it('survivable, no retries: failures become throttles and failing calls deferrals', () => {
    const schedules = sample({ mapping: { maximumRetryAttempts: 0 } });
    expect(schedules.flatMap(kindsOf).filter((k) => ERROR_LIKE.includes(k) || k === 'reject' || k === 'applyThenReject')).toEqual([]);
    expect(schedules.some((s) => s.invocations.length > 0 && s.dependencies.length > 0)).toBe(true);
  });

  it('survivable, record-age limit: the schedule fits in half of it, or holds nothing', () => {
    expect(sample({ mapping: { maximumRecordAgeInSeconds: 60 } }).every((s) => kindsOf(s).length === 0)).toBe(true);
    const hour = sample({ mapping: { maximumRecordAgeInSeconds: 3600 } });
    expect(hour.some((s) => kindsOf(s).length > 0)).toBe(true);
    // Worst case per fault: a 5-minute disable, a 300 s window and a poll; 1800 s / 600.25 s → 2 faults.
    expect(Math.max(...hour.map((s) => s.invocations.length + s.timed.filter((f) => f.kind !== 'enable').length + s.dependencies.length))).toBe(2);
  });

  it('not survivable: faults may fire all through their window and hit any attempt', () => {
    const schedules = sample({ survivable: false, mapping: { maximumRetryAttempts: 0 } });
    expect(schedules.some((s) => s.invocations.some((f) => f.times === undefined && f.kind === 'error'))).toBe(true);
    expect(schedules.some((s) => s.dependencies.some((f) => f.kind === 'reject'))).toBe(true);
  });

  it('not survivable: a fault without a firing limit fires for at most 5 minutes, however long the phase (a workload may span hours)', () => {
    const schedules = sample({ survivable: false, phase: { from: 0, to: 6 * 3_600_000 } });
    const unlimited = schedules.flatMap((s) => s.invocations.filter((f) => f.times === undefined));
    expect(unlimited.length).toBeGreaterThan(10);
    for (const f of unlimited) expect(f.match.to! - f.match.from!).toBeLessThanOrEqual(5 * 60_000);
    expect(unlimited.some((f) => f.match.to! - f.match.from! === 5 * 60_000)).toBe(true);
  });

  it('kinds and swarm choose which kinds appear', () => {
    expect(new Set(sample({ kinds: ['throttle', 'restart'] }).flatMap(kindsOf))).toEqual(new Set(['throttle', 'restart']));
    const perRun = sample({ swarm: true }).map((s) => [...new Set(kindsOf(s))].sort().join(','));
    expect(new Set(perRun).size).toBeGreaterThan(30);
    expect(perRun.filter((k) => k === '').length).toBeGreaterThan(0);
  });

  it('shrinks towards no faults, and a single fault towards a throttle over the whole phase', () => {
    expect(fc.check(fc.property(faultSchedule(), () => false), { seed: 1 }).counterexample?.[0]).toEqual({ invocations: [], timed: [], dependencies: [] });
    expect(fc.check(fc.property(faultSchedule(), (s) => s.invocations.length === 0), { seed: 1 }).counterexample?.[0]).toEqual({
      invocations: [{ kind: 'throttle', match: { from: 0, to: 60_000 }, times: 1 }],
      timed: [],
      dependencies: [],
    });
  });

  it('rejects bad options, naming them', () => {
    expect(errorMessage(() => faultSchedule({ phase: { from: 10, to: 10 } }))).toBe('faultSchedule.options.phase.to must be greater than faultSchedule.options.phase.from (10) (got 10)');
    expect(errorMessage(() => faultSchedule({ kinds: ['flood' as never] }))).toContain('faultSchedule.options.kinds[0] must be one of');
    expect(errorMessage(() => faultSchedule({ mapping: { maximumRetryAttempts: -2 } }))).toBe('faultSchedule.options.mapping.maximumRetryAttempts must be -1 or 0..10000 (got -2)');
  });
});
