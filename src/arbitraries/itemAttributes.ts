import fc from 'fast-check';
import { Prng, readArray, readObject, rejectUnknownOptions } from '../core/index.js';
import type { Item } from '../table/index.js';
import { buildAttributes, usableNames } from './_internals/buildAttributes.js';
import { VOCABULARY_SEEDS, vocabulary } from './_internals/vocabulary.js';

export interface ItemAttributesOptions {
  /** Attribute names never to generate, e.g. the table's key attributes. */
  exclude?: readonly string[];
}

/**
 * Realistic non-key item attributes: a person's name with a matching email, amounts with two
 * decimals, ISO dates, a status, nested maps (an address with coordinates) and lists (order
 * lines), string and number sets, binary (Uint8Array), booleans and nulls; 2..6 per item.
 *
 * Text comes from one of 256 vocabularies a seeded @faker-js/faker drew once (stored as a table),
 * picked by a fast-check value, so the same fast-check seed gives the same items in any process
 * and with any installed faker version. Values always marshal with
 * @aws-sdk/util-dynamodb: sets are non-empty with unique elements, numbers are exact decimals
 * well inside DynamoDB's range, nothing is undefined. Shrinks towards seed 0 and simpler picks.
 */
export function itemAttributes(options?: ItemAttributesOptions): fc.Arbitrary<Item> {
  const o = readObject('itemAttributes.options', options ?? {});
  rejectUnknownOptions('itemAttributes.options', o, ['exclude']);
  const exclude = o.exclude === undefined ? [] : (readArray('itemAttributes.options.exclude', o.exclude) as string[]);
  const names = usableNames(exclude);
  return fc
    .tuple(fc.nat({ max: VOCABULARY_SEEDS - 1 }), fc.nat())
    .map(([seed, detail]) => buildAttributes(vocabulary(seed), new Prng(detail), names));
}
