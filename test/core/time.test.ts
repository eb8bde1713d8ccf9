import { describe, expect, it } from 'vitest';
import { DEFAULT_START_EPOCH_MS, HOUR, MINUTE, SECOND, isoAt, isoSecondsAt } from '../../src/core/time.js';

describe('virtual time', () => {
  it('units', () => {
    expect([SECOND, MINUTE, HOUR]).toEqual([1000, 60_000, 3_600_000]);
  });

  it('virtual 0 is 2026-01-01T00:00:00Z by default', () => {
    expect(isoAt(DEFAULT_START_EPOCH_MS, 0)).toBe('2026-01-01T00:00:00.000Z');
  });

  it('isoAt keeps milliseconds', () => {
    expect(isoAt(DEFAULT_START_EPOCH_MS, 1_234)).toBe('2026-01-01T00:00:01.234Z');
    expect(isoAt(DEFAULT_START_EPOCH_MS, 25 * HOUR)).toBe('2026-01-02T01:00:00.000Z');
  });

  it('isoSecondsAt truncates to whole seconds and drops the fraction', () => {
    expect(isoSecondsAt(DEFAULT_START_EPOCH_MS, 0)).toBe('2026-01-01T00:00:00Z');
    expect(isoSecondsAt(DEFAULT_START_EPOCH_MS, 999)).toBe('2026-01-01T00:00:00Z');
    expect(isoSecondsAt(DEFAULT_START_EPOCH_MS, 1_000)).toBe('2026-01-01T00:00:01Z');
    expect(isoSecondsAt(DEFAULT_START_EPOCH_MS, 59_999)).toBe('2026-01-01T00:00:59Z');
    expect(isoSecondsAt(0, 1_500)).toBe('1970-01-01T00:00:01Z');
  });
});
