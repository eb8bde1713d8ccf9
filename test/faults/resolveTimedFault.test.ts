import { describe, expect, it } from 'vitest';
import { resolveTimedFault } from '../../src/faults/resolveTimedFault.js';
import { errorMessage } from '../support/errorMessage.js';

const P = 'faults.timed[0]';
const resolve = (value: unknown) => resolveTimedFault(value, P);
const error = (value: unknown) => errorMessage(() => resolve(value));

describe('resolveTimedFault', () => {
  it.each(['disable', 'enable', 'restart', 'reclaim'])('accepts %s at a time >= 0 (R28)', (kind) => {
    expect(resolve({ kind, at: 0 })).toEqual({ kind, at: 0 });
    expect(resolve({ kind, at: 12.5 })).toEqual({ kind, at: 12.5 });
  });

  it('accepts duplicate with a shard (R48)', () => {
    expect(resolve({ kind: 'duplicate', at: 3, shard: 0 })).toEqual({ kind: 'duplicate', at: 3, shard: 0 });
  });

  it('requires at to be a finite time >= 0', () => {
    expect(error({ kind: 'restart' })).toBe(`${P}.at must be a finite number >= 0 (got undefined)`);
    expect(error({ kind: 'restart', at: -1 })).toBe(`${P}.at must be a finite number >= 0 (got -1)`);
    expect(error({ kind: 'restart', at: Number.NaN })).toBe(`${P}.at must be a finite number >= 0 (got NaN)`);
  });

  it('requires a shard for duplicate, and only for duplicate', () => {
    expect(error({ kind: 'duplicate', at: 0 })).toBe(`${P}.shard must be an integer >= 0 (got undefined)`);
    expect(error({ kind: 'duplicate', at: 0, shard: -1 })).toBe(`${P}.shard must be an integer >= 0 (got -1)`);
    expect(error({ kind: 'disable', at: 0, shard: 1 })).toBe(`${P}.shard is only valid for kind "duplicate" (got 1)`);
  });

  it('rejects unknown kinds and options', () => {
    expect(error({ kind: 'split', at: 0 })).toBe(
      `${P}.kind must be one of "disable", "enable", "restart", "duplicate", "reclaim" (got "split")`,
    );
    expect(error({ kind: 'enable', at: 0, for: 10 })).toBe(`${P}.for is not a known option; valid options are kind, at`);
    expect(error({ kind: 'duplicate', at: 0, shard: 0, times: 2 })).toBe(
      `${P}.times is not a known option; valid options are kind, at, shard`,
    );
  });
});
