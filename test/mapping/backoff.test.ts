import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../src/mapping/backoff.js';
import { DEFAULT_TIMING } from '../../src/scenario/timing.js';

describe('retryDelay', () => {
  const timing = { retryBaseMs: 500, retryMaxMs: 30_000 };

  it('doubles from the base after each failed attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(timing, n))).toEqual([500, 1000, 2000, 4000, 8000, 16_000]);
  });

  it('is capped at the maximum', () => {
    expect(retryDelay(timing, 7)).toBe(30_000);
    expect(retryDelay(timing, 10_000)).toBe(30_000);
    expect(retryDelay(timing, Number.MAX_SAFE_INTEGER)).toBe(30_000);
  });

  it('treats 0 (or less) failed attempts as the first', () => {
    expect(retryDelay(timing, 0)).toBe(500);
    expect(retryDelay(timing, -3)).toBe(500);
  });

  it('a zero base means immediate retries', () => {
    expect(retryDelay({ retryBaseMs: 0, retryMaxMs: 0 }, 5)).toBe(0);
  });

  it('a base equal to the maximum is constant', () => {
    expect([1, 2, 9].map((n) => retryDelay({ retryBaseMs: 100, retryMaxMs: 100 }, n))).toEqual([100, 100, 100]);
  });

  it('uses the default timing as documented', () => {
    expect(retryDelay(DEFAULT_TIMING, 1)).toBe(DEFAULT_TIMING.retryBaseMs);
    expect(retryDelay(DEFAULT_TIMING, 100)).toBe(DEFAULT_TIMING.retryMaxMs);
  });
});
