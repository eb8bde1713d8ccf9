import { marshall } from '@aws-sdk/util-dynamodb';
import { faker } from '@faker-js/faker/locale/en';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemAttributes } from '../../src/arbitraries/index.js';
import { storedItemOf } from '../../src/table/storedItemOf.js';
import type { Item } from '../../src/table/index.js';

const sample = (seed: number, numRuns = 200): Item[] => fc.sample(itemAttributes(), { seed, numRuns });
const values = (items: readonly Item[], name: string): unknown[] => items.flatMap((item) => (name in item ? [item[name]] : []));

describe('itemAttributes', () => {
  it('gives realistic values of every DynamoDB type', () => {
    const items = sample(1);
    expect(values(items, 'name').every((n) => typeof n === 'string' && /^\S+ \S+/.test(n))).toBe(true);
    expect(values(items, 'email').every((e) => typeof e === 'string' && /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(e))).toBe(true);
    expect(values(items, 'amount').every((a) => typeof a === 'number' && Math.round(a * 100) / 100 === a)).toBe(true);
    expect(values(items, 'createdAt').every((d) => typeof d === 'string' && new Date(d).toISOString() === d)).toBe(true);
    expect(values(items, 'address').every((a) => typeof a === 'object' && a !== null && 'geo' in a)).toBe(true);
    expect(values(items, 'lines').every((l) => Array.isArray(l) && l.length > 0)).toBe(true);
    expect(values(items, 'tags').every((t) => t instanceof Set && t.size > 0 && [...t].every((w) => typeof w === 'string'))).toBe(true);
    expect(values(items, 'scores').every((t) => t instanceof Set && t.size > 0)).toBe(true);
    expect(values(items, 'avatar').every((b) => b instanceof Uint8Array && b.length > 0)).toBe(true);
    expect(values(items, 'active').every((b) => typeof b === 'boolean')).toBe(true);
    expect(values(items, 'deletedAt').every((n) => n === null)).toBe(true);
    for (const name of ['name', 'email', 'amount', 'createdAt', 'address', 'lines', 'tags', 'scores', 'avatar', 'active', 'deletedAt']) {
      expect(values(items, name).length, name).toBeGreaterThan(10);
    }
  });

  it('marshals with @aws-sdk/util-dynamodb and is accepted by the table', () => {
    fc.assert(
      fc.property(itemAttributes(), (item) => {
        marshall(item);
        storedItemOf(item, 'item');
        expect(Object.values(item).includes(undefined)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic for a seed, and differs between seeds', () => {
    expect(sample(7)).toEqual(sample(7));
    expect(sample(7)).not.toEqual(sample(8));
  });

  it('uses its own faker instance: a user seeding the shared one keeps their sequence', () => {
    faker.seed(123);
    const expected = [faker.person.fullName(), faker.person.fullName()];
    faker.seed(123);
    const first = faker.person.fullName();
    sample(1234, 50);
    expect([first, faker.person.fullName()]).toEqual(expected);
  });

  it('never generates excluded attributes', () => {
    const items = fc.sample(itemAttributes({ exclude: ['name', 'email', 'tags'] }), { seed: 2, numRuns: 200 });
    expect(items.some((item) => 'name' in item || 'email' in item || 'tags' in item)).toBe(false);
    expect(items.every((item) => Object.keys(item).length >= 2)).toBe(true);
  });
});
