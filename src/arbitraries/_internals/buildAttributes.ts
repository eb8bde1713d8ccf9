import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { Prng } from '../../core/index.js';
import type { Item } from '../../table/index.js';
import type { Vocabulary } from './vocabulary.js';

type Generator = (v: Vocabulary, p: Prng, person: Vocabulary['people'][number]) => NativeAttributeValue;

const pick = <T>(p: Prng, items: readonly T[]): T => p.pick(items);
/** Two decimals, exact in decimal text (an integer divided by 100). */
const money = (p: Prng, max: number): number => p.int(0, max * 100) / 100;

/** Distinct entries of `items` (1..max of them); sets must be non-empty with unique elements. */
function distinct<T>(p: Prng, items: readonly T[], max: number): Set<T> {
  const out = new Set<T>();
  const count = p.int(1, Math.min(max, items.length));
  while (out.size < count) out.add(pick(p, items));
  return out;
}

/** `length` random bytes (a plain loop: `Uint8Array.from` with a mapper is several times slower). */
function bytes(p: Prng, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = p.int(0, 255);
  return out;
}

/**
 * Attribute generators, by the attribute name they fill. Values are bounded (strings under 100
 * bytes, at most 4 elements per collection, nesting at most 2 deep), so any combination stays a
 * few KB and a near-400 KB item can still take every one of them.
 */
const GENERATORS: Readonly<Record<string, Generator>> = {
  name: (_v, _p, person) => person.name,
  email: (_v, _p, person) => person.email,
  amount: (_v, p) => money(p, 5000),
  currency: (_v, p) => pick(p, ['USD', 'EUR', 'GBP', 'JPY']),
  status: (_v, p) => pick(p, ['active', 'pending', 'suspended', 'closed']),
  active: (_v, p) => p.chance(0.5),
  createdAt: (v, p) => pick(p, v.dates),
  deletedAt: () => null,
  company: (v, p) => pick(p, v.companies),
  address: (v, p) => ({
    street: pick(p, v.streets),
    city: pick(p, v.cities),
    zip: pick(p, v.zipCodes),
    country: pick(p, v.countries),
    geo: { lat: p.int(-900_000, 900_000) / 10_000, lng: p.int(-1_800_000, 1_800_000) / 10_000 },
  }),
  lines: (v, p) =>
    Array.from({ length: p.int(1, 3) }, () => ({ sku: pick(p, v.products), qty: p.int(1, 9), price: money(p, 500) })),
  tags: (v, p) => distinct(p, v.words, 4),
  scores: (_v, p) => distinct(p, [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987], 4),
  avatar: (_v, p) => bytes(p, p.int(4, 32)),
};

/** Names of the generated attributes, in a fixed order. */
export const ATTRIBUTE_NAMES: readonly string[] = Object.keys(GENERATORS);

/** Attribute names an item may use on this table: never a key attribute or the TTL attribute. */
export function usableNames(reserved: readonly string[]): readonly string[] {
  return ATTRIBUTE_NAMES.filter((name) => !reserved.includes(name));
}

/** One value of the named attribute. */
export function attributeValue(name: string, v: Vocabulary, p: Prng): NativeAttributeValue {
  const generate = GENERATORS[name];
  if (generate === undefined) throw new Error(`shardcheck internal invariant violated: no generator for ${name}`);
  return generate(v, p, pick(p, v.people));
}

/**
 * Realistic attributes for one item: 2..6 of the usable names (a person's name with a matching
 * email, amounts, ISO dates, nested maps and lists, string and number sets, binary, booleans,
 * nulls). Every value marshals with @aws-sdk/util-dynamodb as is.
 */
export function buildAttributes(v: Vocabulary, p: Prng, names: readonly string[]): Item {
  const item: Item = {};
  if (names.length === 0) return item;
  const person = pick(p, v.people);
  const count = p.int(Math.min(2, names.length), Math.min(6, names.length));
  let start = p.int(0, names.length - 1);
  for (let i = 0; i < count; i++) {
    const name = names[(start + i) % names.length]!;
    item[name] = GENERATORS[name]!(v, p, person);
    // Skip now and then, so items differ in shape, not only in values.
    if (p.chance(0.3)) start++;
  }
  return item;
}
