import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Choices } from '../../src/mapping/Choices.js';

describe('Choices', () => {
  it('picks list values modulo the number of options, in order', () => {
    const choices = new Choices([1, 5, 2]);
    expect(choices.pick(3)).toBe(1);
    expect(choices.pick(3)).toBe(2);
    expect(choices.pick(2)).toBe(0);
  });

  it('an exhausted (or empty) list picks 0', () => {
    const choices = new Choices([2]);
    expect(choices.pick(4)).toBe(2);
    expect(choices.pick(4)).toBe(0);
    expect(choices.pick(9)).toBe(0);
    expect(new Choices([]).pick(5)).toBe(0);
  });

  it('a single option (or none) consumes nothing', () => {
    const choices = new Choices([3, 1]);
    expect(choices.pick(1)).toBe(0);
    expect(choices.pick(0)).toBe(0);
    expect(choices.pick(4)).toBe(3);
    expect(choices.pick(1)).toBe(0);
    expect(choices.pick(4)).toBe(1);
  });

  it('order is the identity when the list is empty', () => {
    expect(new Choices([]).order(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });

  it('order draws each position from what is left', () => {
    // pick(3) = 1 -> b; pick(2) = 1 -> c; pick(1) -> a (no draw)
    const choices = new Choices([1, 1, 7]);
    expect(choices.order(['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
    // The unused 7 is still there for the next decision.
    expect(choices.pick(4)).toBe(3);
  });

  it('order does not modify its input', () => {
    const items = Object.freeze(['a', 'b', 'c']);
    expect(new Choices([2, 0]).order(items)).toEqual(['c', 'a', 'b']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('property: order is a permutation, and the same list gives the same permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { maxLength: 30 }), fc.array(fc.integer(), { maxLength: 20 }), (list, items) => {
        const out = new Choices(list).order(items);
        expect(out).toHaveLength(items.length);
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(new Choices(list).order(items)).toEqual(out);
      }),
      { numRuns: 500 },
    );
  });

  it('property: every permutation is reachable', () => {
    const seen = new Set<string>();
    for (let a = 0; a < 4; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 2; c++) seen.add(new Choices([a, b, c]).order([0, 1, 2, 3]).join(''));
    expect(seen.size).toBe(24);
  });
});
