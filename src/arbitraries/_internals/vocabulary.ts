import { faker as localeFaker } from '@faker-js/faker/locale/en';
import { DEFAULT_START_EPOCH_MS, HOUR } from '../../core/index.js';

/** Realistic text drawn from one seeded faker instance; items combine entries cheaply. */
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
 * How many vocabularies exist. A vocabulary costs about half a millisecond of faker calls (a
 * reseed alone costs 25 µs), so each is built once per process and items pick from it with a
 * cheap PRNG: a 100-record scenario then stays well under a millisecond to generate.
 */
export const VOCABULARY_SEEDS = 256;
const ENTRIES = 24;

type FakerInstance = typeof localeFaker;
type FakerConstructor = new (options: { locale: FakerInstance['rawDefinitions'] }) => FakerInstance;

// A private instance: seeding it never disturbs a user's own `faker` from the same locale module.
// The per-locale entry point exports only its instance, so its class comes from the constructor
// (importing the `Faker` class from the package root costs ~130 ms against ~25 ms).
const faker = new (localeFaker.constructor as unknown as FakerConstructor)({ locale: localeFaker.rawDefinitions });
faker.setDefaultRefDate(new Date(DEFAULT_START_EPOCH_MS));

const cache = new Map<number, Vocabulary>();

/** The vocabulary of a seed in `0..VOCABULARY_SEEDS-1`: the same seed gives the same text in any process. */
export function vocabulary(seed: number): Vocabulary {
  const key = ((seed % VOCABULARY_SEEDS) + VOCABULARY_SEEDS) % VOCABULARY_SEEDS;
  let found = cache.get(key);
  if (found === undefined) {
    found = build(key);
    cache.set(key, found);
  }
  return found;
}

function build(seed: number): Vocabulary {
  faker.seed(seed);
  const list = <T>(make: () => T): T[] => Array.from({ length: ENTRIES }, make);
  const from = new Date(DEFAULT_START_EPOCH_MS - 365 * 24 * HOUR);
  const to = new Date(DEFAULT_START_EPOCH_MS);
  return {
    people: list(() => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return { name: `${firstName} ${lastName}`, email: faker.internet.email({ firstName, lastName }).toLowerCase() };
    }),
    streets: list(() => faker.location.streetAddress()),
    cities: list(() => faker.location.city()),
    zipCodes: list(() => faker.location.zipCode()),
    countries: list(() => faker.location.countryCode()),
    products: list(() => faker.commerce.productName()),
    companies: list(() => faker.company.name()),
    words: [...new Set(list(() => faker.word.noun()))],
    dates: list(() => faker.date.between({ from, to }).toISOString()),
  };
}
