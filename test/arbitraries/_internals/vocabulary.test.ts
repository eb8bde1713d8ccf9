import { describe, expect, it } from 'vitest';
import { VOCABULARY_SEEDS, vocabulary } from '../../../src/arbitraries/_internals/vocabulary.js';
import { FAKER_VERSION as TABLE_FAKER_VERSION } from '../../../src/arbitraries/_internals/vocabularyTable.js';
import { FAKER_VERSION, fakerVocabulary } from './fakerVocabulary.js';

const seeds = Array.from({ length: VOCABULARY_SEEDS }, (_, seed) => seed);

describe('vocabulary', () => {
  it('has 256 seeds, each with 24 entries per list and distinct words', () => {
    expect(VOCABULARY_SEEDS).toBe(256);
    for (const seed of seeds) {
      const v = vocabulary(seed);
      for (const list of [v.people, v.streets, v.cities, v.zipCodes, v.countries, v.products, v.companies, v.dates]) expect(list).toHaveLength(24);
      expect(new Set(v.words).size).toBe(v.words.length);
      expect(v.words.length).toBeGreaterThan(0);
      expect(v.dates.every((d) => new Date(d).toISOString() === d)).toBe(true);
    }
  });

  it('wraps seeds outside 0..255 and returns the same object for a seed', () => {
    expect(vocabulary(3)).toBe(vocabulary(3 + VOCABULARY_SEEDS));
    expect(vocabulary(-1)).toBe(vocabulary(VOCABULARY_SEEDS - 1));
  });

  // The table is what faker drew; a newer faker may draw differently, and that must not move
  // generated values, so the comparison only runs against the version that made the table.
  it.runIf(FAKER_VERSION === TABLE_FAKER_VERSION)(`is what @faker-js/faker ${TABLE_FAKER_VERSION} draws for every seed`, () => {
    for (const seed of seeds) expect(vocabulary(seed), `seed ${seed}`).toEqual(fakerVocabulary(seed));
  });
});
