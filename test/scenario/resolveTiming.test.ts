import { describe, expect, it } from 'vitest';
import { resolveTiming } from '../../src/scenario/resolveTiming.js';
import { DEFAULT_TIMING, type Timing } from '../../src/scenario/timing.js';
import { errorMessage } from '../support/errorMessage.js';

const loose = (params: Record<string, unknown>): Partial<Timing> => params as Partial<Timing>;

describe('resolveTiming', () => {
  it('defaults to DEFAULT_TIMING (R29 poll cadence, R22 LATEST jitter, ambiguity 28 backoff)', () => {
    const timing = resolveTiming(undefined);
    expect(timing).toEqual(DEFAULT_TIMING);
    expect(timing.pollIntervalMs).toBe(250);
    expect(Object.isFrozen(timing)).toBe(true);
  });

  it('overrides only what is given and accepts 0 where a delay may be empty', () => {
    expect(resolveTiming({ latestStartJitterMs: 0, invocationMs: 0, throttleRetryMs: 0, retryBaseMs: 0 })).toEqual({
      ...DEFAULT_TIMING,
      latestStartJitterMs: 0,
      invocationMs: 0,
      throttleRetryMs: 0,
      retryBaseMs: 0,
    });
  });

  it.each(['latestStartJitterMs', 'retryBaseMs', 'retryMaxMs', 'throttleRetryMs', 'invocationMs'])(
    'rejects negative, infinite and non-numeric %s',
    (key) => {
      for (const [value, got] of [[-1, '-1'], [Infinity, 'Infinity'], ['5', '"5"']] as const) {
        expect(errorMessage(() => resolveTiming(loose({ [key]: value })))).toBe(
          `timing.${key} must be a finite number >= 0 (got ${got})`,
        );
      }
    },
  );

  it('requires a positive poll interval', () => {
    expect(resolveTiming({ pollIntervalMs: 0.5 }).pollIntervalMs).toBe(0.5);
    expect(errorMessage(() => resolveTiming({ pollIntervalMs: 0 }))).toBe('timing.pollIntervalMs must be a finite number > 0 (got 0)');
    expect(errorMessage(() => resolveTiming({ pollIntervalMs: -250 }))).toBe(
      'timing.pollIntervalMs must be a finite number > 0 (got -250)',
    );
  });

  it('requires retryBaseMs <= retryMaxMs, against defaults too', () => {
    expect(resolveTiming({ retryBaseMs: 100, retryMaxMs: 100 }).retryBaseMs).toBe(100);
    expect(errorMessage(() => resolveTiming({ retryBaseMs: 40_000 }))).toBe(
      'timing.retryBaseMs must be <= timing.retryMaxMs (30000) (got 40000)',
    );
    expect(errorMessage(() => resolveTiming({ retryMaxMs: 100 }))).toBe(
      'timing.retryBaseMs must be <= timing.retryMaxMs (100) (got 500)',
    );
  });

  it('lists valid options for unknown ones', () => {
    expect(errorMessage(() => resolveTiming(loose({ pollMs: 1 })))).toBe(
      'timing.pollMs is not a known option; valid options are pollIntervalMs, latestStartJitterMs, retryBaseMs, ' +
        'retryMaxMs, throttleRetryMs, invocationMs',
    );
  });
});
