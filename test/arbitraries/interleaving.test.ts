import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleaving } from '../../src/arbitraries/index.js';

describe('interleaving', () => {
  it('gives small choices, bounded in number', () => {
    for (const choices of fc.sample(interleaving({ maxLength: 5, maxChoice: 3 }), { seed: 1, numRuns: 100 })) {
      expect(choices.length).toBeLessThanOrEqual(5);
      for (const c of choices) expect(c >= 0 && c <= 3 && Number.isInteger(c)).toBe(true);
    }
  });

  it('shrinks towards no surprises: the empty list, choices of 0', () => {
    expect(fc.check(fc.property(interleaving(), () => false), { seed: 1 }).counterexample?.[0]).toEqual([]);
    expect(fc.check(fc.property(interleaving(), (c) => c.length < 2), { seed: 1 }).counterexample?.[0]).toEqual([0, 0]);
  });
});
