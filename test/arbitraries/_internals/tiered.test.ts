import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tiered } from '../../../src/arbitraries/_internals/tiered.js';

describe('tiered', () => {
  const arbitrary = tiered<number>([
    { weight: 80, values: { min: 1, max: 20 } },
    { weight: 20, values: { min: 21, max: 1000 } },
    { weight: 1, values: [-1] },
  ]);

  it('draws each tier about as often as its weight says, over its whole range', () => {
    const values = fc.sample(arbitrary, { seed: 1, numRuns: 4000 });
    const small = values.filter((v) => v >= 1 && v <= 20).length / values.length;
    expect(small).toBeGreaterThan(0.65);
    expect(values.some((v) => v > 500)).toBe(true);
    expect(values).toContain(-1);
    expect(new Set(values.filter((v) => v <= 20))).toEqual(new Set(Array.from({ length: 20 }, (_, i) => i + 1).concat([-1])));
  });

  it('shrinks within a tier towards its start, and into earlier tiers', () => {
    expect(fc.check(fc.property(arbitrary, () => false), { seed: 2 }).counterexample?.[0]).toBe(1);
    expect(fc.check(fc.property(arbitrary, (v) => v < 30 && v !== -1), { seed: 2 }).counterexample?.[0]).toBe(30);
  });
});
