import { VOCABULARY_TEXT } from './vocabularyTable.js';

/** Realistic text drawn once from a seeded faker; items combine entries cheaply. */
export interface Vocabulary {
  readonly people: readonly { readonly name: string; readonly email: string }[];
  readonly streets: readonly string[];
  readonly cities: readonly string[];
  readonly zipCodes: readonly string[];
  readonly countries: readonly string[];
  readonly products: readonly string[];
  readonly companies: readonly string[];
  /** Distinct words, for string sets. */
  readonly words: readonly string[];
  /** ISO-8601 instants in the year before the default start epoch. */
  readonly dates: readonly string[];
}

/**
 * How many vocabularies exist. Each is read from a table that @faker-js/faker filled once
 * (see test/arbitraries/_internals/fakerVocabulary.ts): drawing one from faker costs about a
 * millisecond and importing faker ~40 ms, more than generating a whole 100-record scenario. The
 * table also keeps a seed's text the same whatever faker version a user has installed.
 */
export const VOCABULARY_SEEDS = VOCABULARY_TEXT.length;

const cache = new Map<number, Vocabulary>();

/** The vocabulary of a seed in `0..VOCABULARY_SEEDS-1`: the same seed gives the same text in any process. */
export function vocabulary(seed: number): Vocabulary {
  const key = ((seed % VOCABULARY_SEEDS) + VOCABULARY_SEEDS) % VOCABULARY_SEEDS;
  let found = cache.get(key);
  if (found === undefined) {
    found = decode(VOCABULARY_TEXT[key]!);
    cache.set(key, found);
  }
  return found;
}

/** A table entry: a line per list (people as names, then emails), entries separated by `|`. */
function decode(text: string): Vocabulary {
  const [names, emails, streets, cities, zipCodes, countries, products, companies, words, dates] = text.split('\n').map((line) => line.split('|'));
  if (dates === undefined || names!.length !== emails!.length) throw new Error('shardcheck internal invariant violated: malformed vocabulary table entry');
  return {
    people: names!.map((name, i) => ({ name, email: emails![i]! })),
    streets: streets!,
    cities: cities!,
    zipCodes: zipCodes!,
    countries: countries!,
    products: products!,
    companies: companies!,
    words: words!,
    dates,
  };
}
