import { describe, expect, it } from 'vitest';
import type { RawFaults } from '../../../src/arbitraries/_internals/faultIntents.js';
import { FAULT_KINDS } from '../../../src/arbitraries/_internals/faultIntents.js';
import { fitFaults, largestSafeWindowSeconds, type FaultContext } from '../../../src/arbitraries/_internals/fitFaults.js';
import { DEFAULT_TIMING, resolveMappingConfig, type MappingParameters } from '../../../src/scenario/index.js';

const context = (mapping: MappingParameters = {}, extra: Partial<FaultContext> = {}): FaultContext => ({
  phaseFrom: 0,
  phaseTo: 10_000,
  shards: 2,
  records: 10,
  depth: 0,
  mapping: resolveMappingConfig(mapping),
  functionTimeoutMs: 3000,
  timing: DEFAULT_TIMING,
  survivable: true,
  ageAdjustable: true,
  ...extra,
});

// Intents are [kind, mode, value, start, times, afterCalls, attempt] for invocations.
const raw = (invocations: RawFaults['invocations'], timed: RawFaults['timed'] = [], dependencies: RawFaults['dependencies'] = []): RawFaults => ({ kinds: FAULT_KINDS, invocations, timed, dependencies });

describe('fitFaults', () => {
  it('computes the record-age limit a schedule needs: base delay plus each fault’s worst case', () => {
    const none = fitFaults(raw([]), context());
    // 1 s rounding + 2 levels × (no window + 250 ms poll) + 5 s safety.
    expect(none.requiredAgeMs).toBe(6500);
    const error = fitFaults(raw([[1, 0, 0, 0, 1, 0, 0]]), context());
    expect(error.schedule.invocations).toEqual([{ kind: 'error', match: { from: 0, to: 10_000 }, times: 2 }]);
    // Two failures, each a 30 s backoff, the invocation and a poll.
    expect(error.requiredAgeMs).toBe(6500 + 2 * 30_250);
    const disable = fitFaults(raw([], [[3, 0, 500_000, 0]]), context());
    expect(disable.schedule.timed).toEqual([{ kind: 'disable', at: 0 }, { kind: 'enable', at: 5000 }]);
    expect(disable.count).toBe(1);
    expect(disable.requiredAgeMs).toBe(6500 + 5000 + 250);
  });

  it('keeps failures of a record set inside its first m attempts', () => {
    const fitted = fitFaults(raw([[3, 0, 0, 0, 0, 0, 7]]), context({ maximumRetryAttempts: 2 }));
    expect(fitted.schedule.invocations).toEqual([{ kind: 'timeout', match: { attempt: 2, from: 0, to: 10_000 }, times: 1 }]);
  });

  it('caps faults by position, so later ones give way when the budget is spent', () => {
    const intents: RawFaults['invocations'] = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0, 0, 0] as const);
    // 3600 s: half for faults, 600.25 s per fault at worst.
    expect(fitFaults(raw(intents), context({ maximumRecordAgeInSeconds: 3600 }, { ageAdjustable: false })).count).toBe(2);
    expect(fitFaults(raw(intents), context({ maximumRecordAgeInSeconds: 3600 }, { ageAdjustable: true })).count).toBe(5);
    expect(fitFaults(raw(intents), context({ maximumRecordAgeInSeconds: 60 }, { ageAdjustable: false, survivable: false })).count).toBe(5);
  });

  it('largestSafeWindowSeconds leaves half of the age limit to faults', () => {
    expect(largestSafeWindowSeconds(120, 0, DEFAULT_TIMING)).toBe(26);
    expect(largestSafeWindowSeconds(60, 3, DEFAULT_TIMING)).toBe(4);
    expect(largestSafeWindowSeconds(60, 64, DEFAULT_TIMING)).toBe(0);
  });
});
